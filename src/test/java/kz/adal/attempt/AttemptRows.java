package kz.adal.attempt;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Attempts made behind the API for the tests of other features (appeals, absences), which may not name
 * {@code Attempt} (package-private, kept so by ArchitectureTest). Each call commits on its own.
 */
public final class AttemptRows {
    private AttemptRows() {
    }

    /** A submitted attempt of 50 minutes that ended at {@code ended}, graded then with {@code percent} and {@code letter}. */
    public static UUID graded(UUID examId, UUID studentId, Instant ended, BigDecimal percent, String letter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Attempt a = Attempt.open(examId, studentId, 1, null, ended.minus(Duration.ofMinutes(50)));
            a.state = AttemptState.SUBMITTED;
            a.startedAt = ended.minus(Duration.ofMinutes(45));
            a.durationSeconds = 3000L;
            a.finishedAt = ended;
            a.percent = percent;
            a.letter = letter;
            a.gpa = BigDecimal.ONE;
            a.traditionalMark = 3;
            a.gradedAt = ended;
            a.persist();
            return a.id;
        });
    }
}
