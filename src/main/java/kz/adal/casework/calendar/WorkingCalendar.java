package kz.adal.casework.calendar;

import kz.adal.platform.RuleViolation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official working calendar, year by year: Monday–Friday work, Saturday and Sunday rest, except
 * public holidays, weekdays made days off by decree (moved days off) and weekend days made working
 * days. Working-day deadlines follow it, including moved days off (001 §6.15.5). Immutable.
 *
 * <p>A date in a year that was not configured is refused rather than guessed: a deadline computed
 * from a missing calendar could be legally wrong, so the admin must enter next year's calendar first.
 */
public final class WorkingCalendar {

    private final Set<Integer> years;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> daysOff;
    private final Map<LocalDate, String> workingDays;

    private WorkingCalendar(Set<Integer> years, Map<LocalDate, String> holidays, Map<LocalDate, String> daysOff,
                            Map<LocalDate, String> workingDays) {
        this.years = Collections.unmodifiableSet(new TreeSet<>(years));
        this.holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
        this.daysOff = Collections.unmodifiableMap(new TreeMap<>(daysOff));
        this.workingDays = Collections.unmodifiableMap(new TreeMap<>(workingDays));
    }

    /** Starts the calendar of one year. */
    public static Builder forYear(int year) {
        return new Builder(year);
    }

    /**
     * SAMPLE DATA, not an authority: Kazakhstan's public holidays for 2026 as listed in the project
     * brief, without any days off moved by the 2026 decree (e.g. for holidays falling on a weekend).
     * The admin maintains the real list each year from the government's decree.
     */
    public static WorkingCalendar kazakhstan2026Sample() {
        return forYear(2026)
                .holiday(LocalDate.of(2026, 1, 1), "New Year")
                .holiday(LocalDate.of(2026, 1, 2), "New Year")
                .holiday(LocalDate.of(2026, 1, 7), "Orthodox Christmas")
                .holiday(LocalDate.of(2026, 3, 8), "International Women's Day")
                .holiday(LocalDate.of(2026, 3, 21), "Nauryz")
                .holiday(LocalDate.of(2026, 3, 22), "Nauryz")
                .holiday(LocalDate.of(2026, 3, 23), "Nauryz")
                .holiday(LocalDate.of(2026, 5, 1), "Unity Day of the People of Kazakhstan")
                .holiday(LocalDate.of(2026, 5, 7), "Defender of the Fatherland Day")
                .holiday(LocalDate.of(2026, 5, 9), "Victory Day")
                .holiday(LocalDate.of(2026, 5, 27), "Kurban ait")
                .holiday(LocalDate.of(2026, 7, 6), "Capital Day")
                .holiday(LocalDate.of(2026, 8, 30), "Constitution Day")
                .holiday(LocalDate.of(2026, 10, 25), "Republic Day")
                .holiday(LocalDate.of(2026, 12, 16), "Independence Day")
                .build();
    }

    /** This calendar together with {@code other}'s years (for deadlines that cross New Year). */
    public WorkingCalendar plus(WorkingCalendar other) {
        for (Integer year : other.years) {
            if (years.contains(year)) {
                throw RuleViolation.invalid("CALENDAR_YEAR_DUPLICATED", "The year " + year + " is configured twice.");
            }
        }
        Set<Integer> allYears = new TreeSet<>(years);
        allYears.addAll(other.years);
        Map<LocalDate, String> h = new TreeMap<>(holidays);
        h.putAll(other.holidays);
        Map<LocalDate, String> o = new TreeMap<>(daysOff);
        o.putAll(other.daysOff);
        Map<LocalDate, String> w = new TreeMap<>(workingDays);
        w.putAll(other.workingDays);
        return new WorkingCalendar(allYears, h, o, w);
    }

    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    public Set<Integer> years() {
        return years;
    }

    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (workingDays.containsKey(date)) {
            return true;
        }
        if (holidays.containsKey(date) || daysOff.containsKey(date)) {
            return false;
        }
        return !isWeekend(date);
    }

    /**
     * The n-th working day after {@code from}; counting starts the next day, so {@code from} itself
     * never counts. {@code n = 0} returns {@code from}.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw RuleViolation.invalid("CALENDAR_NEGATIVE_DAYS", "Cannot add " + n + " working days.");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw RuleViolation.conflict("CALENDAR_YEAR_NOT_CONFIGURED",
                    "The working calendar for " + date.getYear() + " has not been entered; ask the system admin to enter it.");
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Collects one year's exceptions; each date may be given once and must lie in the year. */
    public static final class Builder {

        private final int year;
        private final Map<LocalDate, String> holidays = new TreeMap<>();
        private final Map<LocalDate, String> daysOff = new TreeMap<>();
        private final Map<LocalDate, String> workingDays = new TreeMap<>();

        private Builder(int year) {
            this.year = year;
        }

        /** A public holiday (on any day of the week). */
        public Builder holiday(LocalDate date, String name) {
            put(date, name);
            holidays.put(date, name);
            return this;
        }

        /** A weekday made a day off by decree (a moved day off). */
        public Builder dayOff(LocalDate date, String reason) {
            if (isWeekend(date)) {
                throw RuleViolation.invalid("CALENDAR_DAY_OFF_ON_WEEKEND",
                        date + " is a " + date.getDayOfWeek() + ", already a day off.");
            }
            put(date, reason);
            daysOff.put(date, reason);
            return this;
        }

        /** A Saturday or Sunday made a working day by decree. */
        public Builder workingDay(LocalDate date, String reason) {
            if (!isWeekend(date)) {
                throw RuleViolation.invalid("CALENDAR_WORKING_DAY_ON_WEEKDAY",
                        date + " is a " + date.getDayOfWeek() + ", already a working day.");
            }
            put(date, reason);
            workingDays.put(date, reason);
            return this;
        }

        public WorkingCalendar build() {
            return new WorkingCalendar(Set.of(year), holidays, daysOff, workingDays);
        }

        private void put(LocalDate date, String label) {
            if (date.getYear() != year) {
                throw RuleViolation.invalid("CALENDAR_DATE_OUTSIDE_YEAR", date + " is not in " + year + ".");
            }
            if (label == null || label.isBlank()) {
                throw RuleViolation.invalid("CALENDAR_LABEL_MISSING", "Say why " + date + " is special.");
            }
            if (holidays.containsKey(date) || daysOff.containsKey(date) || workingDays.containsKey(date)) {
                throw RuleViolation.invalid("CALENDAR_DATE_DUPLICATED", date + " is already in the calendar.");
            }
        }
    }
}
