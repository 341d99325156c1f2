package kz.adal.platform;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV table for download, written by commons-csv (RFC 4180 quoting), with one guard added: a cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed
 * with a single quote, as OWASP's "CSV Injection" page advises. A plain number ({@code -3}, {@code -2.50})
 * is no formula and stays as it is, so sums still work.
 */
public final class Csv {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * A CSV file a person uploads (accounts, an admission list), as text: strict UTF-8 with a BOM allowed, so a
     * Windows-1251 file is refused ({@code ENCODING}) rather than read garbled.
     */
    public static String decodeUtf8(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("ENCODING", "The file is not UTF-8; save it as \"CSV UTF-8\" and try again");
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;

    private Csv(String recordSeparator, List<String> columns) {
        try {
            printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator(recordSeparator).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(columns);
    }

    /** A table whose header is {@code columns} and whose lines end with CR LF (RFC 4180; what spreadsheets expect). */
    public static Csv withColumns(List<String> columns) {
        return new Csv("\r\n", columns);
    }

    /** The same with lines ending in LF only. */
    public static Csv withUnixLines(List<String> columns) {
        return new Csv("\n", columns);
    }

    /** One record: {@code null} is an empty cell, a {@link BigDecimal} is written without exponent. */
    public Csv row(List<?> cells) {
        try {
            for (Object c : cells) printer.print(cell(c));
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder doesn't fail
        }
        return this;
    }

    /** The table as text. */
    public String text() {
        return text.toString();
    }

    /** UTF-8 with a byte-order mark, so that Excel reads Kazakh and Russian letters right. */
    public byte[] utf8WithBom() {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) return "";
        String s = value instanceof BigDecimal b ? b.toPlainString() : value.toString();
        if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 && !NUMBER.matcher(s).matches()) return "'" + s;
        return s;
    }
}
