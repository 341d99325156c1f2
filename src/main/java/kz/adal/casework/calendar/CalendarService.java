package kz.adal.casework.calendar;

import kz.adal.platform.RuleViolation;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.DemoAccounts;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The official working calendar as the system admin enters it, year by year (public holidays, moved
 * days off, working Saturdays — 001 §6.15.5 counts working days by it). {@link #calendar()} builds the
 * {@link WorkingCalendar} from every entered year; a year not entered stays unknown and deadlines in it
 * are refused ({@code calendar.year-not-configured}). Every change is audited (scope "calendar-YYYY").
 */
@ApplicationScoped
public class CalendarService {
    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    public record DayInput(LocalDate date, CalendarDay.Kind kind, String name) {}

    public record YearView(int year, boolean configured, boolean sample, List<DayInput> days) {}

    private final AuditTrail audit;
    private final TimeSource time;
    private final boolean demo;

    CalendarService(AuditTrail audit, TimeSource time, @ConfigProperty(name = "adal.demo.enabled") boolean demo) {
        this.audit = audit;
        this.time = time;
        this.demo = demo;
    }

    /** Demo data only: the 2026 SAMPLE calendar (not the decree), when no calendar was entered yet. */
    @Transactional
    void seed(@Observes @Priority(DemoAccounts.PRIORITY + 60) StartupEvent ev) {
        if (!demo || CalendarYear.count() > 0) return;
        // names come from the sample itself
        List<DayInput> named = samples2026();
        store(2026, true, named, null);
        audit.record(Change.of("calendar.seeded", "calendar-year", 2026).scope("calendar-2026")
                .detail(Map.of("days", named.size(), "sample", true)), null, "system");
        LOG.info("Demo working calendar 2026 (SAMPLE data) seeded");
    }

    private static List<DayInput> samples2026() {
        Object[][] rows = {
                {"2026-01-01", "New Year"}, {"2026-01-02", "New Year"}, {"2026-01-07", "Orthodox Christmas"},
                {"2026-03-08", "International Women's Day"}, {"2026-03-21", "Nauryz"}, {"2026-03-22", "Nauryz"},
                {"2026-03-23", "Nauryz"}, {"2026-05-01", "Unity Day of the People of Kazakhstan"},
                {"2026-05-07", "Defender of the Fatherland Day"}, {"2026-05-09", "Victory Day"}, {"2026-05-27", "Kurban ait"},
                {"2026-07-06", "Capital Day"}, {"2026-08-30", "Constitution Day"}, {"2026-10-25", "Republic Day"},
                {"2026-12-16", "Independence Day"}};
        List<DayInput> out = new ArrayList<>();
        for (Object[] r : rows) out.add(new DayInput(LocalDate.parse((String) r[0]), CalendarDay.Kind.HOLIDAY, (String) r[1]));
        return out;
    }

    /** The working calendar of every entered year (empty of years when none: every date then refuses). */
    @Transactional
    public WorkingCalendar calendar() {
        WorkingCalendar all = null;
        for (CalendarYear y : CalendarYear.<CalendarYear>listAll()) {
            WorkingCalendar one = build(y.year, CalendarDay.ofYear(y.year).stream().map(d -> new DayInput(d.day, d.kind, d.name)).toList());
            all = all == null ? one : all.plus(one);
        }
        return all == null ? WorkingCalendar.forYear(0).build() : all;
    }

    @Transactional
    public List<Integer> years() {
        return CalendarYear.<CalendarYear>list("order by year").stream().map(y -> y.year).toList();
    }

    @Transactional
    public YearView year(int year) {
        CalendarYear y = CalendarYear.findById(year);
        if (y == null) return new YearView(year, false, false, List.of());
        return new YearView(year, true, y.sample, CalendarDay.ofYear(year).stream().map(d -> new DayInput(d.day, d.kind, d.name)).toList());
    }

    /** Replaces a year's exceptions as a whole (checked first: a refused list changes nothing). */
    @Transactional
    public YearView replace(int year, List<DayInput> days, UUID actor) {
        requireYear(year);
        List<DayInput> list = days == null ? List.of() : days;
        build(year, list);
        YearView before = year(year);
        store(year, false, list, actor);
        audit.record(Change.of("calendar.year-replaced", "calendar-year", year).scope("calendar-" + year)
                .before(before.days()).after(list).detail(Map.of("days", list.size())));
        return year(year);
    }

    /** Adds one day (a holiday, a moved day off, a working Saturday) to a year, entering the year if new. */
    @Transactional
    public YearView add(int year, DayInput day, UUID actor) {
        requireYear(year);
        if (day == null || day.date() == null || day.kind() == null) {
            throw Problem.badRequest("CALENDAR_DAY_INCOMPLETE", "Give the date, the kind (HOLIDAY, DAY_OFF, WORKING_DAY) and a name.");
        }
        List<DayInput> list = new ArrayList<>(year(year).days());
        list.add(new DayInput(day.date(), day.kind(), day.name() == null ? null : day.name().strip()));
        build(year, list);
        CalendarYear y = CalendarYear.findById(year);
        boolean wasSample = y != null && y.sample;
        store(year, false, list, actor);
        audit.record(Change.of("calendar.day-added", "calendar-year", year).scope("calendar-" + year)
                .detail(Map.of("date", day.date().toString(), "kind", day.kind().name(), "name", day.name().strip(),
                        "wasSample", wasSample)));
        return year(year);
    }

    @Transactional
    public YearView remove(int year, LocalDate date, UUID actor) {
        CalendarDay d = CalendarDay.findById(date);
        if (d == null || d.year != year) throw Problem.notFound("Calendar day " + date);
        d.delete();
        CalendarYear y = CalendarYear.findById(year);
        y.sample = false;
        y.updatedBy = actor;
        y.updatedAt = time.now();
        audit.record(Change.of("calendar.day-removed", "calendar-year", year).scope("calendar-" + year)
                .detail(Map.of("date", date.toString(), "kind", d.kind.name(), "name", d.name)));
        return year(year);
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) throw Problem.badRequest("CALENDAR_YEAR_INVALID", "The year must be between 2000 and 2100.");
    }

    private static WorkingCalendar build(int year, List<DayInput> days) {
        WorkingCalendar.Builder b = WorkingCalendar.forYear(year);
        for (DayInput d : days) {
            if (d == null || d.date() == null || d.kind() == null) {
                throw RuleViolation.invalid("CALENDAR_DAY_INCOMPLETE", "Every day needs a date, a kind and a name.");
            }
            switch (d.kind()) {
                case HOLIDAY -> b.holiday(d.date(), d.name());
                case DAY_OFF -> b.dayOff(d.date(), d.name());
                case WORKING_DAY -> b.workingDay(d.date(), d.name());
            }
        }
        return b.build();
    }

    private void store(int year, boolean sample, List<DayInput> days, UUID actor) {
        CalendarYear y = CalendarYear.findById(year);
        if (y == null) {
            y = new CalendarYear();
            y.year = year;
        }
        y.sample = sample;
        y.updatedBy = actor;
        y.updatedAt = time.now();
        y.persist();
        Map<LocalDate, DayInput> wanted = new LinkedHashMap<>();
        days.forEach(d -> wanted.put(d.date(), d));
        for (CalendarDay old : CalendarDay.ofYear(year)) {
            DayInput d = wanted.remove(old.day);
            if (d == null) {
                old.delete();
            } else {
                old.kind = d.kind();
                old.name = d.name().strip();
            }
        }
        for (DayInput d : wanted.values()) {
            CalendarDay row = new CalendarDay();
            row.day = d.date();
            row.year = year;
            row.kind = d.kind();
            row.name = d.name().strip();
            row.persist();
        }
    }
}
