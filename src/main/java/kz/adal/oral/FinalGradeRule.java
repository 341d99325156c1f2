package kz.adal.oral;

import kz.adal.platform.RuleViolation;

import kz.adal.grading.LetterBand;
import kz.adal.grading.LetterScale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How the commission's independent grades (001 §6.15.6: every member grades) become the final grade.
 * Configured by {@code adal.oral.final-grade-rule} (the seeds name no rule; MEAN is the default).
 *
 * <ul>
 *   <li>{@link #MEAN}: the arithmetic mean of all grades, rounded half-up to a whole point.</li>
 *   <li>{@link #MEDIAN}: the middle grade; with an even number of grades the mean of the two middle
 *       grades, rounded half-up.</li>
 *   <li><b>The chair decides a split</b> (both rules): when the grades fall into exactly two letter
 *       bands with as many grades in the upper band as in the lower one, the final grade is the chair's
 *       own grade. With an odd number of graders this can't happen.</li>
 * </ul>
 * The letter, grade points and traditional mark come from the {@link LetterScale}.
 */
public enum FinalGradeRule {
    MEAN, MEDIAN;

    public record Outcome(int points, LetterBand band, boolean chairDecided, String explanation) {}

    /** @param grades member id → points 0–100; must contain the chair's grade */
    public Outcome apply(Map<UUID, Integer> grades, UUID chairId, LetterScale scale) {
        if (grades.isEmpty()) throw RuleViolation.conflict("ORAL_NO_GRADES", "There are no grades yet.");
        for (int p : grades.values()) requirePoints(p);
        Integer chair = grades.get(chairId);
        if (chair == null) throw RuleViolation.conflict("ORAL_CHAIR_GRADE_MISSING", "The chair's grade is missing.");
        if (isSplit(grades.values(), scale)) {
            return new Outcome(chair, band(chair, scale), true,
                    "split " + splitText(grades.values(), scale) + ": the chair's grade " + chair + " decides");
        }
        BigDecimal value = this == MEAN ? mean(grades.values()) : median(grades.values());
        int points = value.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new Outcome(points, band(points, scale), false,
                name().toLowerCase() + " of " + sorted(grades.values()) + " = " + value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                        + " → " + points);
    }

    public static void requirePoints(int p) {
        if (p < 0 || p > 100) throw RuleViolation.invalid("ORAL_POINTS_RANGE", "A grade is 0 to 100 points, got " + p + ".");
    }

    static boolean isSplit(Collection<Integer> grades, LetterScale scale) {
        Map<BigDecimal, Integer> perBand = perBand(grades, scale);
        if (perBand.size() != 2) return false;
        List<Integer> counts = new ArrayList<>(perBand.values());
        return counts.get(0).equals(counts.get(1));
    }

    private static Map<BigDecimal, Integer> perBand(Collection<Integer> grades, LetterScale scale) {
        Map<BigDecimal, Integer> perBand = new TreeMap<>();
        for (int g : grades) perBand.merge(band(g, scale).minPercent(), 1, Integer::sum);
        return perBand;
    }

    private static String splitText(Collection<Integer> grades, LetterScale scale) {
        List<String> parts = new ArrayList<>();
        for (int g : sorted(grades)) parts.add(g + " (" + band(g, scale).letter() + ")");
        return String.join(", ", parts);
    }

    private static LetterBand band(int points, LetterScale scale) {
        return scale.gradeFor(BigDecimal.valueOf(points));
    }

    private static List<Integer> sorted(Collection<Integer> grades) {
        return grades.stream().sorted().toList();
    }

    private static BigDecimal mean(Collection<Integer> grades) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int g : grades) sum = sum.add(BigDecimal.valueOf(g));
        return sum.divide(BigDecimal.valueOf(grades.size()), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal median(Collection<Integer> grades) {
        List<Integer> s = sorted(grades);
        int n = s.size();
        if (n % 2 == 1) return BigDecimal.valueOf(s.get(n / 2));
        return BigDecimal.valueOf(s.get(n / 2 - 1) + s.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }
}
