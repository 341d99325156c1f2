package kz.adal.vision;

/** What one camera snapshot shows; stored as text. Everything but OK goes to a human reviewer. */
public enum SnapshotOutcome {
    OK,
    /** Very dark or flat frame: camera covered or switched off. */
    COVERED,
    /** Same picture as the previous snapshot: stuck camera or a static photo. */
    FROZEN,
    NO_FACE,
    /** Another person in the frame (001 §6.13: no outsiders in the frame). */
    MULTIPLE_FACES,
    /** Head turned beyond the policy's yaw/pitch limits. */
    LOOKING_AWAY,
    /** The face does not match the reference embedding. */
    MISMATCH,
    /** Face models absent: identity could not be checked, a proctor checks by hand (000 §4.7). */
    NOT_CHECKED;

    public boolean needsReview() {
        return this != OK;
    }
}
