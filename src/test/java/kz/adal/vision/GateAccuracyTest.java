package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The identity gate's threshold, chosen on half the people through the gate's own code path and
 * checked on the other half plus faces of strangers (docs/vision.md "Accuracy").
 */
class GateAccuracyTest {

    @Test
    void theDefaultThresholdIsTheOneChosenOnTheCalibrationHalfAndHoldsOnTheOther() {
        FaceEngine engine = TestFaces.engineOrSkip();
        GateAccuracy.Result r = GateAccuracy.measure(engine, TestFaces.facesDirOrSkip(), TestFaces.GROUP_PHOTOS);
        System.out.print(r.report());
        double policy = SnapshotPolicy.defaults().matchThreshold();
        assertTrue(Math.abs(r.threshold() - policy) <= 0.02, "chosen " + r.threshold() + ", configured " + policy);
        assertTrue(r.heldOut().far(policy) <= 0.001, "held-out FAR " + r.heldOut().far(policy));
        assertTrue(r.heldOut().frr(policy) <= 0.02, "held-out FRR " + r.heldOut().frr(policy));
    }
}
