package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import kz.adal.exam.MultipleCorrectRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static QuestionScore partial(Set<Integer> correct, Set<Integer> chosen) {
        return Scoring.score(correct, chosen, MultipleCorrectRule.PARTIAL_CREDIT);
    }

    @Test
    void scoresASingleCorrectQuestionOneOrZero() {
        for (MultipleCorrectRule rule : MultipleCorrectRule.values()) {
            assertEquals(QuestionScore.FULL, Scoring.score(Set.of(2), Set.of(2), rule));
            assertEquals(QuestionScore.ZERO, Scoring.score(Set.of(2), Set.of(3), rule));
            assertEquals(QuestionScore.ZERO, Scoring.score(Set.of(2), Set.of(2, 3), rule));
            assertEquals(QuestionScore.ZERO, Scoring.score(Set.of(2), Set.of(), rule));
        }
    }

    @Test
    void givesAllOrNothingOnlyForTheExactSet() {
        assertEquals(QuestionScore.FULL, Scoring.score(Set.of(0, 3), Set.of(3, 0), MultipleCorrectRule.ALL_OR_NOTHING));
        assertEquals(QuestionScore.ZERO, Scoring.score(Set.of(0, 3), Set.of(0), MultipleCorrectRule.ALL_OR_NOTHING));
        assertEquals(QuestionScore.ZERO, Scoring.score(Set.of(0, 3), Set.of(0, 3, 4), MultipleCorrectRule.ALL_OR_NOTHING));
    }

    @Test
    void addsAThirdPerCorrectOptionOfThree() {
        assertEquals(new QuestionScore(1, 3), partial(Set.of(0, 1, 2), Set.of(0)));
        assertEquals(new QuestionScore(2, 3), partial(Set.of(0, 1, 2), Set.of(0, 2)));
        assertEquals(new QuestionScore(3, 3), partial(Set.of(0, 1, 2), Set.of(0, 1, 2)));
    }

    @Test
    void subtractsAThirdPerWrongOptionOfThree() {
        assertEquals(new QuestionScore(1, 3), partial(Set.of(0, 1, 2), Set.of(0, 1, 3)));
        assertEquals(new QuestionScore(1, 3), partial(Set.of(0, 1, 2), Set.of(0, 1, 2, 3, 4)));
    }

    @Test
    void floorsPartialCreditAtZero() {
        assertEquals(QuestionScore.ZERO, partial(Set.of(0, 1), Set.of(0, 3)));
        assertEquals(QuestionScore.ZERO, partial(Set.of(0, 1), Set.of(0, 3, 4)));
        assertEquals(QuestionScore.ZERO, partial(Set.of(0, 1), Set.of(3)));
    }

    @Test
    void roundsThePercentageHalfUpOnce() {
        // 2/3 of one question out of 1 → 66.666… → 66.67
        assertEquals(new BigDecimal("66.67"), Scoring.percentage(List.of(new QuestionScore(2, 3))));
        // 1/3 + 1/3 + 1/3 is exactly 1, not 0.99…: 1 of 3 questions → 33.33
        assertEquals(new BigDecimal("33.33"), Scoring.percentage(List.of(
                new QuestionScore(1, 3), new QuestionScore(1, 3), new QuestionScore(1, 3))));
        // 1/8 of 1 question = 12.5 %, then 1/8 over 2 questions = 6.25 %: half-up at the third decimal
        assertEquals(new BigDecimal("6.25"), Scoring.percentage(List.of(new QuestionScore(1, 8), QuestionScore.ZERO)));
        // 1 of 200 questions = 0.5 %; 1 of 400 = 0.25; 1 of 800 = 0.125 → 0.13 (half-up)
        List<QuestionScore> many = new ArrayList<>(Collections.nCopies(799, QuestionScore.ZERO));
        many.add(QuestionScore.FULL);
        assertEquals(new BigDecimal("0.13"), Scoring.percentage(many));
    }

    @Test
    void scoresAFullPaperAtAHundred() {
        assertEquals(new BigDecimal("100.00"), Scoring.percentage(Collections.nCopies(30, QuestionScore.FULL)));
        assertEquals(new BigDecimal("0.00"), Scoring.percentage(Collections.nCopies(30, QuestionScore.ZERO)));
    }

    @Test
    void scoresTwentyTwoOfThirtyAt73Point33() {
        List<QuestionScore> scores = new ArrayList<>(Collections.nCopies(22, QuestionScore.FULL));
        scores.addAll(Collections.nCopies(8, QuestionScore.ZERO));
        assertEquals(new BigDecimal("73.33"), Scoring.percentage(scores));
    }

    @Test
    void rejectsAQuestionWithoutCorrectOptionsAndAnEmptyPaper() {
        assertEquals("SCORING_NO_CORRECT_OPTION", assertThrows(RuleViolation.class,
                () -> Scoring.score(Set.of(), Set.of(1), MultipleCorrectRule.PARTIAL_CREDIT)).code());
        assertEquals("SCORING_NO_QUESTIONS", assertThrows(RuleViolation.class,
                () -> Scoring.percentage(List.of())).code());
        assertThrows(RuleViolation.class, () -> new QuestionScore(4, 3));
    }
}
