package kz.adal.vision;

import java.nio.file.Path;

import org.jboss.logging.Logger;

/** Builds the face engine from a model directory, or its absent form. */
public final class FaceEngines {

    private static final Logger LOG = Logger.getLogger(FaceEngines.class);

    private FaceEngines() {
    }

    /** Loads with default settings (score 0.65, NMS 0.4, one set of networks per core). */
    public static FaceEngine load(Path modelsDir) {
        return load(modelsDir, OnnxFaceEngine.Settings.defaults());
    }

    /**
     * Never throws for missing or bad models: returns an engine with {@code available() == false}
     * and the reason, so the caller can fall back to the manual ID check (000 §4.7).
     */
    public static FaceEngine load(Path modelsDir, OnnxFaceEngine.Settings settings) {
        FaceModels models = new FaceModels(modelsDir);
        if (!models.complete()) {
            String reason = "face models not usable in " + modelsDir.toAbsolutePath() + ": " + String.join("; ", models.problems());
            LOG.warnf("Face verification is off, proctors check ID documents by hand — %s", reason);
            return new AbsentFaceEngine(reason);
        }
        try {
            return new OnnxFaceEngine(models, settings);
        } catch (RuntimeException e) {
            String reason = "face models failed to load from " + modelsDir.toAbsolutePath() + ": " + e.getMessage();
            LOG.error("Face verification is off, proctors check ID documents by hand — " + reason, e);
            return new AbsentFaceEngine(reason);
        }
    }
}
