package kz.adal.exam;

/**
 * The kinds of assessment the regulations keep apart. Each has its own rule set; the values are
 * stored as text.
 */
public enum AssessmentKind {

    /** Weekly tasks, at most six per discipline (001 §5.20.1). */
    CURRENT_CONTROL,
    /** A boundary control (midterm); the week is the institution's setting (001 §5.20.2; 002 §1.8). */
    INTERMEDIATE_CONTROL,
    /** The session exam: ≤ 30 questions, 1 attempt, 50 minutes, all fixed (001 §5.20.3). */
    INTERMEDIATE_ATTESTATION,
    /** Final attestation by complex testing (001 §6.15.1), only after the whole curriculum (001 §5.39.4). */
    FINAL_ATTESTATION_TEST;

    /**
     * Whether the 30/50/1 limits are set by a clause and may not be changed. Only the session exam
     * has them in the text (001 §5.20.3); for the other kinds they are defaults.
     */
    public boolean hasFixedLimits() {
        return this == INTERMEDIATE_ATTESTATION;
    }

    /** The limits an exam of this kind starts with. */
    public ExamLimits defaultLimits() {
        return ExamLimits.STANDARD;
    }

    /**
     * Whether a remote sitting must be proctored. 003 §16 and 001 §5.17.2 name current control and
     * intermediate attestation; intermediate control is a form of current control, and final
     * attestation is normally face to face (001 §5.39), so when it is held remotely it is watched too.
     */
    public boolean requiresProctoring() {
        return true;
    }

    /** Only students who completed the whole curriculum sit the final attestation (001 §5.39.4). */
    public boolean requiresCompletedCurriculum() {
        return this == FINAL_ATTESTATION_TEST;
    }

    /** Admission to the session exam only after all control tasks of the course (001 §5.30). */
    public boolean requiresCompletedControlTasks() {
        return this == INTERMEDIATE_ATTESTATION;
    }
}
