package kz.adal.proctoring;

/**
 * What a flag says happened. Flags are advisory (product decision): no flag changes a grade; a person
 * decides. The face flags are filled by the vision feature (issue 6) through its own {@link FlagRule}.
 */
public enum FlagType {
    /** The exam tab was hidden or the window lost focus. */
    TAB_LEFT(Severity.HIGH),
    /** The page left fullscreen. */
    FULLSCREEN_EXITED(Severity.MEDIUM),
    /** Copy, cut, paste or the context menu. */
    CLIPBOARD_USED(Severity.MEDIUM),
    /** Print or save shortcuts. */
    FORBIDDEN_SHORTCUT(Severity.LOW),
    /** The window shrank below the threshold (room for another window beside it). */
    WINDOW_SHRUNK(Severity.MEDIUM),
    /** The browser reports more than one screen. */
    SECOND_SCREEN(Severity.HIGH),
    /** Screen sharing ended or is not the entire screen (003 §16: the screen is watched). */
    SCREEN_SHARE_STOPPED(Severity.HIGH),
    /** The camera ended or was muted. */
    CAMERA_LOST(Severity.HIGH),
    /** The camera or screen recording stopped (permission withdrawn, device unplugged, recorder error). */
    RECORDING_STOPPED(Severity.HIGH),
    /** The microphone ended or was muted. */
    MICROPHONE_LOST(Severity.MEDIUM),
    /** No connection for longer than the grace period; a shorter drop is a technical event, not a flag. */
    DISCONNECTED(Severity.MEDIUM),
    /** Issue 6 (vision): the camera shows nothing (covered, dark) or the same frame again and again (frozen). */
    CAMERA_BLOCKED(Severity.HIGH),
    /** Issue 6 (vision): no face in the frame. */
    FACE_MISSING(Severity.HIGH),
    /** Issue 6 (vision): more than one face — an outsider in the frame (001 §6.13). */
    MULTIPLE_FACES(Severity.HIGH),
    /** Issue 6 (vision): the face is not the student's. */
    FACE_MISMATCH(Severity.HIGH),
    /** Issue 6 (vision): looking away from the screen. */
    LOOKING_AWAY(Severity.LOW);

    private final Severity severity;

    FlagType(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    public enum Severity { LOW, MEDIUM, HIGH }
}
