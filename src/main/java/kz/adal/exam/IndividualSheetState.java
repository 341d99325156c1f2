package kz.adal.exam;

import kz.adal.platform.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an extension and its individual sheet (001 §5.34–5.35): the application is signed by
 * the dean, the academic-policy director and the academic vice-rector in that order; the dean's
 * office issues the order; the sheet is issued to the student; the student returns it to the registrar
 * office in time (counted) or late (not counted); the registrar enters the grades into the AIS.
 */
public enum IndividualSheetState implements Lifecycle<IndividualSheetState> {
    APPLIED,
    SIGNED_BY_DEAN,
    SIGNED_BY_ACADEMIC_POLICY_DIRECTOR,
    SIGNED_BY_ACADEMIC_VICE_RECTOR,
    ORDER_ISSUED,
    /** Handed to the student; the 14 days run from the day of receipt (001 §5.35). */
    SHEET_ISSUED,
    /** Returned within the validity; the grades count and go into the AIS within 2 days (001 §5.34). */
    RETURNED,
    /** Returned after the validity: the grades are not counted (001 §5.35). Final. */
    RETURNED_LATE,
    /** The registrar entered the grades into the AIS. Final. */
    RECORDED_IN_AIS,
    /** A signatory refused the application. Final. */
    REFUSED;

    public Set<IndividualSheetState> next() {
        return switch (this) {
            case APPLIED -> EnumSet.of(SIGNED_BY_DEAN, REFUSED);
            case SIGNED_BY_DEAN -> EnumSet.of(SIGNED_BY_ACADEMIC_POLICY_DIRECTOR, REFUSED);
            case SIGNED_BY_ACADEMIC_POLICY_DIRECTOR -> EnumSet.of(SIGNED_BY_ACADEMIC_VICE_RECTOR, REFUSED);
            case SIGNED_BY_ACADEMIC_VICE_RECTOR -> EnumSet.of(ORDER_ISSUED);
            case ORDER_ISSUED -> EnumSet.of(SHEET_ISSUED);
            case SHEET_ISSUED -> EnumSet.of(RETURNED, RETURNED_LATE);
            case RETURNED -> EnumSet.of(RECORDED_IN_AIS);
            case RETURNED_LATE, RECORDED_IN_AIS, REFUSED -> EnumSet.noneOf(IndividualSheetState.class);
        };
    }

    public boolean isFinished() {
        return next().isEmpty();
    }
}
