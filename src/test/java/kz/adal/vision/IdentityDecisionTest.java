package kz.adal.vision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The automatic identity decision without models: always a manual check by a proctor (000 §4.7). */
class IdentityDecisionTest {

    @Test
    void absentModelsSendEveryFrameToAProctor(@TempDir Path empty) {
        try (FaceEngine engine = FaceEngines.load(empty)) {
            assertFalse(engine.available());
            byte[] frame = VisionFixtures.blankJpeg();
            IdentityDecision.Result r = IdentityDecision.judge(engine, 0.34, true, new float[512], frame);
            assertEquals(IdentityChecks.Status.PENDING, r.status());
            assertEquals(IdentityChecks.Reason.MODELS_ABSENT, r.reason());
            assertNull(r.similarity());
            // the frame checks still work without models; identity is NOT_CHECKED, not OK
            SnapshotAnalysis analysis = new SnapshotAnalysis(engine, new FrameChecks(FrameChecks.Thresholds.defaults()), SnapshotPolicy.defaults());
            try (FaceImage img = FaceImage.decode(VisionFixtures.paddedJpegOrNoise())) {
                assertEquals(SnapshotOutcome.NOT_CHECKED, analysis.analyse(img, null, null).outcome());
            }
        }
    }

    @Test
    void refusedBiometricsGoToAProctorEvenWithModels(@TempDir Path empty) {
        try (FaceEngine engine = FaceEngines.load(empty)) {
            IdentityDecision.Result r = IdentityDecision.judge(engine, 0.34, false, null, new byte[]{1});
            assertEquals(IdentityChecks.Reason.BIOMETRICS_REFUSED, r.reason());
            assertEquals(IdentityChecks.Status.PENDING, r.status());
        }
    }
}
