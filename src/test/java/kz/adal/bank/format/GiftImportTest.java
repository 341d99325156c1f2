package kz.adal.bank.format;

import kz.adal.bank.Difficulty;
import kz.adal.bank.OptionDraft;
import kz.adal.bank.QuestionDraft;
import static kz.adal.bank.format.Fixtures.codes;
import static kz.adal.bank.format.Fixtures.resource;
import static kz.adal.bank.format.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GiftImportTest {
    private final QuestionImporter importer = new QuestionImporter();

    private ImportPreview parse(String text) {
        return importer.parse(utf8(text), BankFormat.GIFT, ImportOptions.defaults());
    }

    @Test
    void importsMultipleChoiceAndReportsEveryOtherTypeWithItsLine() {
        ImportPreview preview = importer.parse(resource("gift-mixed.gift"), BankFormat.GIFT, ImportOptions.defaults());

        assertEquals(3, preview.questions().size(), preview.problems().toString());
        QuestionDraft capital = preview.questions().get(0);
        assertEquals("What is the capital of Kazakhstan?", capital.stem(), "title dropped");
        assertEquals(List.of("Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe"), texts(capital), "feedback dropped");
        assertEquals(List.of(true, false, false, false, false), correctness(capital));
        assertEquals(Difficulty.EASY, capital.difficulty());
        assertEquals("week-5", capital.topic(), "topic from $CATEGORY");
        assertEquals(5, capital.line());

        QuestionDraft primes = preview.questions().get(1);
        assertEquals(List.of(true, true, false, false, false), correctness(primes), "positive weight = correct");
        assertEquals(List.of("2", "3", "4", "6", "9"), texts(primes), "general feedback dropped");
        assertEquals(Difficulty.MEDIUM, primes.difficulty());
        assertEquals("primes", primes.topic(), "topic tag wins over $CATEGORY");

        QuestionDraft escapes = preview.questions().get(2);
        assertEquals("In GIFT write = ~ { } # and : literally: which sign marks a wrong answer?", escapes.stem());
        assertEquals(List.of("=", "~", "{}", "#", ":"), texts(escapes));
        assertEquals(List.of(false, true, false, false, false), correctness(escapes));
        assertEquals(Difficulty.HARD, escapes.difficulty(), "bare level tag");

        assertEquals(List.of("UNSUPPORTED_TYPE", "UNSUPPORTED_TYPE", "UNSUPPORTED_TYPE", "UNSUPPORTED_TYPE",
                "UNSUPPORTED_TYPE", "UNSUPPORTED_TYPE"), codes(preview));
        assertEquals(List.of(14, 17, 30, 37, 40, 42), preview.problems().stream().map(ImportProblem::line).toList());
        assertEquals(List.of(2, 3, 5, 6, 7, 8), preview.problems().stream().map(ImportProblem::itemNumber).toList());
        assertTrue(preview.problems().get(0).message().contains("true/false"));
        assertTrue(preview.problems().get(2).message().contains("matching"));
    }

    @Test
    void reportsNoCorrectAnswer() {
        ImportPreview preview = parse("// [tag:easy]\nPick one {~a ~b ~c ~d ~e}\n");

        assertEquals(List.of("NO_CORRECT_ANSWER"), codes(preview));
        assertEquals(2, preview.problems().get(0).line());
        assertTrue(preview.questions().isEmpty());
    }

    @Test
    void treatsZeroAndNegativeWeightsAsWrong() {
        ImportPreview preview = parse("// [tag:easy]\nPick {~%0%a ~%-100%b ~%100%c ~d ~%0.5%e}\n");

        assertTrue(preview.clean(), preview.problems().toString());
        assertEquals(List.of(false, false, true, false, true), correctness(preview.questions().get(0)));
    }

    @Test
    void reportsSixOptionsAndFourOptions() {
        ImportPreview preview = parse("// [tag:easy]\nSix {=a ~b ~c ~d ~e ~f}\n\n// [tag:easy]\nFour {=a ~b ~c ~d}\n\n"
                + "// [tag:easy]\nFive {=a ~b ~c ~d ~e}\n");

        assertEquals(List.of("OPTION_COUNT", "OPTION_COUNT"), codes(preview));
        assertEquals(List.of(2, 5), preview.problems().stream().map(ImportProblem::line).toList());
        assertEquals(1, preview.questions().size());
        assertEquals("Five", preview.questions().get(0).stem());
    }

    @Test
    void reportsAnUnclosedBraceAndContinues() {
        ImportPreview preview = parse("Broken {=a ~b ~c ~d ~e\n\n// [tag:difficulty:hard]\nFine {=a ~b ~c ~d ~e}\n");

        assertEquals(List.of("MALFORMED"), codes(preview));
        assertEquals(1, preview.questions().size());
        assertEquals(4, preview.questions().get(0).line());
    }

    @Test
    void flattensHtmlStemsAndRefusesImages() {
        ImportPreview preview = parse("// [tag:easy]\n[html]<p>x<sup>2</sup> &amp; y</p> {=a ~b ~c ~d ~e}\n\n"
                + "// [tag:easy]\n[html]<p><img src\\=\"a.png\"></p> {=a ~b ~c ~d ~e}\n");

        assertEquals("x² & y", preview.questions().get(0).stem());
        assertEquals(List.of("UNSUPPORTED_CONTENT"), codes(preview));
        assertEquals(5, preview.problems().get(0).line());
    }

    @Test
    void requiresADifficultyOrADefault() {
        String text = "Which? {=a ~b ~c ~d ~e}\n";

        assertEquals(List.of("MISSING_DIFFICULTY"), codes(parse(text)));
        ImportPreview withDefault = importer.parse(utf8(text), BankFormat.GIFT,
                ImportOptions.defaults().withDefaultDifficulty(Difficulty.MEDIUM));
        assertEquals(Difficulty.MEDIUM, withDefault.questions().get(0).difficulty());
        assertNull(withDefault.questions().get(0).topic());
    }

    @Test
    void ignoresMoodleDefaultCategoriesAsTopics() {
        ImportPreview preview = importer.parse(utf8("$CATEGORY: $course$/top/Default for Physics 101\n\n"
                + "// [tag:easy]\nWhich? {=a ~b ~c ~d ~e}\n"), BankFormat.GIFT, ImportOptions.defaults().withDefaultTopic("week-2"));

        assertEquals("week-2", preview.questions().get(0).topic());
    }

    static List<String> texts(QuestionDraft q) {
        return q.options().stream().map(OptionDraft::text).toList();
    }

    static List<Boolean> correctness(QuestionDraft q) {
        return q.options().stream().map(OptionDraft::correct).toList();
    }
}
