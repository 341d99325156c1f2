package kz.adal.bank.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into text: UTF-8 (with or without BOM) or UTF-16 with BOM, nothing else.
 * Guessing a legacy code page (Windows-1251 is common for Kazakh and Russian files) would silently
 * garble the questions, so any invalid byte refuses the whole file and names the first bad line.
 */
final class TextDecoding {
    /** Either the text (line endings normalised to \n, BOM removed) or the problem that stopped decoding. */
    record Result(String text, ImportProblem problem) {
    }

    private TextDecoding() {
    }

    static Result decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        String encodingName = "UTF-8";
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
            encodingName = "UTF-16";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
            encodingName = "UTF-16";
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            int line = lineAt(out, out.limit());
            return new Result(null, new ImportProblem(line, 0, "ENCODING",
                    "The file is not valid " + encodingName + " (first bad bytes on line " + line
                            + "). Save it as UTF-8 and upload again; legacy code pages such as"
                            + " Windows-1251 are not accepted."));
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            // UTF-16 without a BOM decodes as UTF-8 full of NULs: refuse rather than import garbage.
            int line = lineAt(CharBuffer.wrap(text), nul);
            return new Result(null, new ImportProblem(line, 0, "ENCODING",
                    "The file contains NUL characters (first on line " + line + "); it may be UTF-16"
                            + " without a byte-order mark. Save it as UTF-8 and upload again."));
        }
        return new Result(text.replace("\r\n", "\n").replace('\r', '\n'), null);
    }

    private static int lineAt(CharBuffer chars, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            char c = chars.get(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= end || chars.get(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
