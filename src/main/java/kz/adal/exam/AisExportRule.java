package kz.adal.exam;

import kz.adal.platform.TimeSource;

import java.time.LocalDate;

/**
 * When the teacher may export an exam's grades to the university AIS: after two days have passed
 * since the last attestation day (001 §5.33).
 *
 * <p>The <b>last attestation day</b> of an exam is the calendar day (institution time zone) of the
 * window's last moment: the day of {@code closesAt}, or the day before when the window closes exactly
 * at midnight. "Two days have passed" counts whole calendar days after it, as periods are counted
 * from the day after an event: closes on 10 June → 11 and 12 June pass → export from 13 June.
 * Individual-sheet grades are entered by the registrar (001 §5.34), not through this export.
 */
public final class AisExportRule {
    /** Whole days that must pass after the last attestation day (001 §5.33). */
    public static final int DAYS_TO_PASS = 2;

    private AisExportRule() {
    }

    public static LocalDate lastAttestationDay(Exam exam) {
        return LocalDate.ofInstant(exam.closesAt.minusNanos(1), TimeSource.ZONE);
    }

    /** The first day the export is allowed. */
    public static LocalDate firstExportDay(Exam exam) {
        return lastAttestationDay(exam).plusDays(DAYS_TO_PASS + 1);
    }

    public static boolean allowedOn(Exam exam, LocalDate today) {
        return allowedOn(firstExportDay(exam), today);
    }

    /** The same, from the first export day ({@code exam.sheet} reads it through {@link ExamSheets}). */
    public static boolean allowedOn(LocalDate firstExportDay, LocalDate today) {
        return !today.isBefore(firstExportDay);
    }
}
