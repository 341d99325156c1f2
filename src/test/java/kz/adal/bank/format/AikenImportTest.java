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

class AikenImportTest {
    private final QuestionImporter importer = new QuestionImporter();

    private ImportPreview parse(byte[] bytes, ImportOptions options) {
        return importer.parse(bytes, BankFormat.AIKEN, options);
    }

    @Test
    void readsKazakhRussianAndEnglishItemsWithMarkersAndDefaults() {
        ImportPreview preview = parse(resource("aiken-good.txt"),
                ImportOptions.defaults().withDefaultDifficulty(Difficulty.HARD).withDefaultTopic("week-9"));

        assertTrue(preview.clean(), preview.problems().toString());
        assertEquals(3, preview.questions().size());
        QuestionDraft kk = preview.questions().get(0);
        assertEquals("Қазақстанның астанасы қай қала?", kk.stem());
        assertEquals(List.of("Алматы", "Астана", "Шымкент", "Қарағанды", "Ақтөбе"),
                kk.options().stream().map(OptionDraft::text).toList());
        assertEquals(List.of(false, true, false, false, false),
                kk.options().stream().map(OptionDraft::correct).toList());
        assertEquals(Difficulty.EASY, kk.difficulty());
        assertEquals("week-1", kk.topic());
        assertEquals(1, kk.line());

        QuestionDraft ru = preview.questions().get(1);
        assertEquals(Difficulty.MEDIUM, ru.difficulty(), "Russian level word 'средний'");
        assertEquals("Азот", ru.options().get(1).text());
        assertEquals(11, ru.line());

        QuestionDraft en = preview.questions().get(2);
        assertEquals(Difficulty.HARD, en.difficulty(), "default difficulty applies when none is marked");
        assertEquals("week-9", en.topic(), "default topic applies when none is marked");
        assertTrue(en.options().get(2).correct());
    }

    @Test
    void reportsEachBadItemWithItsLineAndKeepsTheGoodOne() {
        ImportPreview preview = parse(resource("aiken-malformed.txt"), ImportOptions.defaults());

        assertEquals(1, preview.questions().size());
        QuestionDraft good = preview.questions().get(0);
        assertEquals("A good question between bad ones?", good.stem());
        assertEquals(19, good.line());
        assertEquals("week-4", good.topic());

        assertEquals(List.of("OPTION_COUNT", "OPTION_COUNT", "MISSING_ANSWER", "ANSWER_NOT_AN_OPTION",
                "INVALID_ANSWER", "MALFORMED", "INVALID_DIFFICULTY"), codes(preview));
        assertEquals(List.of(1, 9, 29, 36, 45, 54, 64),
                preview.problems().stream().map(ImportProblem::line).toList());
        assertEquals(List.of(1, 2, 4, 5, 6, 7, 8),
                preview.problems().stream().map(ImportProblem::itemNumber).toList());
        assertTrue(preview.problems().get(0).message().contains("has 4 options"));
        assertTrue(preview.problems().get(1).message().contains("has 6 options"));
        assertTrue(preview.problems().get(4).message().contains("one correct answer"));
        assertTrue(preview.problems().get(5).message().contains("Line 57"));
    }

    @Test
    void refusesAnItemWithNoDifficultyWhenThereIsNoDefault() {
        String text = "What is 2 + 2?\nA. 1\nB. 2\nC. 3\nD. 4\nE. 5\nANSWER: D\n";

        ImportPreview preview = parse(utf8(text), ImportOptions.defaults());

        assertEquals(List.of("MISSING_DIFFICULTY"), codes(preview));
        assertEquals(1, preview.problems().get(0).line());
        assertTrue(preview.questions().isEmpty());
    }

    @Test
    void readsCyrillicLookalikeLettersAsLatinAndKeepsAFirstLineWithAnInitialAsStem() {
        // А, В, С, Е below are Cyrillic; the first line starts with a Cyrillic initial "А."
        String text = "А. Байтұрсынұлы қай жылы туған?\n"
                + "\u0410) 1872\n\u0412) 1873\n\u0421) 1874\nD) 1875\n\u0415) 1876\n"
                + "ANSWER: \u0412\nDIFFICULTY: орташа\nTOPIC: week-6\n";

        ImportPreview preview = parse(utf8(text), ImportOptions.defaults());

        assertTrue(preview.clean(), preview.problems().toString());
        QuestionDraft q = preview.questions().get(0);
        assertEquals("А. Байтұрсынұлы қай жылы туған?", q.stem());
        assertTrue(q.options().get(1).correct());
        assertEquals(Difficulty.MEDIUM, q.difficulty());
    }

    @Test
    void acceptsItemsWithoutBlankLinesBetweenThemAndMultiLineStems() {
        String text = "First line of the stem\nsecond line\nA. a\nB. b\nC. c\nD. d\nE. e\nANSWER: A\n"
                + "Next question?\nA. a\nB. b\nC. c\nD. d\nE. e\nANSWER: E\r\n";

        ImportPreview preview = parse(utf8(text), ImportOptions.defaults().withDefaultDifficulty(Difficulty.EASY));

        assertTrue(preview.clean(), preview.problems().toString());
        assertEquals(2, preview.questions().size());
        assertEquals("First line of the stem\nsecond line", preview.questions().get(0).stem());
        assertEquals(9, preview.questions().get(1).line());
        assertNull(preview.questions().get(1).topic());
    }

    @Test
    void reportsTextThatNeverGetsOptions() {
        ImportPreview preview = parse(utf8("Just a title line\n"), ImportOptions.defaults());

        assertEquals(List.of("MALFORMED"), codes(preview));
        assertTrue(preview.questions().isEmpty());
    }
}
