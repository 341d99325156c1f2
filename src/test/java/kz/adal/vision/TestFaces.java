package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static kz.adal.testing.Prerequisites.require;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Test data and the shared engine. The face crops are stills of TV actors: they stay in
 * {@code ../shared/data/faces} (outside the repository) and are read by path, never copied; only the threshold's
 * calibration ({@link GateAccuracyTest}) and the counts on their group photos need them, the other tests take
 * their faces from {@link RealPhotos} (a registry package).
 */
final class TestFaces {

    /** Test-only group photos unpacked by the build step (npm @vladmandic/face-api@1.7.15). */
    static final Path GROUP_PHOTOS = Path.of("target", "face-test-images");

    private static FaceEngine engine;

    private TestFaces() {
    }

    static Path modelsDir() {
        return Path.of(System.getProperty("adal.vision.models-dir", FaceModels.DEFAULT_DIR.toString()));
    }

    /** The shared engine; when models are absent the test is skipped, or fails under CI. */
    static synchronized FaceEngine engineOrSkip() {
        if (engine == null) {
            engine = FaceEngines.load(modelsDir(), OnnxFaceEngine.Settings.defaults().withPoolSize(1));
        }
        require(engine.available(), () -> "Face models absent, skipping: " + engine.unavailableReason());
        return engine;
    }

    /**
     * {@code ../shared/data/faces} from the repository root; {@code ../../shared/...} covers a git
     * worktree one level deeper; {@code -Dadal.vision.faces-dir} overrides.
     */
    static Optional<Path> facesDir() {
        String override = System.getProperty("adal.vision.faces-dir");
        Stream<Path> candidates = override != null
                ? Stream.of(Path.of(override))
                : Stream.of(Path.of("..", "shared", "data", "faces"), Path.of("..", "..", "shared", "data", "faces"));
        return candidates.filter(p -> Files.isDirectory(p.resolve("amy"))).findFirst();
    }

    /** The crops' folder; when absent the test is skipped, or fails under CI (as for the models). */
    static Path facesDirOrSkip() {
        Optional<Path> dir = facesDir();
        require(dir.isPresent(), "Face crops not found at ../shared/data/faces (set -Dadal.vision.faces-dir)");
        return dir.get();
    }

    /** The crop files {@code <person>/<person>1.png, 2, …} (as many as there are), people sorted by name. */
    static List<Path> crops(Path facesDir) {
        try (Stream<Path> people = Files.list(facesDir)) {
            List<Path> files = new ArrayList<>();
            for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
                for (int i = 1; Files.isRegularFile(person.resolve(person.getFileName() + "" + i + ".png")); i++) {
                    files.add(person.resolve(person.getFileName() + "" + i + ".png"));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String person(Path crop) {
        return crop.getParent().getFileName().toString();
    }

    static FaceImage read(Path file) {
        try {
            return FaceImage.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 150×150 crop is almost all face, larger than the detector's biggest anchors once scaled to
     * 320×240; it is centred on a mid-gray canvas with {@code margin} × its size on every side.
     */
    static FaceImage padded(Path crop, double margin) {
        try (FaceImage image = read(crop); Mat canvas = new Mat()) {
            int px = (int) Math.round(image.width() * margin);
            int py = (int) Math.round(image.height() * margin);
            copyMakeBorder(image.mat(), canvas, py, py, px, px, BORDER_CONSTANT, new Scalar(127, 127, 127, 0));
            return FaceImage.of(canvas);
        }
    }
}
