package kz.adal.grading;

import kz.adal.platform.RuleViolation;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Grade "I" (Incomplete) for a final attestation postponed on the student's application
 * (001 §6.15.2). It turns into "F" automatically when the debt is not cleared by its due date.
 *
 * <p>The due date is the end of the current academic period; for a student applying to a master's
 * programme it is 10 July when that comes earlier («10 шілдеге дейін»). Both are inclusive: the debt
 * may be cleared on the due date; from the next day the grade is F. Immutable.
 *
 * @param awardedOn    the day the I was given
 * @param dueDate      the last day the debt may be cleared
 * @param clearedOn    the day it was cleared, or null
 * @param clearedGrade the grade that replaced the I, or null
 */
public record IncompleteGrade(LocalDate awardedOn, LocalDate dueDate, LocalDate clearedOn, String clearedGrade) {

    public static final String INCOMPLETE = "I";
    public static final String FAIL = "F";
    /** The last day for master's applicants (001 §6.15.2). */
    public static final MonthDay MASTERS_APPLICANT_DEADLINE = MonthDay.of(7, 10);

    public IncompleteGrade {
        if (awardedOn == null || dueDate == null) {
            throw RuleViolation.conflict("INCOMPLETE_DATES_MISSING", "An I needs the day it was given and its due date.");
        }
        if (dueDate.isBefore(awardedOn)) {
            throw RuleViolation.conflict("INCOMPLETE_DUE_BEFORE_AWARD",
                    "An I's due date (" + dueDate + ") cannot be before the day it was given (" + awardedOn + ").");
        }
        if ((clearedOn == null) != (clearedGrade == null)) {
            throw RuleViolation.conflict("INCOMPLETE_CLEARING_INCOMPLETE", "A cleared I needs both the day and the grade.");
        }
    }

    /**
     * Gives an I on {@code awardedOn}.
     *
     * @param periodEnd         the last day of the current academic period
     * @param mastersApplicant  whether the student applies to a master's programme
     */
    public static IncompleteGrade award(LocalDate awardedOn, LocalDate periodEnd, boolean mastersApplicant) {
        return new IncompleteGrade(awardedOn, dueDate(awardedOn, periodEnd, mastersApplicant), null, null);
    }

    /**
     * The due date: {@code periodEnd}, or for a master's applicant the earlier of {@code periodEnd} and
     * the first 10 July on or after {@code awardedOn}.
     */
    public static LocalDate dueDate(LocalDate awardedOn, LocalDate periodEnd, boolean mastersApplicant) {
        if (periodEnd.isBefore(awardedOn)) {
            throw RuleViolation.conflict("INCOMPLETE_PERIOD_ENDED",
                    "The academic period ended on " + periodEnd + ", before the I was given on " + awardedOn + ".");
        }
        if (!mastersApplicant) {
            return periodEnd;
        }
        LocalDate july10 = MASTERS_APPLICANT_DEADLINE.atYear(awardedOn.getYear());
        if (july10.isBefore(awardedOn)) {
            july10 = MASTERS_APPLICANT_DEADLINE.atYear(awardedOn.getYear() + 1);
        }
        return periodEnd.isAfter(july10) ? july10 : periodEnd;
    }

    /** The debt is cleared on {@code on} with {@code grade}; refused after the due date (it is already F). */
    public IncompleteGrade clear(LocalDate on, String grade) {
        if (clearedOn != null) {
            throw RuleViolation.conflict("INCOMPLETE_ALREADY_CLEARED", "This I was already cleared on " + clearedOn + ".");
        }
        if (grade == null || grade.isBlank() || INCOMPLETE.equals(grade)) {
            throw RuleViolation.conflict("INCOMPLETE_GRADE_INVALID", "An I is cleared with a real grade.");
        }
        if (on.isBefore(awardedOn)) {
            throw RuleViolation.conflict("INCOMPLETE_CLEARED_BEFORE_AWARD", "An I cannot be cleared before it was given.");
        }
        if (on.isAfter(dueDate)) {
            throw RuleViolation.conflict("INCOMPLETE_OVERDUE",
                    "The I was due by " + dueDate + " and has turned into F (001 §6.15.2).");
        }
        return new IncompleteGrade(awardedOn, dueDate, on, grade);
    }

    /** The grade that stands on {@code today}: the clearing grade, else "I" through the due date, then "F". */
    public String effectiveGrade(LocalDate today) {
        if (clearedOn != null && !today.isBefore(clearedOn)) {
            return clearedGrade;
        }
        return today.isAfter(dueDate) ? FAIL : INCOMPLETE;
    }

    public boolean isCleared() {
        return clearedOn != null;
    }
}
