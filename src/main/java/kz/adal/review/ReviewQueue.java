package kz.adal.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review queue's order and filters, without a database: lowest credibility score first (the most
 * suspicious), then the most flags, then the earliest finished. The score is advisory and only orders the
 * queue; it never changes a grade.
 */
public final class ReviewQueue {

    /** Where a reviewed attempt stands: no verdict yet, or the verdict given. */
    public enum VerdictState { UNREVIEWED, VALID, ANNULLED, RESIT }

    /** One attempt in the queue. */
    public record Row(UUID attemptId, UUID examId, String examTitle, UUID studentId, String studentName, String studentLogin,
                      String state, Instant finishedAt, java.math.BigDecimal percent, int score, Map<String, Integer> flagCounts,
                      int decided, VerdictState verdict) {

        public int flagTotal() {
            return flagCounts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What the reviewer asked for; null fields do not filter. */
    public record Filter(UUID examId, String flagType, VerdictState verdict, Integer scoreBelow) {
        public static final Filter NONE = new Filter(null, null, null, null);

        public boolean accepts(Row r) {
            if (examId != null && !examId.equals(r.examId())) return false;
            if (flagType != null && r.flagCounts().getOrDefault(flagType, 0) == 0) return false;
            if (verdict != null && verdict != r.verdict()) return false;
            return scoreBelow == null || r.score() < scoreBelow;
        }
    }

    public static final Comparator<Row> ORDER = Comparator.comparingInt(Row::score)
            .thenComparing(Comparator.comparingInt(Row::flagTotal).reversed())
            .thenComparing(Row::finishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.attemptId().toString());

    private ReviewQueue() {
    }

    public static List<Row> apply(List<Row> rows, Filter filter) {
        Filter f = filter == null ? Filter.NONE : filter;
        return rows.stream().filter(f::accepts).sorted(ORDER).toList();
    }
}
