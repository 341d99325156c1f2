package kz.adal.vision;

/**
 * Thresholds for judging a snapshot.
 *
 * @param matchThreshold cosine similarity below which the face is a MISMATCH; the default is
 *                       chosen on half the test faces through the gate's own path and checked on the rest (docs/vision.md)
 * @param maxAbsYaw      degrees of head turn beyond which the student is LOOKING_AWAY
 * @param maxAbsPitch    degrees of nod beyond which the student is LOOKING_AWAY
 */
public record SnapshotPolicy(double matchThreshold, double maxAbsYaw, double maxAbsPitch) {

    public SnapshotPolicy {
        if (matchThreshold < -1 || matchThreshold > 1) {
            throw new IllegalArgumentException("Match threshold is a cosine similarity, −1..1, got " + matchThreshold);
        }
        if (maxAbsYaw <= 0 || maxAbsPitch <= 0) {
            throw new IllegalArgumentException("Pose limits must be positive degrees");
        }
    }

    public static SnapshotPolicy defaults() {
        return new SnapshotPolicy(0.37, 35, 25);
    }
}
