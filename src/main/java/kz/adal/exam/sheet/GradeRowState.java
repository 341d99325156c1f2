package kz.adal.exam.sheet;

/**
 * Where a student stands on the grade sheet when no attempt says it; otherwise a row's state is its attempt's
 * {@code AttemptState}. Not a lifecycle: each value is worked out afresh from admission, the exam's close and a
 * counted individual sheet (labels {@code GradeRowState.*} in texts/documents*.properties).
 */
enum GradeRowState {
    NOT_ADMITTED,
    /** Admitted, no attempt, and the exam has closed. */
    ABSENT,
    /** Admitted, no attempt yet, the exam still open. */
    NOT_STARTED,
    /** A grade on an individual sheet returned in time counts instead (001 §5.34–5.35). */
    INDIVIDUAL_SHEET;

    /** Whether a row's state (one of these or an attempt state) is one of these. */
    static boolean isOne(String state) {
        for (GradeRowState s : values()) if (s.name().equals(state)) return true;
        return false;
    }
}
