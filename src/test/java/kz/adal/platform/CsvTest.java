package kz.adal.platform;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {

    @Test
    void writesAHeaderAndRowsWithCrLf() {
        String text = Csv.withColumns(List.of("login", "percent", "letter")).row(Arrays.asList("s1", new BigDecimal("9.5E+1"), null)).text();
        assertEquals("login,percent,letter\r\ns1,95,\r\n", text);
    }

    @Test
    void unixLinesEndInLf() {
        assertEquals("a,b\nx,y\n", Csv.withUnixLines(List.of("a", "b")).row(List.of("x", "y")).text());
    }

    @Test
    void quotesCommasQuotesAndLineBreaksSoTheCellsReadBackWhole() throws IOException {
        List<String> cells = List.of("Әлия, Ким", "says \"hi\"", "two\nlines", "cr\r\nlf", "plain");
        String text = Csv.withColumns(List.of("a", "b", "c", "d", "e")).row(cells).text();
        assertEquals(cells, read(text).get(1).toList());
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaGetsAQuoteFirst() throws IOException {
        List<String> evil = List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=1,2");
        String text = Csv.withColumns(List.of("a", "b", "c", "d", "e", "f", "g")).row(evil).text();
        List<String> back = read(text).get(1).toList();
        for (int i = 0; i < evil.size(); i++) assertEquals("'" + evil.get(i), back.get(i), text);
    }

    @Test
    void plainNumbersAndOtherTextStayAsTheyAre() {
        for (String v : List.of("-3", "-2.50", "42", "A+", "e-mail", "a=b", "")) assertEquals(v, Csv.cell(v));
        assertEquals("", Csv.cell(null));
        assertEquals("-0.5", Csv.cell(new BigDecimal("-0.50E0").stripTrailingZeros()));
    }

    @Test
    void theSpreadsheetBytesStartWithAByteOrderMark() {
        byte[] bytes = Csv.withColumns(List.of("name")).row(List.of("Қазақ")).utf8WithBom();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).endsWith("Қазақ\r\n"));
    }

    private static List<CSVRecord> read(String text) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            return p.getRecords();
        }
    }
}
