package kz.adal.vision;

import java.util.List;

/**
 * Judges one proctoring snapshot against the student's reference embedding.
 *
 * <p>Order of checks — the first that fails is the outcome, but every number measured is kept:
 * COVERED, FROZEN (frame checks, no models needed), then — only with models — NO_FACE,
 * MULTIPLE_FACES, LOOKING_AWAY (a turned face makes the identity score unreliable, so it is
 * reported before) and MISMATCH. With the engine absent, a usable frame is NOT_CHECKED and the
 * proctor checks identity by hand (000 §4.7). Thread-safe if the engine is.
 */
public final class SnapshotAnalysis {

    private final FaceEngine engine;
    private final FrameChecks frameChecks;
    private final SnapshotPolicy policy;

    public SnapshotAnalysis(FaceEngine engine, FrameChecks frameChecks, SnapshotPolicy policy) {
        this.engine = engine;
        this.frameChecks = frameChecks;
        this.policy = policy;
    }

    /**
     * @param snapshot  the frame to judge
     * @param previous  the student's previous snapshot, or {@code null} (no freeze check)
     * @param reference the reference embedding from the identity check, or {@code null} (no identity check)
     */
    public SnapshotVerdict analyse(FaceImage snapshot, FaceImage previous, float[] reference) {
        return analyse(snapshot, previous, reference, null);
    }

    /**
     * As {@link #analyse(FaceImage, FaceImage, float[])}, judging LOOKING_AWAY against the student's own
     * pose at the start of the attempt ({@link PoseBaseline}) instead of the camera's axis. A good
     * snapshot (one face, identity matching or not checked) feeds the baseline until it is known; before
     * that, no snapshot is LOOKING_AWAY.
     *
     * @param baseline the attempt's baseline, or {@code null} to judge against the camera's axis
     */
    public SnapshotVerdict analyse(FaceImage snapshot, FaceImage previous, float[] reference, PoseBaseline baseline) {
        FrameChecks.Exposure exposure = frameChecks.exposure(snapshot);
        FrameChecks.Motion motion = previous == null ? null : frameChecks.motion(previous, snapshot);
        if (exposure.covered()) {
            return new SnapshotVerdict(SnapshotOutcome.COVERED, exposure, motion, null, null, null, null);
        }
        if (motion != null && motion.frozen()) {
            return new SnapshotVerdict(SnapshotOutcome.FROZEN, exposure, motion, null, null, null, null);
        }
        if (!engine.available()) {
            return new SnapshotVerdict(SnapshotOutcome.NOT_CHECKED, exposure, motion, null, null, null, null);
        }
        List<DetectedFace> faces = engine.detect(snapshot);
        List<Double> scores = faces.stream().map(DetectedFace::score).toList();
        if (faces.isEmpty()) {
            return new SnapshotVerdict(SnapshotOutcome.NO_FACE, exposure, motion, scores, null, null, null);
        }
        DetectedFace main = faces.get(0);
        HeadPose pose = engine.headPose(snapshot, main);
        Double similarity = reference == null ? null : engine.similarity(reference, engine.embed(snapshot, main));
        SnapshotOutcome outcome;
        if (faces.size() > 1) {
            outcome = SnapshotOutcome.MULTIPLE_FACES; // 001 §6.13: no outsiders in the frame
        } else if (lookingAway(pose, baseline)) {
            outcome = SnapshotOutcome.LOOKING_AWAY;
        } else if (similarity != null && similarity < policy.matchThreshold()) {
            outcome = SnapshotOutcome.MISMATCH;
        } else {
            outcome = SnapshotOutcome.OK;
        }
        if (baseline != null && faces.size() == 1 && (similarity == null || similarity >= policy.matchThreshold())) baseline.offer(pose);
        return new SnapshotVerdict(outcome, exposure, motion, scores, similarity, pose, main);
    }

    private boolean lookingAway(HeadPose pose, PoseBaseline baseline) {
        if (baseline == null) return Math.abs(pose.yaw()) > policy.maxAbsYaw() || Math.abs(pose.pitch()) > policy.maxAbsPitch();
        return baseline.get().map(b -> PoseBaseline.lookingAway(pose, b, policy)).orElse(false);
    }
}
