package kz.adal.media;

/**
 * Why an attempt's recordings must be kept regardless of age. The lead derives these from casework,
 * review and attempt state; stored as text.
 */
public enum RecordingHold {
    /** A technical-failure act is open (001 §6.15.6). */
    OPEN_ACT,
    /** An appeal is filed or its 48-hour window is still open (001 §6.15.4). */
    APPEAL,
    /** A review verdict on flags has not been given yet (product decision: flags are advisory). */
    VERDICT_PENDING,
    /** A re-sit or continuation of the attempt is scheduled (001 §6.15.3, §6.15.6). */
    RESIT,
    /** A legal hold on an attempt with an open case. */
    LEGAL
}
