package kz.adal.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The student's own head pose at the start of an attempt. A webcam rarely sits straight in front of the
 * face: on top of a laptop lid it looks down on the student, who then shows a pitch of −25° to −30° while
 * reading the screen. Looking away is therefore judged as a turn <em>from this pose</em>, not from the
 * camera's axis: the baseline is the median (per angle) of the first {@link #SAMPLES} good snapshots —
 * one face, the identity matching — so one odd frame does not set it. Until it is known, no snapshot
 * counts as looking away. Thread-safe.
 */
public final class PoseBaseline {
    /** Good snapshots that make the baseline (at the default 10 s, the first half minute). */
    public static final int SAMPLES = 3;
    /**
     * A pose further than this from the camera's axis is not taken into the baseline: no plausible webcam
     * placement explains it, the student is already looking elsewhere.
     */
    public static final double PLAUSIBLE_DEGREES = 45;

    private final List<HeadPose> first = new ArrayList<>();
    private HeadPose baseline;

    /** The baseline, once {@link #SAMPLES} good snapshots were seen. */
    public synchronized Optional<HeadPose> get() {
        return Optional.ofNullable(baseline);
    }

    /** A pose from a good snapshot; taken only until the baseline is known, and only if plausible. */
    public synchronized void offer(HeadPose pose) {
        if (baseline != null || pose == null) return;
        if (Math.abs(pose.yaw()) > PLAUSIBLE_DEGREES || Math.abs(pose.pitch()) > PLAUSIBLE_DEGREES) return;
        first.add(pose);
        if (first.size() == SAMPLES) {
            baseline = new HeadPose(median(first.stream().mapToDouble(HeadPose::yaw).toArray()),
                    median(first.stream().mapToDouble(HeadPose::pitch).toArray()),
                    median(first.stream().mapToDouble(HeadPose::roll).toArray()));
        }
    }

    /** Turned further from the student's own baseline than the policy allows (yaw or pitch). */
    public static boolean lookingAway(HeadPose pose, HeadPose baseline, SnapshotPolicy policy) {
        return Math.abs(pose.yaw() - baseline.yaw()) > policy.maxAbsYaw()
                || Math.abs(pose.pitch() - baseline.pitch()) > policy.maxAbsPitch();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
