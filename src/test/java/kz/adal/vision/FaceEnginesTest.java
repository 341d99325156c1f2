package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceEnginesTest {

    @TempDir
    Path dir;

    private static final DetectedFace ANY_FACE = new DetectedFace(new FaceBox(0, 0, 10, 10), 0.9,
            List.of(new FacePoint(1, 1), new FacePoint(2, 1), new FacePoint(1.5, 2), new FacePoint(1, 3), new FacePoint(2, 3)));

    @Test
    void missingModelsGiveAnAbsentEngineThatRefusesFaceWork() {
        try (FaceEngine engine = FaceEngines.load(dir)) {
            assertFalse(engine.available());
            assertTrue(engine.unavailableReason().contains("missing"));
            VisionUnavailableException e = assertThrows(VisionUnavailableException.class, () -> engine.detect(null));
            assertEquals("vision.models-unavailable", e.code());
            assertThrows(VisionUnavailableException.class, () -> engine.embed(null, ANY_FACE));
            assertThrows(VisionUnavailableException.class, () -> engine.headPose(null, ANY_FACE));
            assertFalse(engine.liveness(null, ANY_FACE).available());
        }
    }

    @Test
    void aTamperedModelMakesTheEngineAbsent() throws IOException {
        Path models = TestFaces.modelsDir();
        kz.adal.testing.Prerequisites.require(Files.isRegularFile(models.resolve(FaceModels.DETECT)), "face models not fetched by the build");
        for (String name : FaceModels.REQUIRED) {
            Files.copy(models.resolve(name), dir.resolve(name));
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(FaceModels.LANDMARK));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve(FaceModels.LANDMARK), bytes);
        try (FaceEngine engine = FaceEngines.load(dir)) {
            assertFalse(engine.available());
            assertTrue(engine.unavailableReason().contains("fr_landmark.onnx: checksum mismatch"), engine.unavailableReason());
        }
    }

    @Test
    void cosineSimilarityIsScaleFreeAndRejectsBadInput() {
        assertEquals(1.0, FaceEngine.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-9);
        assertEquals(-1.0, FaceEngine.cosine(new float[] {1, 0}, new float[] {-3, 0}), 1e-9);
        assertEquals(0.0, FaceEngine.cosine(new float[] {1, 0}, new float[] {0, 5}), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> FaceEngine.cosine(new float[] {1}, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> FaceEngine.cosine(new float[] {0, 0}, new float[] {1, 2}));
    }
}
