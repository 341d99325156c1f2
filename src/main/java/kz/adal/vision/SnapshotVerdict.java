package kz.adal.vision;

import java.util.List;

/**
 * The verdict on one snapshot with the numbers behind it, so a reviewer sees the evidence.
 * Fields that were not measured (no face, models absent, no previous frame) are {@code null}.
 *
 * @param outcome       the first problem found, in the order of {@link SnapshotAnalysis}
 * @param exposure      brightness statistics of the frame
 * @param motion        difference from the previous snapshot, if one was given
 * @param faceScores    detector scores of all faces found, best first
 * @param similarity    cosine similarity of the main face to the reference
 * @param pose          head pose of the main face
 * @param face          the main (highest-scoring) face
 */
public record SnapshotVerdict(
        SnapshotOutcome outcome,
        FrameChecks.Exposure exposure,
        FrameChecks.Motion motion,
        List<Double> faceScores,
        Double similarity,
        HeadPose pose,
        DetectedFace face) {

    public SnapshotVerdict {
        faceScores = faceScores == null ? List.of() : List.copyOf(faceScores);
    }

    public int faceCount() {
        return faceScores.size();
    }
}
