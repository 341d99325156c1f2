package kz.adal.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfDocumentTest {
    @Test
    void printsKazakhAndRussianTextIntoAPdf() {
        byte[] pdf = PdfDocument.create("Тест базасының паспорты")
                .fields(List.<String[]>of(new String[]{"Пән", "Ақпараттық жүйелер"}, new String[]{"Язык", "русский"}))
                .table(List.of("№", "Сұрақ"), List.of(List.of("1", "Әріптер: ә ғ қ ң ө ұ ү һ і")))
                .signatureLines(List.of("Кафедра меңгерушісі"))
                .bytes();
        String head = new String(pdf, 0, 8, StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("%PDF-"), "a PDF file");
        assertTrue(pdf.length > 5_000, "the font is embedded");
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).contains("DejaVuSans"), "with DejaVu Sans for Kazakh letters");
    }
}
