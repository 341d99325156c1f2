package kz.adal.exam.sheet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxTest {

    @Test
    void writesAWorkbookWithEscapedTextAndNumericCells() throws Exception {
        byte[] xlsx = Xlsx.write("AIS", List.of("login", "percent"),
                List.of(Arrays.asList("a<b>&\"c\"", new BigDecimal("96.67")), Arrays.asList("Әсел", null)));
        List<String> names = new ArrayList<>();
        String sheet = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("xl/worksheets/sheet1.xml")) sheet = text;
                assertTrue(text.startsWith("<?xml"), e.getName() + " starts with the XML declaration");
            }
        }
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml"), names);
        assertTrue(sheet.contains("a&lt;b&gt;&amp;&quot;c&quot;"), sheet);
        assertTrue(sheet.contains("<c r=\"B2\"><v>96.67</v></c>"), sheet);
        assertTrue(sheet.contains("Әсел") && !sheet.contains("r=\"B3\""), sheet);
    }

    @Test
    void namesColumnsBeyondZ() {
        assertEquals("A", Xlsx.column(0));
        assertEquals("Z", Xlsx.column(25));
        assertEquals("AA", Xlsx.column(26));
        assertEquals("AZ", Xlsx.column(51));
    }
}
