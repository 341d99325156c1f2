package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.exam.ExamResults;
import kz.adal.exam.StudentResult;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attempts as grade-sheet rows: per student the latest graded attempt (a later round under an
 * individual sheet replaces a voided first one); a voided attempt counts as no result.
 */
@ApplicationScoped
public class AttemptExamResults implements ExamResults {

    /**
     * A grade-sheet row's state that is not an {@link AttemptState}: a review verdict annulled the attempt's result
     * (labelled {@code GradeSheetState.*} like the attempt states).
     */
    enum Standing { ANNULLED }

    @Override
    @Transactional
    public List<StudentResult> resultsFor(UUID examId) {
        List<Attempt> attempts = Attempt.list("examId", examId);
        Map<UUID, Attempt> latest = new LinkedHashMap<>();
        attempts.stream().sorted(Comparator.comparingInt(a -> a.round)).forEach(a -> {
            if (a.state != AttemptState.VOIDED || !latest.containsKey(a.studentId)) latest.put(a.studentId, a);
        });
        return latest.values().stream().map(a -> {
            boolean annulled = annulled(a.id);
            return new StudentResult(a.studentId, annulled ? Standing.ANNULLED.name() : a.state.name(), a.finishedAt,
                    a.state == AttemptState.VOIDED || annulled ? null : a.percent);
        }).toList();
    }

    @Override
    @Transactional
    public List<kz.adal.exam.ResultHold.AttemptStanding> standings(UUID examId) {
        return Attempt.<Attempt>list("examId", examId).stream()
                .map(a -> new kz.adal.exam.ResultHold.AttemptStanding(a.studentId, a.round, a.state.isFinished(),
                        a.startedAt != null && !a.state.isFinished(), a.deadlineAt))
                .toList();
    }

    @jakarta.inject.Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<ResultStanding> standings;

    /** A review verdict annulled the result: it counts as no result (the answers stay stored). */
    private boolean annulled(UUID attemptId) {
        if (standings == null) return false;
        for (ResultStanding s : standings) if (s.annulment(attemptId).isPresent()) return true;
        return false;
    }
}
