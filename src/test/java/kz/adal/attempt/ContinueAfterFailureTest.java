package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** After a technical-failure decision the same attempt continues with the lost time (product decision; 001 §6.15.6). */
class ContinueAfterFailureTest {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    static Attempt running() {
        Attempt a = Attempt.open(UUID.randomUUID(), UUID.randomUUID(), 1, null, T0);
        a.beginChecks(T0);
        a.start(T0, Duration.ofMinutes(50), Duration.ZERO, false);
        return a;
    }

    @Test
    void anAttemptTheOutageLetExpireIsReopenedWithExactlyTheCreditLeft() {
        Attempt a = running();
        a.expire(T0.plus(Duration.ofMinutes(50)).plusSeconds(3)); // the sweeper noticed a little late
        a.percent = BigDecimal.TEN;
        a.letter = "F";
        a.gradedAt = T0.plus(Duration.ofMinutes(50));
        Instant decided = T0.plus(Duration.ofHours(26));
        a.continueAfterFailure(decided, Duration.ofMinutes(7));
        assertEquals(AttemptState.IN_PROGRESS, a.state);
        assertEquals(decided.plus(Duration.ofMinutes(7)), a.deadlineAt);
        assertEquals(420, a.creditedSeconds);
        assertNull(a.finishedAt);
        assertNull(a.percent);
        assertNull(a.letter);
        assertNull(a.gradedAt);
    }

    @Test
    void aSuspendedAttemptResumesAndGetsTheCredit() {
        Attempt a = running();
        a.suspend(T0.plus(Duration.ofMinutes(10)));
        a.continueAfterFailure(T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(2));
        assertEquals(AttemptState.IN_PROGRESS, a.state);
        // 50 minutes + 20 paused + 2 credited
        assertEquals(T0.plus(Duration.ofMinutes(72)), a.deadlineAt);
    }

    @Test
    void aSubmittedOrVoidedAttemptNeverContinues() {
        Attempt a = running();
        a.submit(T0.plus(Duration.ofMinutes(20)));
        assertThrows(RuleViolation.class, () -> a.continueAfterFailure(T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(5)));
        assertEquals(AttemptState.SUBMITTED, a.state);
        Attempt v = running();
        v.voidIt(T0.plus(Duration.ofMinutes(5)), "act");
        assertThrows(RuleViolation.class, () -> v.continueAfterFailure(T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(5)));
    }

    @Test
    void theReopenMoveIsTakenOnlyByTheActDecisionNotByStartOrResume() {
        Attempt a = running();
        a.expire(T0.plus(Duration.ofMinutes(50)));
        RuleViolation start = assertThrows(RuleViolation.class, () -> a.start(T0.plus(Duration.ofHours(1)), Duration.ofMinutes(50), Duration.ZERO, false));
        assertEquals("ATTEMPT_TRANSITION_REFUSED", start.code());
        assertEquals("ATTEMPT_CANNOT_RESUME", assertThrows(RuleViolation.class, () -> a.resume(T0.plus(Duration.ofHours(1)))).code());
        assertEquals(AttemptState.EXPIRED, a.state);
        a.continueAfterFailure(T0.plus(Duration.ofHours(1)), Duration.ofMinutes(1));
        assertEquals(AttemptState.IN_PROGRESS, a.state);
    }

    @Test
    void aTerminatedAttemptIsNeverReopened() {
        Attempt a = running();
        a.terminate(T0.plus(Duration.ofMinutes(5)), "phone on the desk");
        RuleViolation e = assertThrows(RuleViolation.class, () -> a.continueAfterFailure(T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(5)));
        assertEquals("ATTEMPT_CANNOT_CONTINUE", e.code());
        assertEquals(409, e.status());
        assertEquals(AttemptState.TERMINATED, a.state);
    }
}
