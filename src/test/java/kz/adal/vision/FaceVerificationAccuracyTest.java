package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Measures, on the 40 shared face crops (8 people × 5): 80 genuine and 700 impostor pairs. The
 * report is printed so the numbers in docs/vision.md can be checked against a run.
 */
class FaceVerificationAccuracyTest {

    @Test
    void separatesGenuineFromImpostorPairsAtThePolicyThreshold() {
        FaceEngine engine = TestFaces.engineOrSkip();
        FaceVerificationAccuracy.Result result = FaceVerificationAccuracy.measure(engine, TestFaces.facesDirOrSkip());
        System.out.print(result.report());

        assertTrue(result.undetected().isEmpty(), "every crop has a face: " + result.undetected());
        assertEquals(80, result.genuine().size());
        assertEquals(700, result.impostor().size());
        double threshold = SnapshotPolicy.defaults().matchThreshold();
        // bounds with room for a platform's float differences; measured: FAR 0, FRR 0
        assertTrue(result.far(threshold) <= 0.01, "FAR " + result.far(threshold));
        assertTrue(result.frr(threshold) <= 0.05, "FRR " + result.frr(threshold));
        // the policy threshold must sit between the two distributions, not at an edge
        assertTrue(Math.abs(result.chosenThreshold() - threshold) < 0.05, "measured midpoint " + result.chosenThreshold());
    }
}
