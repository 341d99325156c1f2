package kz.adal.vision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-institution settings of the face pipeline ({@code adal.vision.*}). The thresholds are advisory
 * defaults measured on a small set (docs/vision.md): an institution tunes them on its own students.
 */
@ConfigMapping(prefix = "adal.vision")
public interface VisionConfig {

    /** Where the ONNX models are; absent models → manual ID check by a proctor (000 §4.7). */
    @WithDefault("target/face-models")
    String modelsDir();

    /**
     * Load the models when the server starts (the first exam doesn't wait for them, and absent models are said
     * loudly at once); false loads them at their first use, as the tests do to start faster.
     */
    @WithDefault("true")
    boolean loadAtStart();

    /** Cosine similarity below which a face does not match the reference. */
    @WithDefault("0.37")
    double matchThreshold();

    @WithDefault("35")
    double maxAbsYaw();

    @WithDefault("25")
    double maxAbsPitch();

    @WithDefault("20")
    double darkMaxMean();

    @WithDefault("6")
    double flatMaxStdDev();

    @WithDefault("0.5")
    double frozenMaxMeanDiff();

    /** Whether proctored exams require the identity gate before the start (000 §4.5). */
    @WithDefault("true")
    boolean identityGate();

    /**
     * Keys of the build and the tests under the same prefix ({@code -Dadal.vision.fetch.skip},
     * {@code -Dadal.vision.faces-dir}): listed so that a system property does not fail start-up; unused here.
     */
    Fetch fetch();

    java.util.Optional<String> facesDir();

    interface Fetch {
        java.util.Optional<Boolean> skip();
    }

    default SnapshotPolicy policy() {
        return new SnapshotPolicy(matchThreshold(), maxAbsYaw(), maxAbsPitch());
    }

    default FrameChecks.Thresholds frameThresholds() {
        return new FrameChecks.Thresholds(darkMaxMean(), flatMaxStdDev(), frozenMaxMeanDiff());
    }
}
