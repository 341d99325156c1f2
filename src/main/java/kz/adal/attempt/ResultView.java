package kz.adal.attempt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A graded attempt, shown only when the exam's results are visible. Option indices are display
 * places, as on the student's paper. The score is the exam's, not the discipline's final grade
 * (001 §6.10).
 */
public record ResultView(UUID attemptId, UUID examId, String examTitle, AttemptState state, Instant finishedAt,
                         BigDecimal percent, String letter, BigDecimal gpa, Integer traditionalMark,
                         int questionCount, int answered, BigDecimal points, List<Item> questions,
                         String annulledReason) {

    public record Item(int position, String stem, List<String> options, List<Integer> selected, List<Integer> correct,
                       BigDecimal score) {
    }
}
