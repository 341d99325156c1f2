package kz.adal.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceModelsTest {

    @TempDir
    Path dir;

    @Test
    void bundledManifestListsEveryRequiredModelAndTheTarball() {
        Map<String, String> manifest = FaceModels.bundledManifest();
        for (String name : FaceModels.REQUIRED) {
            assertTrue(manifest.containsKey(name), name);
        }
        assertEquals("7ea06031d9a3f83753254fcff60506a07b81b46fc84d4ee024cd041f260ec1ba",
                manifest.get("faceplugin-face-recognition-js-0.0.1.tgz"));
    }

    @Test
    void reportsEveryMissingModel() {
        FaceModels models = new FaceModels(dir);
        assertFalse(models.complete());
        assertEquals(FaceModels.REQUIRED.size(), models.problems().size());
        assertTrue(models.problems().get(0).contains("missing"));
        assertTrue(models.verified(FaceModels.DETECT).isEmpty());
    }

    @Test
    void acceptsFilesMatchingTheManifestAndRefusesATamperedOne() throws IOException {
        Map<String, String> manifest = new java.util.HashMap<>();
        for (String name : FaceModels.REQUIRED) {
            Path file = Files.writeString(dir.resolve(name), "model " + name);
            manifest.put(name, FaceModels.sha256(file));
        }
        assertTrue(new FaceModels(dir, manifest).complete());

        Files.writeString(dir.resolve(FaceModels.FEATURE), "someone else's model");
        FaceModels tampered = new FaceModels(dir, manifest);
        assertFalse(tampered.complete());
        assertTrue(tampered.verified(FaceModels.FEATURE).isEmpty(), "mismatched file must be treated as absent");
        assertTrue(tampered.verified(FaceModels.DETECT).isPresent());
        assertTrue(tampered.problems().get(0).contains("checksum mismatch"));
    }

    @Test
    void refusesAModelTheManifestDoesNotList() throws IOException {
        for (String name : FaceModels.REQUIRED) {
            Files.writeString(dir.resolve(name), name);
        }
        FaceModels models = new FaceModels(dir, Map.of());
        assertFalse(models.complete());
        assertTrue(models.problems().get(0).contains("not listed"));
    }

    @Test
    void parsesSha256sumLinesAndRejectsGarbage() {
        String sum = "a".repeat(64);
        assertEquals(Map.of("x.onnx", sum), FaceModels.parseManifest(List.of("# comment", "", sum + "  x.onnx")));
        assertEquals(Map.of("y.onnx", sum), FaceModels.parseManifest(List.of(sum + " *y.onnx")));
        assertThrows(IllegalArgumentException.class, () -> FaceModels.parseManifest(List.of("not-a-sum  x.onnx")));
    }

    @Test
    void theFetchedModelsMatchTheManifest() {
        FaceModels models = new FaceModels(TestFaces.modelsDir());
        kz.adal.testing.Prerequisites.require(Files.isRegularFile(TestFaces.modelsDir().resolve(FaceModels.DETECT)),
                "face models not fetched by the build");
        assertTrue(models.complete(), () -> String.join("; ", models.problems()));
    }
}
