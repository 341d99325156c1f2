package kz.adal.casework;

import kz.adal.casework.calendar.WorkingCalendar;
import kz.adal.platform.RuleViolation;
import kz.adal.platform.TimeSource;

import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Appeal deadlines (001 §6.15.4–6.15.5). See docs/domain/deadlines.md.
 * <ul>
 *   <li>Filing is open for 48 calendar hours «after the exam was held». The clock starts at the later
 *       of the exam's end and the publication of its result: for an oral exam or an auto-scored test
 *       they coincide; for a test whose result comes later (manual review) the student cannot disagree
 *       with a result not yet shown. Exactly 48:00:00 is still in time.</li>
 *   <li>The hearing is held within 2 working days of the day the appeal was received.</li>
 *   <li>The result reaches the student within 1 working day after the hearing.</li>
 * </ul>
 * Working days are counted from the day after the event ({@link WorkingCalendar#addWorkingDays}); days
 * are taken in the institution's time zone.
 */
public final class AppealDeadlines {

    public static final Duration FILING_PERIOD = Duration.ofHours(48);
    public static final int HEARING_WORKING_DAYS = 2;
    public static final int RESULT_WORKING_DAYS = 1;

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public AppealDeadlines(WorkingCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    /** When filing starts: the later of the exam's end and the result's publication (null = shown at the end). */
    public static Instant filingOpensAt(Instant examEndedAt, Instant resultPublishedAt) {
        return resultPublishedAt != null && resultPublishedAt.isAfter(examEndedAt) ? resultPublishedAt : examEndedAt;
    }

    /** The last instant an appeal is accepted: {@link #filingOpensAt} + 48 hours, inclusive. */
    public static Instant filingClosesAt(Instant examEndedAt, Instant resultPublishedAt) {
        return filingOpensAt(examEndedAt, resultPublishedAt).plus(FILING_PERIOD);
    }

    /**
     * Checks an appeal filed at {@code filedAt}; refuses (422) with a stable code when out of time. The
     * refusal carries the window ({@code opensAt}, {@code closesAt}) so the page can say when it closed.
     */
    public static void checkFiling(Instant filedAt, Instant examEndedAt, Instant resultPublishedAt) {
        Instant opens = filingOpensAt(examEndedAt, resultPublishedAt);
        Instant closes = filingClosesAt(examEndedAt, resultPublishedAt);
        List<Map<String, String>> window = List.of(Map.of("closesAt", closes.toString(), "opensAt", opens.toString()));
        if (filedAt.isBefore(opens)) {
            throw new RuleViolation(422, "APPEAL_NOT_OPEN", "An appeal can be filed once the result is published.", window);
        }
        if (filedAt.isAfter(closes)) {
            throw new RuleViolation(422, "APPEAL_FILING_CLOSED", "Appeals close 48 hours after the exam was held (001 §6.15.4); this one closed at "
                    + closes.atZone(TimeSource.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ') + " (" + TimeSource.ZONE + ").",
                    window);
        }
    }

    /** The last day the appeal commission may hold the hearing: 2 working days after receipt (001 §6.15.5). */
    public LocalDate hearingDueOn(Instant receivedAt) {
        return hearingDueOn(LocalDate.ofInstant(receivedAt, zone));
    }

    public LocalDate hearingDueOn(LocalDate receivedOn) {
        return calendar.addWorkingDays(receivedOn, HEARING_WORKING_DAYS);
    }

    /** The last day the result must reach the student: 1 working day after the hearing (001 §6.15.5). */
    public LocalDate resultDueOn(LocalDate heardOn) {
        return calendar.addWorkingDays(heardOn, RESULT_WORKING_DAYS);
    }
}
