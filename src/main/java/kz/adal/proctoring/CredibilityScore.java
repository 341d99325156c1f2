package kz.adal.proctoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Credibility 0–100 of an attempt: 100 minus what the flags cost (per flag plus per minute of
 * length, {@link ScoreWeights}), never below 0, rounded half-up. Advisory: it orders the proctor's grid
 * and helps a reviewer; it never changes a grade (product decision).
 *
 * @param items what cost how much, one line per flag type present
 */
public record CredibilityScore(int score, BigDecimal cost, List<Item> items) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    /** One flag type's share: how many, how long in total, what it cost. */
    public record Item(FlagType type, int count, long seconds, BigDecimal cost) {
    }

    public static CredibilityScore of(List<Flag> flags, ScoreWeights weights, Instant now) {
        Map<FlagType, int[]> counts = new EnumMap<>(FlagType.class);
        Map<FlagType, long[]> seconds = new EnumMap<>(FlagType.class);
        for (Flag f : flags) {
            counts.computeIfAbsent(f.type(), k -> new int[1])[0]++;
            seconds.computeIfAbsent(f.type(), k -> new long[1])[0] += f.duration(now).toSeconds();
        }
        List<Item> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var e : counts.entrySet()) {
            ScoreWeights.Weight w = weights.of(e.getKey());
            int n = e.getValue()[0];
            long s = seconds.get(e.getKey())[0];
            BigDecimal cost = w.perFlag().multiply(BigDecimal.valueOf(n))
                    .add(w.perMinute().multiply(BigDecimal.valueOf(s)).divide(SIXTY, 2, RoundingMode.HALF_UP))
                    .setScale(2, RoundingMode.HALF_UP);
            items.add(new Item(e.getKey(), n, s, cost));
            total = total.add(cost);
        }
        items.sort((a, b) -> b.cost().compareTo(a.cost()));
        BigDecimal left = HUNDRED.subtract(total).max(BigDecimal.ZERO);
        return new CredibilityScore(left.setScale(0, RoundingMode.HALF_UP).intValueExact(), total, items);
    }
}
