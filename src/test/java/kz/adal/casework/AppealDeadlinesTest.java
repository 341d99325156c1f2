package kz.adal.casework;

import kz.adal.casework.calendar.WorkingCalendar;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AppealDeadlinesTest {

    private static final Instant EXAM_ENDED = Instant.parse("2026-05-04T06:00:00Z");
    private final AppealDeadlines deadlines =
            new AppealDeadlines(WorkingCalendar.kazakhstan2026Sample(), ZoneId.of("Asia/Almaty"));

    private static Instant after(Duration d) {
        return EXAM_ENDED.plus(d);
    }

    @Test
    void acceptsAnAppealAt47Hours59Minutes() { // 001 §6.15.4
        assertDoesNotThrow(() -> AppealDeadlines.checkFiling(after(Duration.ofHours(47).plusMinutes(59)), EXAM_ENDED, null));
    }

    @Test
    void acceptsAnAppealAtExactly48Hours() {
        assertDoesNotThrow(() -> AppealDeadlines.checkFiling(after(Duration.ofHours(48)), EXAM_ENDED, EXAM_ENDED));
    }

    @Test
    void refusesAnAppealAt48Hours01Minute() {
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> AppealDeadlines.checkFiling(after(Duration.ofHours(48).plusMinutes(1)), EXAM_ENDED, null));
        assertEquals("APPEAL_FILING_CLOSED", e.code());
    }

    @Test
    void startsTheFortyEightHoursAtALaterPublication() {
        Instant published = after(Duration.ofHours(30));
        assertEquals(published.plus(Duration.ofHours(48)), AppealDeadlines.filingClosesAt(EXAM_ENDED, published));
        assertDoesNotThrow(() -> AppealDeadlines.checkFiling(after(Duration.ofHours(60)), EXAM_ENDED, published));
        assertEquals("APPEAL_NOT_OPEN", assertThrows(RuleViolation.class,
                () -> AppealDeadlines.checkFiling(after(Duration.ofHours(29)), EXAM_ENDED, published)).code());
    }

    @Test
    void ignoresAPublicationBeforeTheEnd() {
        assertEquals(after(Duration.ofHours(48)), AppealDeadlines.filingClosesAt(EXAM_ENDED, EXAM_ENDED.minusSeconds(60)));
    }

    @Test
    void holdsTheHearingWithinTwoWorkingDaysSkippingAHoliday() { // 001 §6.15.5
        assertEquals(LocalDate.of(2026, 5, 8), deadlines.hearingDueOn(LocalDate.of(2026, 5, 5)));
    }

    @Test
    void holdsTheHearingAfterAMovedDayOffAndCountsAWorkingSaturday() {
        WorkingCalendar decree = WorkingCalendar.forYear(2026)
                .holiday(LocalDate.of(2026, 5, 7), "Defender of the Fatherland Day")
                .dayOff(LocalDate.of(2026, 5, 8), "moved by decree")
                .workingDay(LocalDate.of(2026, 5, 9), "working Saturday by decree")
                .build();
        AppealDeadlines withDecree = new AppealDeadlines(decree, ZoneId.of("Asia/Almaty"));
        // received Wed 6 May: Thu 7 holiday, Fri 8 moved day off, Sat 9 working (1), Mon 11 (2)
        assertEquals(LocalDate.of(2026, 5, 11), withDecree.hearingDueOn(LocalDate.of(2026, 5, 6)));
        // received Tue 5 May: Wed 6 (1), Sat 9 (2)
        assertEquals(LocalDate.of(2026, 5, 9), withDecree.hearingDueOn(LocalDate.of(2026, 5, 5)));
    }

    @Test
    void takesTheDayOfReceiptInTheInstitutionsZone() {
        // 20:00 UTC on 5 May is 01:00 on 6 May in Almaty: Fri 8 (7 May is a holiday), then Mon 11
        assertEquals(LocalDate.of(2026, 5, 11), deadlines.hearingDueOn(Instant.parse("2026-05-05T20:00:00Z")));
    }

    @Test
    void deliversTheResultWithinOneWorkingDayAfterTheHearing() {
        assertEquals(LocalDate.of(2026, 5, 8), deadlines.resultDueOn(LocalDate.of(2026, 5, 6)));
        assertEquals(LocalDate.of(2026, 5, 11), deadlines.resultDueOn(LocalDate.of(2026, 5, 8)));
    }
}
