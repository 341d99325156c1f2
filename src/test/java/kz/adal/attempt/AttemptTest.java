package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The entity's verbs follow the one lifecycle and keep the stored deadline equal to the clock's. */
class AttemptTest {
    private static final Instant T0 = Instant.parse("2026-12-20T04:00:00Z");

    private static Attempt inProgress() {
        Attempt a = Attempt.open(UUID.randomUUID(), UUID.randomUUID(), 1, null, T0);
        a.beginChecks(T0);
        a.start(T0.plusSeconds(60), Duration.ofMinutes(50), Duration.ofMinutes(10), false);
        return a;
    }

    @Test
    void startingStoresTheDeadlineWithTheAccommodation() {
        Attempt a = inProgress();
        assertEquals(AttemptState.IN_PROGRESS, a.state);
        assertEquals(T0.plusSeconds(60).plus(Duration.ofMinutes(60)), a.deadlineAt);
    }

    @Test
    void refusesToStartWithoutTheChecks() {
        Attempt a = Attempt.open(UUID.randomUUID(), UUID.randomUUID(), 1, null, T0);
        RuleViolation e = assertThrows(RuleViolation.class, () -> a.start(T0, Duration.ofMinutes(50), Duration.ZERO, false));
        assertEquals("ATTEMPT_TRANSITION_REFUSED", e.code());
    }

    @Test
    void aSuspensionMovesTheStoredDeadlineByItsLength() {
        Attempt a = inProgress();
        Instant before = a.deadlineAt;
        a.suspend(T0.plus(Duration.ofMinutes(10)));
        assertEquals(AttemptState.SUSPENDED, a.state);
        a.resume(T0.plus(Duration.ofMinutes(17)));
        assertEquals(before.plus(Duration.ofMinutes(7)), a.deadlineAt);
    }

    @Test
    void creditedTimeMovesTheDeadline() {
        Attempt a = inProgress();
        Instant before = a.deadlineAt;
        a.credit(Duration.ofMinutes(4), T0.plus(Duration.ofMinutes(5)));
        assertEquals(before.plus(Duration.ofMinutes(4)), a.deadlineAt);
    }

    @Test
    void aFinishedAttemptCannotBeSubmittedAgainButCanBeVoidedWithAReason() {
        Attempt a = inProgress();
        a.expire(T0.plus(Duration.ofHours(1)));
        assertThrows(RuleViolation.class, () -> a.submit(T0.plus(Duration.ofHours(2))));
        assertThrows(RuleViolation.class, () -> a.voidIt(T0, " "));
        a.voidIt(T0.plus(Duration.ofHours(3)), "technical-failure act No. 4");
        assertEquals(AttemptState.VOIDED, a.state);
        assertEquals(T0.plus(Duration.ofHours(1)), a.finishedAt);
    }

    @Test
    void aSuspendedAttemptMustResumeBeforeItIsSubmitted() {
        Attempt a = inProgress();
        a.suspend(T0.plus(Duration.ofMinutes(10)));
        assertThrows(RuleViolation.class, () -> a.submit(T0.plus(Duration.ofMinutes(11))));
        a.terminate(T0.plus(Duration.ofMinutes(12)), "outsider in the frame (001 §6.14)");
        assertEquals(AttemptState.TERMINATED, a.state);
    }

    @Test
    void isPastDeadlineHonoursTheGrace() {
        Attempt a = inProgress();
        assertEquals(false, a.isPastDeadline(a.deadlineAt.plusSeconds(5), Duration.ofSeconds(5)));
        assertEquals(true, a.isPastDeadline(a.deadlineAt.plusSeconds(6), Duration.ofSeconds(5)));
    }
}
