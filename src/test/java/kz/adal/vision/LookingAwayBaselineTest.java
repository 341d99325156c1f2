package kz.adal.vision;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LOOKING_AWAY is a turn from the student's own pose at the start, not from the camera's axis: the honest
 * student whose laptop camera looks down on them (pitch −26° to −29°, limit 25°) is not flagged; a turn of
 * 40° from there is.
 */
class LookingAwayBaselineTest {

    @Test
    void theBaselineIsTheMedianOfTheFirstGoodPoses() {
        PoseBaseline b = new PoseBaseline();
        b.offer(new HeadPose(2, -26, 0));
        b.offer(new HeadPose(80, -10, 0));          // not plausible for a webcam: not taken
        b.offer(new HeadPose(-1, -29, 1));
        assertTrue(b.get().isEmpty());
        b.offer(new HeadPose(0, -27, 0));
        assertEquals(new HeadPose(0, -27, 0), b.get().orElseThrow());
        b.offer(new HeadPose(30, 30, 30));          // later poses do not move it
        assertEquals(new HeadPose(0, -27, 0), b.get().orElseThrow());
    }

    @Test
    void aCameraAboveTheFaceIsNotLookingAwayButATurnFromThereIs() {
        SnapshotPolicy policy = SnapshotPolicy.defaults();
        HeadPose baseline = new HeadPose(0, -27, 0);
        assertFalse(PoseBaseline.lookingAway(new HeadPose(3, -29, 0), baseline, policy));
        assertTrue(PoseBaseline.lookingAway(new HeadPose(40, -27, 0), baseline, policy), "a 40° turn to the side");
        assertTrue(PoseBaseline.lookingAway(new HeadPose(0, -27 - 40, 0), baseline, policy), "a 40° look down at the desk");
    }

    @Test
    void snapshotsOfAnAttemptAreJudgedAgainstItsStart() {
        Deque<HeadPose> poses = new ArrayDeque<>(List.of(new HeadPose(1, -26, 0), new HeadPose(-2, -29, 0), new HeadPose(0, -27, 0),
                new HeadPose(2, -28, 0), new HeadPose(40, -27, 0)));
        SnapshotAnalysis analysis = new SnapshotAnalysis(new OneFace(poses), new FrameChecks(FrameChecks.Thresholds.defaults()), SnapshotPolicy.defaults());
        PoseBaseline baseline = new PoseBaseline();
        float[] reference = {1, 0, 0};
        for (int i = 0; i < 4; i++) {
            try (FaceImage frame = frame(i)) {
                assertEquals(SnapshotOutcome.OK, analysis.analyse(frame, null, reference, baseline).outcome(), "snapshot " + i);
            }
        }
        try (FaceImage frame = frame(4)) {
            assertEquals(SnapshotOutcome.LOOKING_AWAY, analysis.analyse(frame, null, reference, baseline).outcome());
        }
        // without a baseline (the camera's axis) the same honest first snapshot was LOOKING_AWAY: what this fixes
        poses.push(new HeadPose(0, -27, 0));
        try (FaceImage frame = frame(5)) {
            assertEquals(SnapshotOutcome.LOOKING_AWAY, analysis.analyse(frame, null, reference).outcome());
        }
    }

    /** A noisy frame: neither dark nor flat, so the frame checks pass and the face rules decide. */
    private static FaceImage frame(int seed) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        for (int y = 0; y < 240; y += 4) {
            for (int x = 0; x < 320; x += 4) {
                int v = 60 + r.nextInt(140);
                g.setColor(new Color(v, v, v));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return FaceImage.decode(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An engine that sees one face of the right person, with the next pose of a script. */
    private record OneFace(Deque<HeadPose> poses) implements FaceEngine {
        public boolean available() {
            return true;
        }

        public String unavailableReason() {
            return null;
        }

        public List<DetectedFace> detect(FaceImage image) {
            return List.of(new DetectedFace(new FaceBox(100, 60, 120, 140), 0.99,
                    List.of(new FacePoint(130, 100), new FacePoint(190, 100), new FacePoint(160, 130), new FacePoint(135, 165), new FacePoint(185, 165))));
        }

        public float[] embed(FaceImage image, DetectedFace face) {
            return new float[] {1, 0, 0};
        }

        public HeadPose headPose(FaceImage image, DetectedFace face) {
            return poses.pop();
        }

        public Liveness liveness(FaceImage image, DetectedFace face) {
            return Liveness.notAvailable("test");
        }

        public void close() {
        }
    }
}
