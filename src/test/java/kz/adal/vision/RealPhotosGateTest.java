package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The configured threshold on real photos taken years apart ({@link RealPhotos}), which need nothing outside the
 * repository but a registry package. Strangers must stay below it; genuine pairs across decades, sunglasses and
 * tiny faces often fall below it too, so their refusal rate is reported, not bounded (docs/vision.md "Accuracy").
 */
class RealPhotosGateTest {

    @Test
    void noStrangerReachesTheThresholdOnRealPhotos() {
        FaceEngine engine = TestFaces.engineOrSkip();
        GateAccuracy.Scores s = GateAccuracy.allPairs(engine, RealPhotos.cropsOrSkip(), TestFaces.GROUP_PHOTOS);
        double policy = SnapshotPolicy.defaults().matchThreshold();
        for (double t : new double[] {0.30, 0.34, policy, 0.40, 0.45}) {
            System.out.print(s.line("real photos", t));
        }
        assertTrue(s.genuine().size() > 100 && s.impostor().size() > 200, "pairs " + s.genuine().size() + "/" + s.impostor().size());
        assertTrue(s.far(policy) <= 0.001, "FAR " + s.far(policy));
    }
}
