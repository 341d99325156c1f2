package kz.adal.exam;

import kz.adal.platform.TimeSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 001 §5.33: the AIS export after two days have passed since the last attestation day. */
class AisExportRuleTest {

    private static Exam closingAt(LocalDate day, LocalTime time) {
        Exam e = new Exam();
        e.closesAt = day.atTime(time).atZone(TimeSource.ZONE).toInstant();
        return e;
    }

    @Test
    void opensOnTheThirdDayAfterTheLastAttestationDay() {
        Exam e = closingAt(LocalDate.of(2027, 6, 10), LocalTime.of(18, 0));
        assertEquals(LocalDate.of(2027, 6, 10), AisExportRule.lastAttestationDay(e));
        assertFalse(AisExportRule.allowedOn(e, LocalDate.of(2027, 6, 12)));
        assertTrue(AisExportRule.allowedOn(e, LocalDate.of(2027, 6, 13)));
    }

    @Test
    void aWindowClosingAtMidnightEndsOnThePreviousDay() {
        Exam e = closingAt(LocalDate.of(2027, 6, 11), LocalTime.MIDNIGHT);
        assertEquals(LocalDate.of(2027, 6, 10), AisExportRule.lastAttestationDay(e));
        assertEquals(LocalDate.of(2027, 6, 13), AisExportRule.firstExportDay(e));
    }
}
