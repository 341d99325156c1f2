package kz.adal.bank;

import static kz.adal.bank.Fixtures.codes;
import static kz.adal.bank.Fixtures.resource;
import static kz.adal.bank.Fixtures.utf8;
import static kz.adal.bank.GiftImportTest.correctness;
import static kz.adal.bank.GiftImportTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodleXmlImportTest {
    private final QuestionImporter importer = new QuestionImporter();

    private ImportPreview parse(byte[] bytes) {
        return importer.parse(bytes, BankFormat.MOODLE_XML, ImportOptions.defaults());
    }

    @Test
    void importsMultichoiceAndReportsOtherTypesAtTheirQuestionLine() {
        ImportPreview preview = parse(resource("moodle-mixed.xml"));

        assertEquals(2, preview.questions().size(), preview.problems().toString());
        QuestionDraft ohm = preview.questions().get(0);
        assertEquals("Which unit measures electrical resistance?", ohm.stem(), "HTML flattened");
        assertEquals(List.of("Ohm", "Volt", "Ampere", "Watt", "Joule"), texts(ohm));
        assertEquals(List.of(true, false, false, false, false), correctness(ohm));
        assertEquals(Difficulty.EASY, ohm.difficulty());
        assertEquals("week-7", ohm.topic(), "topic from the category's last segment");
        assertEquals(9, ohm.line());

        QuestionDraft vectors = preview.questions().get(1);
        assertEquals("Which of these quantities are vectors? E = mc² is not one.", vectors.stem());
        assertEquals(List.of(true, true, false, false, false), correctness(vectors), "fraction > 0 = correct");
        assertEquals("Time & energy", vectors.options().get(4).text());
        assertEquals("week-8", vectors.topic(), "topic tag wins over the category");
        assertEquals(Difficulty.MEDIUM, vectors.difficulty());

        assertEquals(List.of("UNSUPPORTED_TYPE", "UNSUPPORTED_TYPE", "UNSUPPORTED_CONTENT"), codes(preview));
        assertEquals(List.of(22, 44, 48), preview.problems().stream().map(ImportProblem::line).toList());
        assertEquals(List.of(2, 4, 5), preview.problems().stream().map(ImportProblem::itemNumber).toList());
        assertTrue(preview.problems().get(0).message().contains("truefalse"));
    }

    @Test
    void refusesADoctypeWithAnExternalEntityAndNeverReadsTheTarget(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CANARY");
        String xml = new String(resource("moodle-xxe.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("file:///etc/passwd", secret.toUri().toString());

        for (String doc : List.of(xml, new String(resource("moodle-xxe.xml"), java.nio.charset.StandardCharsets.UTF_8))) {
            ImportPreview preview = parse(utf8(doc));

            assertEquals(List.of("XML_DOCTYPE_FORBIDDEN"), codes(preview));
            assertEquals(4, preview.problems().get(0).line());
            assertTrue(preview.questions().isEmpty());
            String everything = preview.toString();
            assertFalse(everything.contains("TOP-SECRET-CANARY"));
            assertFalse(everything.contains("root:"), "no /etc/passwd content");
        }
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz SYSTEM \"http://127.0.0.1:9/quiz.dtd\">\n<quiz/>\n";

        ImportPreview preview = parse(utf8(xml));

        assertEquals(List.of("XML_DOCTYPE_FORBIDDEN"), codes(preview));
        assertEquals(2, preview.problems().get(0).line());
    }

    @Test
    void refusesAnUndeclaredEntityAsMalformed() {
        String xml = "<quiz>\n<question type=\"multichoice\">\n<questiontext><text>&xxe;</text></questiontext>\n</question>\n</quiz>";

        ImportPreview preview = parse(utf8(xml));

        assertEquals(List.of("MALFORMED"), codes(preview));
        assertEquals(3, preview.problems().get(0).line());
    }

    @Test
    void reportsMalformedXmlWithItsLineAndImportsNothing() {
        String xml = "<?xml version=\"1.0\"?>\n<quiz>\n  <question type=\"multichoice\">\n"
                + "    <questiontext format=\"plain_text\"><text>ok</text></questiontext>\n"
                + "  </question>\n  <question type=\"multichoice\">\n    <questiontext>\n  </question>\n</quiz>\n";

        ImportPreview preview = parse(utf8(xml));

        assertEquals(List.of("MALFORMED"), codes(preview));
        assertEquals(8, preview.problems().get(0).line());
        assertTrue(preview.questions().isEmpty());
    }

    @Test
    void reportsOptionCountAndNoCorrectAnswer() {
        String xml = "<quiz>\n"
                + "<question type=\"multichoice\"><questiontext format=\"plain_text\"><text>Six</text></questiontext>"
                + answers(100, 0, 0, 0, 0, 0) + "<tags><tag><text>easy</text></tag></tags></question>\n"
                + "<question type=\"multichoice\"><questiontext format=\"plain_text\"><text>None</text></questiontext>"
                + answers(0, 0, 0, 0, 0) + "<tags><tag><text>easy</text></tag></tags></question>\n"
                + "</quiz>";

        ImportPreview preview = parse(utf8(xml));

        assertEquals(List.of("OPTION_COUNT", "NO_CORRECT_ANSWER"), codes(preview));
        assertEquals(List.of(2, 3), preview.problems().stream().map(ImportProblem::line).toList());
    }

    @Test
    void acceptsUtf16WithBom() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<quiz>\n"
                + "<question type=\"multichoice\"><questiontext format=\"plain_text\"><text>Қай сан жай сан?</text></questiontext>"
                + answers(100, 0, 0, 0, 0) + "<tags><tag><text>difficulty:қиын</text></tag></tags></question>\n</quiz>";

        ImportPreview preview = parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_16));

        assertTrue(preview.clean(), preview.problems().toString());
        assertEquals("Қай сан жай сан?", preview.questions().get(0).stem());
        assertEquals(Difficulty.HARD, preview.questions().get(0).difficulty());
    }

    private static String answers(int... fractions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fractions.length; i++) {
            sb.append("<answer fraction=\"").append(fractions[i]).append("\"><text>option ").append(i).append("</text></answer>");
        }
        return sb.toString();
    }
}
