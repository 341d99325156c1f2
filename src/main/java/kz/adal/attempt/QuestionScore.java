package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A question's score as an exact fraction of one point, {@code numerator / denominator}, in [0, 1].
 * Kept exact so rounding happens once, on the total.
 */
public record QuestionScore(int numerator, int denominator) {

    public static final QuestionScore ZERO = new QuestionScore(0, 1);
    public static final QuestionScore FULL = new QuestionScore(1, 1);

    public QuestionScore {
        if (denominator < 1 || numerator < 0 || numerator > denominator) {
            throw RuleViolation.conflict("SCORING_SCORE_INVALID",
                    "A question score must be between 0 and 1, got " + numerator + "/" + denominator + ".");
        }
    }

    /** For display: the score to 4 decimals, half-up. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
