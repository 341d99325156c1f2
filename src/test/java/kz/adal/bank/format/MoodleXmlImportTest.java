package kz.adal.bank.format;

import kz.adal.bank.Difficulty;
import kz.adal.bank.QuestionDraft;
import static kz.adal.bank.format.Fixtures.codes;
import static kz.adal.bank.format.Fixtures.resource;
import static kz.adal.bank.format.Fixtures.utf8;
import static kz.adal.bank.format.GiftImportTest.correctness;
import static kz.adal.bank.format.GiftImportTest.texts;
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

    private static String question(String stem, String firstOption) {
        return "<question type=\"multichoice\"><name><text>q</text></name>" + stem
                + "<answer fraction=\"100\">" + firstOption + "</answer>"
                + "<answer fraction=\"0\"><text>b</text></answer><answer fraction=\"0\"><text>c</text></answer>"
                + "<answer fraction=\"0\"><text>d</text></answer><answer fraction=\"0\"><text>e</text></answer>"
                + "<tags><tag><text>easy</text></tag></tags></question>";
    }

    private ImportPreview parseQuiz(String... questions) {
        return parse(utf8("<?xml version=\"1.0\"?><quiz>" + String.join("", questions) + "</quiz>"));
    }

    @Test
    void keepsInlineMarkupWrittenAsXmlElementsInsteadOfDroppingIt() {
        ImportPreview preview = parseQuiz(question(
                "<questiontext format=\"html\"><text>Which is <b>water</b>?</text></questiontext>",
                "<text>H<sub>2</sub>O</text>"));
        assertTrue(preview.problems().isEmpty(), preview.problems().toString());
        QuestionDraft q = preview.questions().get(0);
        assertEquals("Which is water?", q.stem());
        assertEquals("H₂O", q.options().get(0).text(), "the correct option is not silently changed to HO");
    }

    @Test
    void refusesUnknownMarkupWithItsName() {
        ImportPreview preview = parseQuiz(question(
                "<questiontext format=\"html\"><text>Pick one</text></questiontext>", "<text>x<blink>2</blink></text>"));
        assertTrue(preview.questions().isEmpty());
        assertEquals(List.of("UNSUPPORTED_CONTENT"), codes(preview));
        assertTrue(preview.problems().get(0).message().contains("<blink>"), preview.problems().get(0).message());
    }

    /** The smallest PNG: 1×1, grey. */
    @Test
    void importsAQuestionWithItsEmbeddedImage() {
        ImportPreview preview = parseQuiz(question(
                "<questiontext format=\"html\"><text><![CDATA[<p>What does the graph show?</p><p><img src=\"@@PLUGINFILE@@/graph%201.png\" alt=\"\"></p>]]></text>"
                        + "<file name=\"graph 1.png\" path=\"/\" encoding=\"base64\">" + Fixtures.PNG_BASE64 + "</file></questiontext>",
                "<text>a</text>"));
        assertTrue(preview.problems().isEmpty(), preview.problems().toString());
        QuestionDraft q = preview.questions().get(0);
        assertEquals("What does the graph show?", q.stem());
        assertEquals("image/png", q.imageType());
        assertEquals(java.util.Base64.getDecoder().decode(Fixtures.PNG_BASE64).length, q.image().length);
    }

    @Test
    void namesWhyAnEmbeddedFileIsNotImported() {
        ImportPreview preview = parseQuiz(
                question("<questiontext format=\"html\"><text><![CDATA[<img src=\"@@PLUGINFILE@@/a.png\">]]></text>"
                        + "<file name=\"a.png\" path=\"/\" encoding=\"base64\">" + java.util.Base64.getEncoder().encodeToString("<html>not an image</html>".getBytes()) + "</file></questiontext>", "<text>a</text>"),
                question("<questiontext format=\"html\"><text>Pick</text></questiontext>",
                        "<text><![CDATA[<img src=\"@@PLUGINFILE@@/b.png\">]]></text><file name=\"b.png\" encoding=\"base64\">" + Fixtures.PNG_BASE64 + "</file>"));
        assertTrue(preview.questions().isEmpty());
        assertEquals(List.of("UNSUPPORTED_CONTENT", "UNSUPPORTED_CONTENT"), codes(preview));
        assertTrue(preview.problems().get(0).message().contains("not a PNG, JPEG, GIF or WebP"), preview.problems().get(0).message());
        assertTrue(preview.problems().get(1).message().contains("answer"), preview.problems().get(1).message());
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
