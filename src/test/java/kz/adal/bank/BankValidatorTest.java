package kz.adal.bank;

import static kz.adal.bank.format.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankValidatorTest {
    private final BankValidator validator = new BankValidator(100, 5.0);

    private static List<QuestionDraft> bank(int easy, int medium, int hard) {
        List<QuestionDraft> qs = new ArrayList<>();
        for (int i = 0; i < easy; i++) {
            qs.add(question("Easy question " + i, Difficulty.EASY, "week-1", 0));
        }
        for (int i = 0; i < medium; i++) {
            qs.add(question("Medium question " + i, Difficulty.MEDIUM, "week-2", 1, 2));
        }
        for (int i = 0; i < hard; i++) {
            qs.add(question("Hard question " + i, Difficulty.HARD, "week-3", 4));
        }
        return qs;
    }

    private static List<String> codes(BankValidationReport report) {
        return report.issues().stream().map(ValidationIssue::code).toList();
    }

    @Test
    void passesA120QuestionBankAt48And48And24() {
        BankValidationReport report = validator.validate(bank(48, 48, 24));

        assertTrue(report.passes(), report.issues().toString());
        assertEquals(48, report.counts().get(Difficulty.EASY));
        assertEquals(48, report.counts().get(Difficulty.MEDIUM));
        assertEquals(24, report.counts().get(Difficulty.HARD));
    }

    @Test
    void failsASkewedBankAndReportsTheActualPercentages() {
        BankValidationReport report = validator.validate(bank(72, 36, 12));

        assertEquals(List.of("DIFFICULTY_MIX"), codes(report));
        String message = report.issues().get(0).message();
        assertTrue(message.contains("easy 72 (60.0%)"), message);
        assertTrue(message.contains("medium 36 (30.0%)"), message);
        assertTrue(message.contains("hard 12 (10.0%)"), message);
        assertTrue(message.contains("easy +20.0 points"), message);
        assertTrue(message.contains("medium -10.0 points"), message);
        assertNull(report.issues().get(0).questionIndex());
    }

    @Test
    void acceptsAMixAtTheEdgeOfTheToleranceAndRejectsJustBeyond() {
        assertTrue(validator.validate(bank(45, 35, 20)).passes(), "45/35/20 is within ±5");
        assertEquals(List.of("DIFFICULTY_MIX"), codes(validator.validate(bank(46, 34, 20))));
    }

    @Test
    void requiresAtLeastTheMinimumNumberOfQuestions() {
        BankValidationReport report = validator.validate(bank(40, 40, 19));

        assertTrue(codes(report).contains("TOO_FEW_QUESTIONS"));
        assertTrue(report.issuesWithCode("TOO_FEW_QUESTIONS").get(0).message().contains("99"));
        assertEquals(List.of("TOO_FEW_QUESTIONS"), codes(new BankValidator(100, 5.0).validate(List.of())));
    }

    @Test
    void reportsOptionCountNoCorrectEmptyTextsAndMissingDifficultyPerQuestion() {
        List<QuestionDraft> qs = bank(40, 40, 20);
        qs.set(3, new QuestionDraft("Six options", List.of(new OptionDraft("a", true), new OptionDraft("b", false),
                new OptionDraft("c", false), new OptionDraft("d", false), new OptionDraft("e", false),
                new OptionDraft("f", false)), Difficulty.EASY, null, 12));
        qs.set(5, question("No correct", Difficulty.EASY, null));
        qs.set(7, new QuestionDraft("  ", List.of(new OptionDraft("a", true), new OptionDraft("", false),
                new OptionDraft("c", false), new OptionDraft("d", false), new OptionDraft("e", false)),
                Difficulty.EASY, null, 0));
        qs.set(9, question("No level", null, null, 0));

        BankValidationReport report = validator.validate(qs);

        assertEquals(List.of("OPTION_COUNT", "NO_CORRECT_ANSWER", "EMPTY_STEM", "EMPTY_OPTION", "MISSING_DIFFICULTY"),
                codes(report));
        assertEquals(List.of(3, 5, 7, 7, 9), report.issues().stream().map(ValidationIssue::questionIndex).toList());
        assertTrue(report.issues().get(0).message().contains("line 12"));
        assertEquals(39, report.counts().get(Difficulty.EASY));
    }

    @Test
    void findsDuplicateOptionsIgnoringCaseSpacesAndEdges() {
        List<QuestionDraft> qs = bank(40, 40, 20);
        qs.set(0, new QuestionDraft("Duplicates", List.of(new OptionDraft("Астана қаласы", true),
                new OptionDraft("b", false), new OptionDraft("  АСТАНА   қаласы ", false), new OptionDraft("d", false),
                new OptionDraft("e", false)), Difficulty.EASY, null, 0));

        BankValidationReport report = validator.validate(qs);

        assertEquals(List.of("DUPLICATE_OPTION"), codes(report));
        assertTrue(report.issues().get(0).message().contains("options A and C"));
        assertEquals(0, report.issues().get(0).questionIndex());
    }

    @Test
    void findsDuplicateStemsAcrossTheBank() {
        List<QuestionDraft> qs = bank(40, 40, 20);
        qs.set(50, question("  easy   QUESTION 1 ", Difficulty.MEDIUM, null, 0));

        BankValidationReport report = validator.validate(qs);

        assertEquals(List.of("DUPLICATE_STEM"), codes(report));
        assertEquals(50, report.issues().get(0).questionIndex());
        assertTrue(report.issues().get(0).message().contains("question 2"));
    }

    @Test
    void countsEveryLevelEvenWhenAbsent() {
        BankValidationReport report = new BankValidator(0, 100).validate(bank(3, 0, 0));

        assertEquals(0, report.counts().get(Difficulty.HARD));
        assertTrue(report.passes());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BankValidator(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new BankValidator(100, -0.5));
        assertFalse(BankValidator.standard().validate(bank(10, 10, 5)).passes());
    }
}
