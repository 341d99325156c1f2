package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveHub;
import kz.adal.proctoring.live.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.attempt.AttemptEvents;
import jakarta.enterprise.event.ObservesAsync;
import kz.adal.vision.FaceCheckService;
import kz.adal.vision.SnapshotVerdict;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the vision feature's face checks on each live snapshot and writes a {@code face.check}
 * event into the timeline whenever the outcome changes, so {@link FlagRules#face} turns it into
 * flags with the snapshot as evidence. Advisory like every flag (a human decides).
 */
@ApplicationScoped
class FaceCheckBridge {
    private static final Logger LOG = Logger.getLogger(FaceCheckBridge.class);
    private final FaceCheckService faces;
    private final LiveHub hub;
    private final ProctoringConfig config;
    private final Map<UUID, String> lastOutcome = new ConcurrentHashMap<>();

    FaceCheckBridge(FaceCheckService faces, LiveHub hub, ProctoringConfig config) {
        this.faces = faces;
        this.hub = hub;
        this.config = config;
    }

    void onSnapshot(@ObservesAsync SnapshotStore.SnapshotReceived s) {
        if (config.faceChecks()) check(s);
    }

    void check(SnapshotStore.SnapshotReceived s) {
        SnapshotVerdict verdict;
        try {
            verdict = faces.analyseSnapshot(s.attemptId(), s.jpeg(), s.serverAt());
        } catch (RuntimeException e) {
            LOG.debugf("face check skipped for %s: %s", s.attemptId(), e.getMessage());
            return;
        }
        String outcome = verdict.outcome().name();
        if (!outcome.equals(lastOutcome.put(s.attemptId(), outcome))) {
            hub.recordServerEvent(s.attemptId(), "face.check", Map.of("outcome", outcome));
            hub.attemptChanged(s.attemptId());
        }
    }

    /** A finished attempt sends no more snapshots: forget its last outcome (one entry per attempt ever, otherwise). */
    void onFinished(@Observes AttemptEvents.AttemptFinished e) {
        lastOutcome.remove(e.attemptId());
    }
}
