package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faces from the kphotoalbum demo album ({@link RealPhotos}, a registry package): the same person is Jesper
 * on jesper_2.jpg against jesper.jpg, eight days apart (similarity ≈ 0.50, above the 0.37 threshold), someone
 * else is Jesper against Anne Helene.
 */
class SnapshotAnalysisTest {

    private final FrameChecks frameChecks = new FrameChecks(FrameChecks.Thresholds.defaults());

    private SnapshotAnalysis analysis(SnapshotPolicy policy) {
        return new SnapshotAnalysis(TestFaces.engineOrSkip(), frameChecks, policy);
    }

    private static float[] reference(Path crop) {
        FaceEngine engine = TestFaces.engineOrSkip();
        try (FaceImage image = TestFaces.padded(crop, 0.5)) {
            return engine.embed(image, engine.detect(image).get(0));
        }
    }

    private static FaceImage snapshot(Path crop) {
        return TestFaces.padded(crop, 0.5);
    }

    @Test
    void sameStudentFacingTheCameraIsOk() {
        try (FaceImage now = snapshot(RealPhotos.crop("jesper", 2)); FaceImage before = snapshot(RealPhotos.crop("jesper", 3))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(now, before, reference(RealPhotos.crop("jesper", 1)));
            assertEquals(SnapshotOutcome.OK, v.outcome(), v.toString());
            assertTrue(v.similarity() >= SnapshotPolicy.defaults().matchThreshold());
            assertEquals(1, v.faceCount());
            assertNotNull(v.pose());
            assertNotNull(v.motion());
        }
    }

    @Test
    void someoneElseIsAMismatchWithTheScoreAsEvidence() {
        try (FaceImage now = snapshot(RealPhotos.crop("jesper", 2))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(now, null, reference(RealPhotos.crop("annehelene", 2)));
            assertEquals(SnapshotOutcome.MISMATCH, v.outcome());
            assertTrue(v.similarity() < 0.34, "similarity " + v.similarity());
            assertNull(v.motion());
        }
    }

    @Test
    void aSecondPersonInTheFrameIsReported() {
        // Anne Helene and Jesper side by side at a bar, nobody else in sight
        try (FaceImage group = TestFaces.read(RealPhotos.photo("bar55_2.jpg"))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(group, null, reference(RealPhotos.crop("jesper", 1)));
            assertEquals(SnapshotOutcome.MULTIPLE_FACES, v.outcome());
            assertEquals(2, v.faceCount());
        }
    }

    @Test
    void anEmptyRoomHasNoFace() {
        // the canyon left of the man in the woollen hat: sky, rock and shadow, no one
        try (FaceImage wall = TestFaces.read(RealPhotos.photo("grand_canyon_2.jpg"));
                FaceImage corner = FaceImage.of(new org.bytedeco.opencv.opencv_core.Mat(wall.mat(),
                        new org.bytedeco.opencv.opencv_core.Rect(0, 120, 300, 240)))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(corner, null, null);
            assertEquals(SnapshotOutcome.NO_FACE, v.outcome(), v.toString());
            assertEquals(0, v.faceCount());
        }
    }

    @Test
    void aTurnedHeadIsLookingAwayEvenForTheRightPerson() {
        // policy limits tightened below this face's measured pose, to exercise the rule
        // Wayne on qt-logo.jpg (yaw ≈ −23°) against Wayne on wayne.jpg (similarity ≈ 0.76)
        try (FaceImage now = snapshot(RealPhotos.crop("wayne", 1))) {
            SnapshotVerdict measured = analysis(SnapshotPolicy.defaults()).analyse(now, null, reference(RealPhotos.crop("wayne", 2)));
            double yaw = Math.abs(measured.pose().yaw());
            SnapshotVerdict v = analysis(new SnapshotPolicy(0.34, Math.max(1, yaw - 5), 80)).analyse(now, null, reference(RealPhotos.crop("wayne", 2)));
            assertEquals(SnapshotOutcome.LOOKING_AWAY, v.outcome(), v.toString());
            assertNotNull(v.similarity(), "similarity is still recorded as evidence");
        }
    }

    @Test
    void aCoveredCameraIsReportedBeforeLookingForFaces() {
        try (FaceImage dark = FrameChecksTest.flat(640, 480, 5)) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(dark, null, reference(RealPhotos.crop("annehelene", 2)));
            assertEquals(SnapshotOutcome.COVERED, v.outcome());
            assertEquals(5, v.exposure().mean(), 0.01);
        }
    }

    @Test
    void theSamePictureTwiceIsFrozen() {
        try (FaceImage a = snapshot(RealPhotos.crop("annehelene", 3)); FaceImage b = snapshot(RealPhotos.crop("annehelene", 3))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(b, a, reference(RealPhotos.crop("annehelene", 2)));
            assertEquals(SnapshotOutcome.FROZEN, v.outcome());
            assertEquals(0, v.motion().meanAbsDiff(), 1e-9);
        }
    }

    @Test
    void withoutModelsAUsableFrameIsNotCheckedButACoveredOneStillIs(@TempDir Path empty) {
        // 000 §4.7: no models → manual ID check; the camera checks keep working
        try (FaceEngine absent = FaceEngines.load(empty)) {
            SnapshotAnalysis analysis = new SnapshotAnalysis(absent, frameChecks, SnapshotPolicy.defaults());
            try (FaceImage frame = FrameChecksTest.noisyFace(1, 3); FaceImage dark = FrameChecksTest.flat(64, 48, 0)) {
                SnapshotVerdict unchecked = analysis.analyse(frame, null, new float[512]);
                assertEquals(SnapshotOutcome.NOT_CHECKED, unchecked.outcome());
                assertTrue(unchecked.outcome().needsReview());
                assertEquals(SnapshotOutcome.COVERED, analysis.analyse(dark, null, null).outcome());
            }
        }
    }

    @Test
    void policyRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotPolicy(1.5, 35, 25));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotPolicy(0.34, 0, 25));
    }
}
