package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotAnalysisTest {

    private final FrameChecks frameChecks = new FrameChecks(FrameChecks.Thresholds.defaults());

    private SnapshotAnalysis analysis(SnapshotPolicy policy) {
        return new SnapshotAnalysis(TestFaces.engineOrSkip(), frameChecks, policy);
    }

    private static float[] reference(String crop) {
        FaceEngine engine = TestFaces.engineOrSkip();
        try (FaceImage image = TestFaces.padded(TestFaces.facesDirOrSkip().resolve(crop), 0.5)) {
            return engine.embed(image, engine.detect(image).get(0));
        }
    }

    private static FaceImage snapshot(String crop) {
        return TestFaces.padded(TestFaces.facesDirOrSkip().resolve(crop), 0.5);
    }

    @Test
    void sameStudentFacingTheCameraIsOk() {
        try (FaceImage now = snapshot("leonard/leonard2.png"); FaceImage before = snapshot("leonard/leonard3.png")) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(now, before, reference("leonard/leonard1.png"));
            assertEquals(SnapshotOutcome.OK, v.outcome(), v.toString());
            assertTrue(v.similarity() >= SnapshotPolicy.defaults().matchThreshold());
            assertEquals(1, v.faceCount());
            assertNotNull(v.pose());
            assertNotNull(v.motion());
        }
    }

    @Test
    void someoneElseIsAMismatchWithTheScoreAsEvidence() {
        try (FaceImage now = snapshot("howard/howard1.png")) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(now, null, reference("leonard/leonard1.png"));
            assertEquals(SnapshotOutcome.MISMATCH, v.outcome());
            assertTrue(v.similarity() < 0.34, "similarity " + v.similarity());
            assertNull(v.motion());
        }
    }

    @Test
    void aSecondPersonInTheFrameIsReported() {
        try (FaceImage group = TestFaces.read(TestFaces.facesDirOrSkip().resolve("bbt1.jpg"))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(group, null, reference("leonard/leonard1.png"));
            assertEquals(SnapshotOutcome.MULTIPLE_FACES, v.outcome());
            assertEquals(4, v.faceCount());
        }
    }

    @Test
    void anEmptyRoomHasNoFace() {
        try (FaceImage wall = TestFaces.read(TestFaces.facesDirOrSkip().resolve("bbt1.jpg"));
                FaceImage corner = FaceImage.of(new org.bytedeco.opencv.opencv_core.Mat(wall.mat(),
                        new org.bytedeco.opencv.opencv_core.Rect(0, 330, 300, 300)))) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(corner, null, null);
            assertEquals(SnapshotOutcome.NO_FACE, v.outcome(), v.toString());
            assertEquals(0, v.faceCount());
        }
    }

    @Test
    void aTurnedHeadIsLookingAwayEvenForTheRightPerson() {
        // policy limits tightened below this face's measured pose, to exercise the rule
        try (FaceImage now = snapshot("amy/amy1.png")) {
            SnapshotVerdict measured = analysis(SnapshotPolicy.defaults()).analyse(now, null, reference("amy/amy2.png"));
            double yaw = Math.abs(measured.pose().yaw());
            SnapshotVerdict v = analysis(new SnapshotPolicy(0.34, Math.max(1, yaw - 5), 80)).analyse(now, null, reference("amy/amy2.png"));
            assertEquals(SnapshotOutcome.LOOKING_AWAY, v.outcome(), v.toString());
            assertNotNull(v.similarity(), "similarity is still recorded as evidence");
        }
    }

    @Test
    void aCoveredCameraIsReportedBeforeLookingForFaces() {
        try (FaceImage dark = FrameChecksTest.flat(640, 480, 5)) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(dark, null, reference("amy/amy2.png"));
            assertEquals(SnapshotOutcome.COVERED, v.outcome());
            assertEquals(5, v.exposure().mean(), 0.01);
        }
    }

    @Test
    void theSamePictureTwiceIsFrozen() {
        try (FaceImage a = snapshot("penny/penny1.png"); FaceImage b = snapshot("penny/penny1.png")) {
            SnapshotVerdict v = analysis(SnapshotPolicy.defaults()).analyse(b, a, reference("penny/penny2.png"));
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
