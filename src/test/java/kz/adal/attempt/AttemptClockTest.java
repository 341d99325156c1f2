package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptClockTest {

    private static final Instant START = Instant.parse("2026-01-12T04:00:00Z");
    private static final Duration FIFTY = Duration.ofMinutes(50);

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void endsFiftyMinutesAfterStartWithoutExtras() {
        AttemptClock clock = AttemptClock.start(START, FIFTY);
        assertEquals(at(50), clock.deadlineAt(at(10)));
        assertEquals(Duration.ofMinutes(40), clock.remainingAt(at(10)));
    }

    @Test
    void addsAccommodationAndCreditedTime() {
        AttemptClock clock = AttemptClock.start(START, FIFTY)
                .withAccommodation(Duration.ofMinutes(25))
                .credit(Duration.ofMinutes(5))
                .credit(Duration.ofMinutes(2));
        assertEquals(at(82), clock.deadlineAt(at(0)));
    }

    @Test
    void movesTheDeadlineByTheSuspendedTime() {
        AttemptClock clock = AttemptClock.start(START, FIFTY).suspend(at(20)).resume(at(27));
        assertEquals(at(57), clock.deadlineAt(at(30)));
        assertEquals(Duration.ofMinutes(27), clock.remainingAt(at(30)));
    }

    @Test
    void freezesTheRemainingTimeWhileSuspended() {
        AttemptClock suspended = AttemptClock.start(START, FIFTY).suspend(at(20));
        assertEquals(Duration.ofMinutes(30), suspended.remainingAt(at(21)));
        assertEquals(Duration.ofMinutes(30), suspended.remainingAt(at(200)));
        assertEquals(at(230), suspended.deadlineAt(at(200))); // 50 minutes + 180 paused so far
        assertFalse(suspended.isExpiredAt(at(200)));
    }

    @Test
    void addsUpSeveralSuspensions() {
        AttemptClock clock = AttemptClock.start(START, FIFTY)
                .suspend(at(5)).resume(at(8))
                .suspend(at(30)).resume(at(40));
        assertEquals(at(63), clock.deadlineAt(at(41)));
    }

    @Test
    void expiresExactlyAtTheDeadline() {
        AttemptClock clock = AttemptClock.start(START, FIFTY);
        assertFalse(clock.isExpiredAt(at(50).minusMillis(1)));
        assertTrue(clock.isExpiredAt(at(50)));
        assertEquals(Duration.ZERO, clock.remainingAt(at(60)));
    }

    @Test
    void refusesToSuspendAfterTheTimeIsUp() {
        AttemptClock clock = AttemptClock.start(START, FIFTY);
        assertEquals("ATTEMPT_CLOCK_TIME_UP", assertThrows(RuleViolation.class, () -> clock.suspend(at(50))).code());
    }

    @Test
    void refusesToSuspendTwiceOrResumeWhenRunning() {
        AttemptClock suspended = AttemptClock.start(START, FIFTY).suspend(at(10));
        assertEquals("ATTEMPT_CLOCK_ALREADY_SUSPENDED",
                assertThrows(RuleViolation.class, () -> suspended.suspend(at(11))).code());
        assertEquals("ATTEMPT_CLOCK_NOT_SUSPENDED",
                assertThrows(RuleViolation.class, () -> AttemptClock.start(START, FIFTY).resume(at(11))).code());
        assertEquals("ATTEMPT_CLOCK_RESUME_BEFORE_SUSPEND",
                assertThrows(RuleViolation.class, () -> suspended.resume(at(9))).code());
    }

    @Test
    void rejectsNegativeCredit() {
        assertThrows(RuleViolation.class, () -> AttemptClock.start(START, FIFTY).credit(Duration.ofMinutes(-1)));
        assertThrows(RuleViolation.class, () -> AttemptClock.start(START, Duration.ZERO));
    }
}
