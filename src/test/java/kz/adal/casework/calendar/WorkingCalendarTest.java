package kz.adal.casework.calendar;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar sample = WorkingCalendar.kazakhstan2026Sample();

    private static LocalDate may(int day) {
        return LocalDate.of(2026, 5, day);
    }

    @Test
    void worksMondayToFridayAndRestsAtTheWeekend() {
        assertTrue(sample.isWorkingDay(LocalDate.of(2026, 1, 5)));  // Monday
        assertTrue(sample.isWorkingDay(LocalDate.of(2026, 1, 9)));  // Friday
        assertFalse(sample.isWorkingDay(LocalDate.of(2026, 1, 10))); // Saturday
        assertFalse(sample.isWorkingDay(LocalDate.of(2026, 1, 11))); // Sunday
    }

    @Test
    void restsOnTheSampleHolidays() {
        for (LocalDate holiday : new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 7),
                LocalDate.of(2026, 3, 23), may(1), may(7), may(27), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 12, 16)}) {
            assertFalse(sample.isWorkingDay(holiday), holiday.toString());
        }
    }

    @Test
    void startsCountingTheDayAfter() {
        assertEquals(LocalDate.of(2026, 1, 6), sample.addWorkingDays(LocalDate.of(2026, 1, 5), 1));
        assertEquals(LocalDate.of(2026, 1, 5), sample.addWorkingDays(LocalDate.of(2026, 1, 5), 0));
        assertEquals(LocalDate.of(2026, 1, 12), sample.addWorkingDays(LocalDate.of(2026, 1, 8), 2)); // Thu → Fri, Mon
    }

    @Test
    void skipsAHoliday() {
        // Tue 5 May: Wed 6 is the first working day, Thu 7 May is a holiday, Fri 8 the second
        assertEquals(may(8), sample.addWorkingDays(may(5), 2));
    }

    @Test
    void skipsADayOffMovedByDecree() {
        WorkingCalendar decree = WorkingCalendar.forYear(2026)
                .holiday(may(7), "Defender of the Fatherland Day")
                .holiday(may(9), "Victory Day")
                .dayOff(may(8), "moved by decree")
                .build();
        assertFalse(decree.isWorkingDay(may(8)));
        assertEquals(may(11), decree.addWorkingDays(may(5), 2)); // Wed 6, then Mon 11
    }

    @Test
    void countsAWorkingSaturday() {
        WorkingCalendar decree = WorkingCalendar.forYear(2026)
                .holiday(may(1), "Unity Day")
                .workingDay(may(2), "working Saturday by decree")
                .build();
        assertTrue(decree.isWorkingDay(may(2)));
        assertEquals(may(4), decree.addWorkingDays(LocalDate.of(2026, 4, 30), 2)); // Sat 2, Mon 4
        assertEquals(may(5), sample.addWorkingDays(LocalDate.of(2026, 4, 30), 2)); // without it: Mon 4, Tue 5
    }

    @Test
    void refusesAYearThatWasNotEntered() {
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> sample.addWorkingDays(LocalDate.of(2026, 12, 31), 1));
        assertEquals("CALENDAR_YEAR_NOT_CONFIGURED", e.code());
    }

    @Test
    void crossesNewYearWhenBothYearsAreEntered() {
        WorkingCalendar next = WorkingCalendar.forYear(2027)
                .holiday(LocalDate.of(2027, 1, 1), "New Year")
                .holiday(LocalDate.of(2027, 1, 2), "New Year")
                .build();
        WorkingCalendar both = sample.plus(next);
        assertEquals(LocalDate.of(2027, 1, 4), both.addWorkingDays(LocalDate.of(2026, 12, 31), 1));
        assertEquals("CALENDAR_YEAR_DUPLICATED", assertThrows(RuleViolation.class, () -> both.plus(next)).code());
    }

    @Test
    void rejectsInconsistentEntries() {
        assertEquals("CALENDAR_DAY_OFF_ON_WEEKEND", assertThrows(RuleViolation.class,
                () -> WorkingCalendar.forYear(2026).dayOff(may(2), "Saturday")).code());
        assertEquals("CALENDAR_WORKING_DAY_ON_WEEKDAY", assertThrows(RuleViolation.class,
                () -> WorkingCalendar.forYear(2026).workingDay(may(4), "Monday")).code());
        assertEquals("CALENDAR_DATE_OUTSIDE_YEAR", assertThrows(RuleViolation.class,
                () -> WorkingCalendar.forYear(2026).holiday(LocalDate.of(2027, 1, 1), "New Year")).code());
        assertEquals("CALENDAR_DATE_DUPLICATED", assertThrows(RuleViolation.class,
                () -> WorkingCalendar.forYear(2026).holiday(may(9), "Victory Day").workingDay(may(9), "work")).code());
        assertEquals("CALENDAR_NEGATIVE_DAYS", assertThrows(RuleViolation.class,
                () -> sample.addWorkingDays(may(4), -1)).code());
    }
}
