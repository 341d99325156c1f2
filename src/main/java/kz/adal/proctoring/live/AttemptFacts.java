package kz.adal.proctoring.live;

import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptClock;
import kz.adal.attempt.AttemptState;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the console shows of an attempt besides its events: who, which exam, state and clock. */
public record AttemptFacts(UUID attemptId, UUID examId, String examTitle, UUID studentId, String studentName, String studentLogin,
                    AttemptState state, AttemptClock clock, Instant deadlineAt, Instant finishedAt) {

    public static AttemptFacts of(AttemptRecord a, String examTitle, String studentName, String studentLogin) {
        return new AttemptFacts(a.id(), a.examId(), examTitle, a.studentId(), studentName, studentLogin, a.state(), a.clock(),
                a.deadlineAt(), a.finishedAt());
    }

    /** Time left at {@code now} (frozen while suspended), null before the start. */
    public Duration remaining(Instant now) {
        if (clock == null) return null;
        if (state.isFinished()) return Duration.ZERO;
        return clock.remainingAt(now);
    }
}
