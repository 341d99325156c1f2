package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FrameChecksTest {

    private final FrameChecks checks = new FrameChecks(FrameChecks.Thresholds.defaults());

    static FaceImage flat(int width, int height, int value) {
        try (Mat m = new Mat(height, width, CV_8UC3, new Scalar(value, value, value, 0))) {
            return FaceImage.of(m);
        }
    }

    /** A 640×480 frame with a face (Anne Helene, kphotoalbum) and simulated sensor noise (Gaussian, sigma in grey levels). */
    static FaceImage noisyFace(long seed, double sigma) {
        try (FaceImage face = TestFaces.padded(RealPhotos.crop("annehelene", 1), 0.5); Mat m = new Mat()) {
            org.bytedeco.opencv.global.opencv_imgproc.resize(face.mat(), m, new org.bytedeco.opencv.opencv_core.Size(640, 480));
            Random random = new Random(seed);
            try (UByteIndexer ix = m.createIndexer()) {
                for (long y = 0; y < m.rows(); y++) {
                    for (long x = 0; x < m.cols(); x++) {
                        for (long c = 0; c < 3; c++) {
                            int v = ix.get(y, x, c) + (int) Math.round(random.nextGaussian() * sigma);
                            ix.put(y, x, c, Math.max(0, Math.min(255, v)));
                        }
                    }
                }
            }
            return FaceImage.of(m);
        }
    }

    @Test
    void blackFrameIsCovered() {
        try (FaceImage black = flat(640, 480, 3)) {
            FrameChecks.Exposure e = checks.exposure(black);
            assertTrue(e.covered());
            assertEquals(3, e.mean(), 0.01);
        }
    }

    @Test
    void brightButFlatFrameIsCovered() {
        try (FaceImage paper = flat(640, 480, 200)) {
            FrameChecks.Exposure e = checks.exposure(paper);
            assertTrue(e.covered(), "a sheet of paper over the lens is flat, not dark");
            assertEquals(0, e.stdDev(), 0.01);
        }
    }

    @Test
    void faceFrameIsNotCovered() {
        try (FaceImage frame = noisyFace(1, 3)) {
            FrameChecks.Exposure e = checks.exposure(frame);
            assertFalse(e.covered(), () -> "mean " + e.mean() + " std " + e.stdDev());
        }
    }

    @Test
    void identicalFramesAreFrozen() {
        try (FaceImage a = noisyFace(1, 3); FaceImage b = noisyFace(1, 3)) {
            FrameChecks.Motion m = checks.motion(a, b);
            assertTrue(m.frozen());
            assertEquals(0, m.meanAbsDiff(), 1e-9);
        }
    }

    @Test
    void sensorNoiseAloneIsNotFrozen() {
        // a live camera never repeats a frame exactly: two noise draws on the same scene
        try (FaceImage a = noisyFace(1, 3); FaceImage b = noisyFace(2, 3)) {
            FrameChecks.Motion m = checks.motion(a, b);
            assertFalse(m.frozen(), () -> "diff " + m.meanAbsDiff());
        }
    }

    @Test
    void comparesFramesOfDifferentSizes() {
        try (FaceImage a = flat(320, 240, 100); FaceImage b = flat(640, 480, 100); FaceImage c = flat(640, 480, 160)) {
            assertTrue(checks.motion(a, b).frozen());
            assertFalse(checks.motion(a, c).frozen());
            assertEquals(60, checks.motion(a, c).meanAbsDiff(), 0.01);
        }
    }

    @Test
    void rejectsNegativeThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new FrameChecks.Thresholds(-1, 6, 0.5));
    }

    @Test
    void rejectsBytesThatAreNotAnImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceImage.decode(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith(FaceImage.UNDECODABLE));
        assertThrows(IllegalArgumentException.class, () -> FaceImage.decode(new byte[0]));
    }
}
