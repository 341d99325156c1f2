package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import kz.adal.exam.MultipleCorrectRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * Scores answers. Option indices are the bank's (not the shuffled display order). See
 * docs/domain/grading.md.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * One question's score.
     * <ul>
     *   <li>One correct option: 1 when exactly that option is chosen, otherwise 0, under either rule.</li>
     *   <li>k ≥ 2 correct, {@link MultipleCorrectRule#ALL_OR_NOTHING}: 1 when the chosen set equals the
     *       correct set, otherwise 0.</li>
     *   <li>k ≥ 2 correct, {@link MultipleCorrectRule#PARTIAL_CREDIT}: {@code max(0, (c − w) / k)} where
     *       c = correct options chosen, w = wrong options chosen.</li>
     * </ul>
     * Nothing chosen scores 0.
     */
    public static QuestionScore score(Set<Integer> correct, Set<Integer> chosen, MultipleCorrectRule rule) {
        if (correct == null || correct.isEmpty()) {
            throw RuleViolation.conflict("SCORING_NO_CORRECT_OPTION", "A question needs at least one correct option.");
        }
        if (chosen == null || chosen.isEmpty()) {
            return QuestionScore.ZERO;
        }
        if (correct.stream().anyMatch(i -> i < 0) || chosen.stream().anyMatch(i -> i < 0)) {
            throw RuleViolation.conflict("SCORING_OPTION_INDEX_INVALID", "Option indices cannot be negative.");
        }
        int k = correct.size();
        if (k == 1 || rule == MultipleCorrectRule.ALL_OR_NOTHING) {
            return chosen.equals(correct) ? QuestionScore.FULL : QuestionScore.ZERO;
        }
        int right = (int) chosen.stream().filter(correct::contains).count();
        int wrong = chosen.size() - right;
        int net = right - wrong;
        return net <= 0 ? QuestionScore.ZERO : new QuestionScore(net, k);
    }

    /**
     * The paper's percentage: {@code 100 × Σ scores / number of questions}, computed exactly and rounded
     * once to 2 decimals, half-up (66.665 → 66.67). Pass one score per drawn question; an unanswered
     * question is {@link QuestionScore#ZERO}.
     */
    public static BigDecimal percentage(List<QuestionScore> scores) {
        if (scores.isEmpty()) {
            throw RuleViolation.conflict("SCORING_NO_QUESTIONS", "A paper without questions has no percentage.");
        }
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (QuestionScore s : scores) {
            BigInteger d = BigInteger.valueOf(s.denominator());
            numerator = numerator.multiply(d).add(BigInteger.valueOf(s.numerator()).multiply(denominator));
            denominator = denominator.multiply(d);
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() > 0) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }
        return new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
                .divide(new BigDecimal(denominator.multiply(BigInteger.valueOf(scores.size()))), 2, RoundingMode.HALF_UP);
    }
}
