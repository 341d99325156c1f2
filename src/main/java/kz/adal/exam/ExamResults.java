package kz.adal.exam;

import java.util.List;
import java.util.UUID;

/**
 * Where grade sheets and the AIS export read results from. Implemented by the attempt feature
 * (attempts point at exams, not the other way round); {@link NoExamResults} stands in until then.
 * Implementations should be {@code @ApplicationScoped}.
 */
public interface ExamResults {

    /** The counted result of every student who has one for the exam (at most one row per student). */
    List<StudentResult> resultsFor(UUID examId);

    /** Every attempt of the exam as {@link ResultHold} sees it (finished, or running until when). */
    default List<ResultHold.AttemptStanding> standings(UUID examId) {
        return List.of();
    }
}
