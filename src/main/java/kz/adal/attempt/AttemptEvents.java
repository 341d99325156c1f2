package kz.adal.attempt;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events fired in the same transaction as the change; observe with {@code @Observes}. */
public final class AttemptEvents {

    private AttemptEvents() {
    }

    /** The clock started. */
    public record AttemptStarted(UUID attemptId, UUID examId, UUID studentId, Instant startedAt, Instant deadlineAt) {
    }

    /** Submitted by the student or expired at the deadline, and graded. */
    public record AttemptFinished(UUID attemptId, UUID examId, UUID studentId, AttemptState state, Instant finishedAt) {
    }
}
