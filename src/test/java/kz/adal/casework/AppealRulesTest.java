package kz.adal.casework;

import kz.adal.casework.absence.AbsenceDocument;
import kz.adal.casework.calendar.WorkingCalendar;

import kz.adal.platform.RuleViolation;

import kz.adal.platform.Problem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules the appeal and absence services lean on, without a server (001 §6.15.3–6.15.5). */
class AppealRulesTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Instant ENDED = Instant.parse("2026-11-23T05:00:00Z");

    @Test
    void fortyEightHoursToTheSecond() { // 001 §6.15.4: exactly 48:00:00 in time, one second later refused
        assertDoesNotThrow(() -> AppealDeadlines.checkFiling(ENDED.plus(Duration.ofHours(48)), ENDED, null));
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> AppealDeadlines.checkFiling(ENDED.plus(Duration.ofHours(48)).plusSeconds(1), ENDED, null));
        assertEquals("APPEAL_FILING_CLOSED", e.code());
        assertEquals(true, e.getMessage().contains("2026-11-25 10:00 (Asia/Almaty)"), e.getMessage()); // the institution's time, as people read it
        assertEquals(422, e.status());
    }

    @Test
    void aLaterResultMovesTheWindow() {
        Instant result = ENDED.plus(Duration.ofHours(20));
        assertDoesNotThrow(() -> AppealDeadlines.checkFiling(result.plus(Duration.ofHours(48)), ENDED, result));
        assertThrows(RuleViolation.class, () -> AppealDeadlines.checkFiling(result.plus(Duration.ofHours(48)).plusSeconds(1), ENDED, result));
        assertEquals("APPEAL_NOT_OPEN", assertThrows(RuleViolation.class,
                () -> AppealDeadlines.checkFiling(result.minusSeconds(1), ENDED, result)).code());
    }

    @Test
    void hearingSkipsAHolidayAndAMovedDayOffAndCountsAWorkingSaturday() { // 001 §6.15.5
        WorkingCalendar cal = WorkingCalendar.forYear(2026)
                .holiday(LocalDate.of(2026, 11, 24), "Test holiday (Tue)")
                .dayOff(LocalDate.of(2026, 11, 25), "Moved day off (Wed)")
                .workingDay(LocalDate.of(2026, 11, 28), "Working Saturday")
                .build();
        AppealDeadlines d = new AppealDeadlines(cal, ALMATY);
        // received Mon 23 Nov: Tue holiday, Wed day off, Thu 26 (1), Fri 27 (2)
        assertEquals(LocalDate.of(2026, 11, 27), d.hearingDueOn(Instant.parse("2026-11-23T06:00:00Z")));
        // without the decree it would be Wed 25
        assertEquals(LocalDate.of(2026, 11, 25),
                new AppealDeadlines(WorkingCalendar.forYear(2026).build(), ALMATY).hearingDueOn(LocalDate.of(2026, 11, 23)));
        // heard Fri 27: the working Saturday 28 is the result's last day
        assertEquals(LocalDate.of(2026, 11, 28), d.resultDueOn(LocalDate.of(2026, 11, 27)));
        // received Thu 26: Fri 27 (1), Sat 28 working (2)
        assertEquals(LocalDate.of(2026, 11, 28), d.hearingDueOn(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void aYearNotEnteredIsRefused() {
        AppealDeadlines d = new AppealDeadlines(WorkingCalendar.forYear(2026).build(), ALMATY);
        assertEquals("CALENDAR_YEAR_NOT_CONFIGURED",
                assertThrows(RuleViolation.class, () -> d.hearingDueOn(LocalDate.of(2026, 12, 31))).code());
    }

    @Test
    void documentsAreSniffedNotTrusted() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4\n%test\n".getBytes());
        assertEquals("application/pdf", AbsenceDocument.of("note.pdf", pdf, true).type());
        String exe = Base64.getEncoder().encodeToString("MZ\u0090\u0000binary-stuff".getBytes());
        assertEquals(415, assertThrows(Problem.class, () -> AbsenceDocument.of("note.pdf", exe, true)).status());
        String big = Base64.getEncoder().encodeToString(new byte[AbsenceDocument.MAX_BYTES + 1]);
        assertEquals(413, assertThrows(Problem.class, () -> AbsenceDocument.of("scan.png", big, true)).status());
        assertEquals("DOCUMENT_REQUIRED", assertThrows(Problem.class, () -> AbsenceDocument.of("x.pdf", null, true)).code());
        assertNull(AbsenceDocument.of(null, null, false));
    }
}
