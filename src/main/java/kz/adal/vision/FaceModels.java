package kz.adal.vision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * The face model files in a directory, each checked against the checked-in manifest
 * {@code vision/face-models.sha256}. A file that is missing, unlisted or whose SHA-256 differs is
 * treated as absent and logged; nothing unverified is ever loaded.
 */
public final class FaceModels {

    public static final String DETECT = "fr_detect.onnx";
    public static final String LANDMARK = "fr_landmark.onnx";
    public static final String FEATURE = "fr_feature.onnx";
    public static final String POSE = "fr_pose.onnx";

    /** Models the pipeline needs; without any of them the engine is absent. */
    public static final List<String> REQUIRED = List.of(DETECT, LANDMARK, FEATURE, POSE);

    /** Where the build step puts the models, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("target", "face-models");

    static final String MANIFEST_RESOURCE = "/vision/face-models.sha256";

    private static final Logger LOG = Logger.getLogger(FaceModels.class);

    private final Path dir;
    private final Map<String, Path> verified = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Checks the required models in {@code dir} against the bundled manifest. */
    public FaceModels(Path dir) {
        this(dir, bundledManifest());
    }

    FaceModels(Path dir, Map<String, String> manifest) {
        if (dir == null) {
            throw new IllegalArgumentException("Model directory must be given");
        }
        this.dir = dir;
        for (String name : REQUIRED) {
            verify(name, manifest.get(name));
        }
    }

    public Path dir() {
        return dir;
    }

    /** The path of a model that is present and matches its checksum. */
    public Optional<Path> verified(String name) {
        return Optional.ofNullable(verified.get(name));
    }

    /** True when every required model is present and verified. */
    public boolean complete() {
        return problems.isEmpty();
    }

    /** One line per refused or missing model; empty when complete. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void verify(String name, String expected) {
        Path file = dir.resolve(name);
        if (expected == null) {
            refuse(name + ": not listed in the checksum manifest");
        } else if (!Files.isRegularFile(file)) {
            refuse(name + ": missing in " + dir.toAbsolutePath());
        } else {
            String actual = sha256(file);
            if (actual.equalsIgnoreCase(expected)) {
                verified.put(name, file);
            } else {
                refuse(name + ": checksum mismatch, refusing it (expected " + expected + ", got " + actual + ")");
            }
        }
    }

    private void refuse(String problem) {
        problems.add(problem);
        LOG.warnf("Face model refused — %s", problem);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code sha256sum}-style lines: {@code <hex>  <file name>}; '#' starts a comment. */
    static Map<String, String> parseManifest(List<String> lines) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("Bad checksum manifest line: " + raw);
            }
            sums.put(parts[1].strip(), parts[0].toLowerCase());
        }
        return sums;
    }

    static Map<String, String> bundledManifest() {
        try (InputStream in = FaceModels.class.getResourceAsStream(MANIFEST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Checksum manifest " + MANIFEST_RESOURCE + " is not on the classpath");
            }
            return parseManifest(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
