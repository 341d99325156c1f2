package kz.adal.bank.format;

import static kz.adal.bank.format.Fixtures.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingAndSizeTest {
    private static final String KAZAKH_ITEM = "Абай Құнанбайұлы қай облыста туған?\n"
            + "A. Абай облысы\nB. Алматы облысы\nC. Жамбыл облысы\nD. Түркістан облысы\nE. Маңғыстау облысы\n"
            + "ANSWER: A\nDIFFICULTY: easy\n";
    private static final String RUSSIAN_ITEM = "Line one is ASCII: ok\n"
            + "Сколько будет два плюс два?\nA. Три\nB. Четыре\nC. Пять\nD. Шесть\nE. Семь\nANSWER: B\nDIFFICULTY: easy\n";

    private final QuestionImporter importer = new QuestionImporter();

    @Test
    void refusesWindows1251BytesNamingTheFirstBadLine() {
        byte[] cp1251 = RUSSIAN_ITEM.getBytes(Charset.forName("windows-1251"));

        ImportPreview preview = importer.parse(cp1251, BankFormat.AIKEN, ImportOptions.defaults());

        assertEquals(List.of("ENCODING"), codes(preview));
        assertEquals(2, preview.problems().get(0).line(), "line 1 is ASCII, line 2 has the first Cyrillic byte");
        assertTrue(preview.problems().get(0).message().contains("UTF-8"));
        assertTrue(preview.questions().isEmpty(), "nothing is imported from a mis-encoded file");
    }

    @Test
    void refusesMisEncodedGiftAndXmlToo() {
        byte[] gift = "// [tag:easy]\nЧто? {=да ~нет ~может ~никогда ~всегда}\n".getBytes(Charset.forName("windows-1251"));
        byte[] xml = "<quiz>\n<question type=\"multichoice\"><questiontext><text>Что?</text></questiontext></question></quiz>"
                .getBytes(Charset.forName("windows-1251"));

        assertEquals(List.of("ENCODING"), codes(importer.parse(gift, BankFormat.GIFT, ImportOptions.defaults())));
        ImportPreview xmlPreview = importer.parse(xml, BankFormat.MOODLE_XML, ImportOptions.defaults());
        assertEquals(List.of("ENCODING"), codes(xmlPreview));
        assertEquals(2, xmlPreview.problems().get(0).line());
    }

    @Test
    void acceptsUtf8WithAndWithoutBom() {
        byte[] plain = KAZAKH_ITEM.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);

        ImportPreview a = importer.parse(plain, BankFormat.AIKEN, ImportOptions.defaults());
        ImportPreview b = importer.parse(withBom, BankFormat.AIKEN, ImportOptions.defaults());

        assertTrue(a.clean() && b.clean(), a.problems() + " " + b.problems());
        assertEquals(a.questions(), b.questions());
        assertEquals("Абай Құнанбайұлы қай облыста туған?", b.questions().get(0).stem(), "BOM is not part of the stem");
    }

    @Test
    void acceptsUtf16WithBomInBothByteOrders() {
        byte[] le = withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, KAZAKH_ITEM.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = KAZAKH_ITEM.getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM

        for (byte[] bytes : List.of(le, be)) {
            ImportPreview preview = importer.parse(bytes, BankFormat.AIKEN, ImportOptions.defaults());
            assertTrue(preview.clean(), preview.problems().toString());
            assertEquals("Абай облысы", preview.questions().get(0).options().get(0).text());
        }
    }

    @Test
    void refusesUtf16WithoutBom() {
        byte[] bytes = KAZAKH_ITEM.getBytes(StandardCharsets.UTF_16LE);

        ImportPreview preview = importer.parse(bytes, BankFormat.AIKEN, ImportOptions.defaults());

        assertEquals(List.of("ENCODING"), codes(preview));
        assertTrue(preview.questions().isEmpty());
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        byte[] bytes = KAZAKH_ITEM.repeat(10).getBytes(StandardCharsets.UTF_8);

        ImportPreview preview = importer.parse(bytes, BankFormat.AIKEN, ImportOptions.defaults().withMaxBytes(bytes.length - 1));

        assertEquals(List.of("FILE_TOO_LARGE"), codes(preview));
        assertTrue(preview.questions().isEmpty());
        assertTrue(importer.parse(bytes, BankFormat.AIKEN, ImportOptions.defaults().withMaxBytes(bytes.length)).clean(),
                "a file exactly at the limit is accepted");
    }

    @Test
    void defaultLimitIsFiveMebibytes() {
        assertEquals(5L * 1024 * 1024, ImportOptions.defaults().maxBytes());
        byte[] big = new byte[5 * 1024 * 1024 + 1];

        assertEquals(List.of("FILE_TOO_LARGE"), codes(importer.parse(big, BankFormat.GIFT, ImportOptions.defaults())));
    }

    @Test
    void stopsReadingAnOversizedStreamAtTheLimit() {
        long limit = 1024;
        CountingStream endless = new CountingStream();

        ImportPreview preview = importer.parse(endless, BankFormat.MOODLE_XML, ImportOptions.defaults().withMaxBytes(limit));

        assertEquals(List.of("FILE_TOO_LARGE"), codes(preview));
        assertEquals(limit + 1, endless.read, "reads one byte past the limit, no more");
    }

    @Test
    void readsAStreamWithinTheLimit() {
        ImportPreview preview = importer.parse(new ByteArrayInputStream(KAZAKH_ITEM.getBytes(StandardCharsets.UTF_8)),
                BankFormat.AIKEN, ImportOptions.defaults());

        assertTrue(preview.clean());
        assertEquals(1, preview.questions().size());
    }

    private static byte[] withPrefix(byte[] prefix, byte[] body) {
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    /** An endless stream of 'a' that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, 100);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            read += n;
            return n;
        }
    }
}
