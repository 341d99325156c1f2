package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndividualSheetTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 1);

    private static IndividualSheet issued() {
        return IndividualSheet.apply()
                .sign(SheetSignatory.DEAN)
                .sign(SheetSignatory.ACADEMIC_POLICY_DIRECTOR)
                .sign(SheetSignatory.ACADEMIC_VICE_RECTOR)
                .issueOrder()
                .issue(RECEIVED);
    }

    @Test
    void followsTheSignatureChainInOrder() { // 001 §5.34
        IndividualSheet sheet = issued();
        assertEquals(IndividualSheetState.SHEET_ISSUED, sheet.state());
        assertEquals(RECEIVED, sheet.receivedOn());
    }

    @Test
    void refusesASignatureOutOfOrder() {
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> IndividualSheet.apply().sign(SheetSignatory.ACADEMIC_POLICY_DIRECTOR));
        assertEquals("INDIVIDUAL_SHEET_TRANSITION_NOT_ALLOWED", e.code());
        assertThrows(RuleViolation.class, () -> IndividualSheet.apply().sign(SheetSignatory.DEAN)
                .sign(SheetSignatory.ACADEMIC_VICE_RECTOR));
    }

    @Test
    void refusesToIssueTheSheetBeforeTheOrder() {
        IndividualSheet signed = IndividualSheet.apply().sign(SheetSignatory.DEAN)
                .sign(SheetSignatory.ACADEMIC_POLICY_DIRECTOR).sign(SheetSignatory.ACADEMIC_VICE_RECTOR);
        assertThrows(RuleViolation.class, () -> signed.issue(RECEIVED));
    }

    @Test
    void endsWhenASignatoryRefuses() {
        IndividualSheet refused = IndividualSheet.apply().sign(SheetSignatory.DEAN).refuse();
        assertEquals(IndividualSheetState.REFUSED, refused.state());
        assertTrue(refused.state().isFinished());
        assertThrows(RuleViolation.class, () -> refused.sign(SheetSignatory.ACADEMIC_POLICY_DIRECTOR));
    }

    @Test
    void staysValidThroughTheFourteenthDayAfterReceipt() { // 001 §5.35
        IndividualSheet sheet = issued();
        assertEquals(LocalDate.of(2026, 3, 15), sheet.validThrough());
        assertTrue(sheet.isValidOn(RECEIVED));
        assertTrue(sheet.isValidOn(LocalDate.of(2026, 3, 15)));
        assertFalse(sheet.isValidOn(LocalDate.of(2026, 3, 16)));
        assertFalse(sheet.isValidOn(LocalDate.of(2026, 2, 28)));
    }

    @Test
    void countsGradesReturnedOnTheLastValidDay() {
        IndividualSheet returned = issued().returnToRegistrar(LocalDate.of(2026, 3, 15));
        assertEquals(IndividualSheetState.RETURNED, returned.state());
        assertTrue(returned.gradesCount());
        assertEquals(LocalDate.of(2026, 3, 17), returned.aisEntryDueOn()); // 001 §5.34
        assertEquals(IndividualSheetState.RECORDED_IN_AIS, returned.recordInAis().state());
    }

    @Test
    void refusesGradesReturnedTheDayAfterValidity() { // 001 §5.35
        IndividualSheet late = issued().returnToRegistrar(LocalDate.of(2026, 3, 16));
        assertEquals(IndividualSheetState.RETURNED_LATE, late.state());
        assertFalse(late.gradesCount());
        assertEquals("INDIVIDUAL_SHEET_RETURNED_LATE", assertThrows(RuleViolation.class, late::recordInAis).code());
        assertEquals("INDIVIDUAL_SHEET_NOT_COUNTABLE", assertThrows(RuleViolation.class, late::aisEntryDueOn).code());
    }

    @Test
    void refusesAReturnBeforeReceipt() {
        assertEquals("INDIVIDUAL_SHEET_RETURN_DATE_INVALID", assertThrows(RuleViolation.class,
                () -> issued().returnToRegistrar(RECEIVED.minusDays(1))).code());
    }

    @Test
    void hasNoValidityBeforeItIsIssued() {
        assertEquals("INDIVIDUAL_SHEET_NOT_ISSUED", assertThrows(RuleViolation.class,
                () -> IndividualSheet.apply().validThrough()).code());
    }

    @Test
    void allowsOnlyTheListedTransitions() {
        assertTrue(IndividualSheetState.SHEET_ISSUED.canMoveTo(IndividualSheetState.RETURNED_LATE));
        assertFalse(IndividualSheetState.SIGNED_BY_ACADEMIC_VICE_RECTOR.canMoveTo(IndividualSheetState.REFUSED));
        assertFalse(IndividualSheetState.RETURNED_LATE.canMoveTo(IndividualSheetState.RECORDED_IN_AIS));
        assertTrue(IndividualSheetState.RECORDED_IN_AIS.isFinished());
    }
}
