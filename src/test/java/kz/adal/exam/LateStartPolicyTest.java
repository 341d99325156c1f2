package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LateStartPolicyTest {

    private static final Instant OPENS = Instant.parse("2026-01-12T04:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-01-12T06:00:00Z");
    private static final Duration FIFTY = Duration.ofMinutes(50);

    @Test
    void givesTheFullTimeWhenItFitsUnderEitherPolicy() {
        for (LateStartPolicy policy : LateStartPolicy.values()) {
            Instant start = OPENS.plusSeconds(600);
            LateStartPolicy.LateStart result = policy.evaluate(OPENS, CLOSES, FIFTY, start);
            assertTrue(result.allowed());
            assertEquals(FIFTY, result.duration());
            assertEquals(start.plus(FIFTY), result.deadline());
            assertFalse(result.mustWarn());
        }
    }

    @Test
    void allowsAStartExactlyAtCloseMinusDuration() {
        Instant start = CLOSES.minus(FIFTY);
        LateStartPolicy.LateStart result = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION.evaluate(OPENS, CLOSES, FIFTY, start);
        assertTrue(result.allowed());
        assertEquals(CLOSES, result.deadline());
    }

    @Test
    void refusesAStartOneSecondLaterWhenPolicyRefuses() {
        Instant start = CLOSES.minus(FIFTY).plusSeconds(1);
        LateStartPolicy.LateStart result = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION.evaluate(OPENS, CLOSES, FIFTY, start);
        assertFalse(result.allowed());
        assertEquals("TOO_LATE_TO_START", result.refusalCode());
        assertNull(result.deadline());
    }

    @Test
    void cutsAtCloseAndWarnsWhenPolicyCuts() {
        Instant start = CLOSES.minus(Duration.ofMinutes(20));
        LateStartPolicy.LateStart result = LateStartPolicy.CUT_AT_CLOSE.evaluate(OPENS, CLOSES, FIFTY, start);
        assertTrue(result.allowed());
        assertEquals(CLOSES, result.deadline());
        assertEquals(Duration.ofMinutes(20), result.duration());
        assertTrue(result.mustWarn());
    }

    @Test
    void refusesStartsOutsideTheWindowUnderEitherPolicy() {
        for (LateStartPolicy policy : LateStartPolicy.values()) {
            assertEquals("EXAM_NOT_OPEN", policy.evaluate(OPENS, CLOSES, FIFTY, OPENS.minusSeconds(1)).refusalCode());
            assertEquals("EXAM_CLOSED", policy.evaluate(OPENS, CLOSES, FIFTY, CLOSES).refusalCode());
        }
    }

    @Test
    void rejectsAWindowThatClosesBeforeItOpens() {
        assertEquals("EXAM_WINDOW_INVALID", assertThrows(RuleViolation.class,
                () -> LateStartPolicy.CUT_AT_CLOSE.evaluate(CLOSES, OPENS, FIFTY, OPENS)).code());
    }
}
