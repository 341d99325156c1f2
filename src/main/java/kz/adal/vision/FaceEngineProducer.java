package kz.adal.vision;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/** The one shared {@link FaceEngine} of the application, loaded once and closed at shutdown. */
@ApplicationScoped
public class FaceEngineProducer {
    private static final Logger LOG = Logger.getLogger(FaceEngineProducer.class);

    @Produces
    @ApplicationScoped
    FaceEngine engine(VisionConfig config) {
        return FaceEngines.load(Path.of(config.modelsDir()));
    }

    void close(@Disposes FaceEngine engine) {
        engine.close();
    }

    @Produces
    @ApplicationScoped
    SnapshotAnalysis analysis(FaceEngine engine, VisionConfig config) {
        return new SnapshotAnalysis(engine, new FrameChecks(config.frameThresholds()), config.policy());
    }

    /** Loads the models at start-up (not at the first exam) and says loudly when they are absent. */
    void onStart(@Observes StartupEvent ev, FaceEngine engine, VisionConfig config) {
        if (!config.loadAtStart()) return;   // the engine is a client proxy: untouched, nothing loads
        if (engine.available()) {
            LOG.infof("Face models loaded from %s; match threshold %.3f (liveness: not available)", config.modelsDir(), config.matchThreshold());
        } else {
            LOG.warnf("!!! FACE MODELS ABSENT (%s): %s. Identity falls back to a manual ID-document check by a proctor, "
                    + "000 §4.7 — every identity check goes to the proctor queue.", config.modelsDir(), engine.unavailableReason());
        }
    }
}
