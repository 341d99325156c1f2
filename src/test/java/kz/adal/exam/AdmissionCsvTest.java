package kz.adal.exam;

import kz.adal.platform.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionCsvTest {

    private static AdmissionCsv.Parsed parse(String text) {
        return AdmissionCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsYesAndNoInThreeLanguages() {
        AdmissionCsv.Parsed p = parse("login,admitted,reason\nA.One,иә,\nb.two,нет,долг\nc,no,missing task 3\n");
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertEquals("a.one", p.rows().get(0).login());
        assertTrue(p.rows().get(0).admitted());
        assertEquals(3, p.rows().get(1).line());
    }

    @Test
    void namesTheLineOfAMissingReasonAndABadFlag() {
        AdmissionCsv.Parsed p = parse("login,admitted,reason\na,no,\nb,perhaps,\n");
        assertEquals(2, p.problems().get(0).line());
        assertEquals(3, p.problems().get(1).line());
    }

    @Test
    void refusesAFileWithoutTheHeaderOrInWindows1251() {
        assertEquals("BAD_HEADER", assertThrows(Problem.class, () -> parse("a,yes,\n")).code());
        byte[] cp1251 = "login,admitted,reason\nа,да,\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertEquals("ENCODING", assertThrows(Problem.class, () -> AdmissionCsv.parse(cp1251)).code());
    }
}
