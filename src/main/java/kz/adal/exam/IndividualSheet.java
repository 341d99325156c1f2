package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import java.time.LocalDate;

/**
 * An extension of a control or attestation deadline and its individual sheet (001 §5.34–5.35).
 * Immutable: each verb returns the next value; the entity stores the fields.
 *
 * <p><b>Counting days.</b> A period "from the day X" starts the day after X, as periods are counted in
 * Kazakh civil law; the last day counts in full. So a sheet received on 1 March is valid through
 * 15 March ({@code receivedOn + 14}), and grades returned on 15 March count, on 16 March they don't.
 * The registrar's 2 days are counted the same way: returned on 15 March → due 17 March. Dates are in
 * the institution's time zone.
 *
 * @param state      where the sheet is
 * @param receivedOn the day the student received the sheet, once issued
 * @param returnedOn the day the sheet came back to the registrar office, once returned
 */
public record IndividualSheet(IndividualSheetState state, LocalDate receivedOn, LocalDate returnedOn) {

    /** Calendar days a sheet stays valid after the day of receipt (001 §5.35). */
    public static final int VALIDITY_DAYS = 14;
    /** Days the registrar office has to enter the grades after the sheet's return (001 §5.34). */
    public static final int AIS_ENTRY_DAYS = 2;

    /** A new application with its supporting document, awaiting the dean. */
    public static IndividualSheet apply() {
        return new IndividualSheet(IndividualSheetState.APPLIED, null, null);
    }

    /** The next signature; signatures come strictly in the order of {@link SheetSignatory}. */
    public IndividualSheet sign(SheetSignatory signatory) {
        IndividualSheetState target = switch (signatory) {
            case DEAN -> IndividualSheetState.SIGNED_BY_DEAN;
            case ACADEMIC_POLICY_DIRECTOR -> IndividualSheetState.SIGNED_BY_ACADEMIC_POLICY_DIRECTOR;
            case ACADEMIC_VICE_RECTOR -> IndividualSheetState.SIGNED_BY_ACADEMIC_VICE_RECTOR;
        };
        return moveTo(target, receivedOn, returnedOn);
    }

    /** A signatory refuses the application. */
    public IndividualSheet refuse() {
        return moveTo(IndividualSheetState.REFUSED, receivedOn, returnedOn);
    }

    /** The dean's office issues the order extending the deadline. */
    public IndividualSheet issueOrder() {
        return moveTo(IndividualSheetState.ORDER_ISSUED, receivedOn, returnedOn);
    }

    /** The sheet is handed to the student on {@code receivedOn}; its validity starts then. */
    public IndividualSheet issue(LocalDate receivedOn) {
        if (receivedOn == null) {
            throw RuleViolation.conflict("INDIVIDUAL_SHEET_RECEIPT_DATE_MISSING", "The day of receipt is required.");
        }
        return moveTo(IndividualSheetState.SHEET_ISSUED, receivedOn, null);
    }

    /** The last calendar day on which the sheet is valid: {@code receivedOn + 14} (001 §5.35). */
    public LocalDate validThrough() {
        requireReceived();
        return receivedOn.plusDays(VALIDITY_DAYS);
    }

    /** Whether grades may still be put on the sheet on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        requireReceived();
        return !day.isBefore(receivedOn) && !day.isAfter(validThrough());
    }

    /**
     * The sheet comes back to the registrar office. After {@link #validThrough()} its grades are not
     * counted (001 §5.35) and the sheet ends as {@link IndividualSheetState#RETURNED_LATE}.
     */
    public IndividualSheet returnToRegistrar(LocalDate returnedOn) {
        requireReceived();
        if (returnedOn == null || returnedOn.isBefore(receivedOn)) {
            throw RuleViolation.conflict("INDIVIDUAL_SHEET_RETURN_DATE_INVALID",
                    "The sheet cannot be returned before it was received (" + receivedOn + ").");
        }
        IndividualSheetState target = returnedOn.isAfter(validThrough())
                ? IndividualSheetState.RETURNED_LATE
                : IndividualSheetState.RETURNED;
        return moveTo(target, receivedOn, returnedOn);
    }

    /** Whether the grades on the sheet count. */
    public boolean gradesCount() {
        return state == IndividualSheetState.RETURNED || state == IndividualSheetState.RECORDED_IN_AIS;
    }

    /** The last day for the registrar to enter the grades into the AIS: {@code returnedOn + 2} (001 §5.34). */
    public LocalDate aisEntryDueOn() {
        if (!gradesCount()) {
            throw RuleViolation.conflict("INDIVIDUAL_SHEET_NOT_COUNTABLE",
                    "Only a sheet returned in time has grades to enter into the AIS.");
        }
        return returnedOn.plusDays(AIS_ENTRY_DAYS);
    }

    /** The registrar entered the grades. Refused for a sheet returned late: its grades don't count. */
    public IndividualSheet recordInAis() {
        if (state == IndividualSheetState.RETURNED_LATE) {
            throw RuleViolation.conflict("INDIVIDUAL_SHEET_RETURNED_LATE",
                    "The sheet was returned on " + returnedOn + ", after its validity ended on " + validThrough()
                            + "; its grades are not counted (001 §5.35).");
        }
        return moveTo(IndividualSheetState.RECORDED_IN_AIS, receivedOn, returnedOn);
    }

    private void requireReceived() {
        if (receivedOn == null) {
            throw RuleViolation.conflict("INDIVIDUAL_SHEET_NOT_ISSUED", "The sheet has not been issued to the student yet.");
        }
    }

    private IndividualSheet moveTo(IndividualSheetState target, LocalDate received, LocalDate returned) {
        if (!state.canMoveTo(target)) {
            throw RuleViolation.conflict("INDIVIDUAL_SHEET_TRANSITION_NOT_ALLOWED",
                    "An individual sheet cannot move from " + state + " to " + target + ".");
        }
        return new IndividualSheet(target, received, returned);
    }
}
