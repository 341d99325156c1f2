package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import kz.adal.proctoring.live.AttemptFacts;
import kz.adal.proctoring.live.LiveHost;
import kz.adal.proctoring.live.SnapshotStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** What the node's live side ({@code proctoring.live}) asks of this package: facts, sessions, face checks, rates. */
@ApplicationScoped
class ProctoringLiveHost implements LiveHost {
    private final AttemptDirectory directory;
    private final SessionClaims claims;
    private final ProctoringConfig config;
    private final Event<SnapshotStore.SnapshotReceived> snapshotReceived;
    private final FaceCheckBudget faceBudget;

    ProctoringLiveHost(AttemptDirectory directory, SessionClaims claims, ProctoringConfig config,
                       Event<SnapshotStore.SnapshotReceived> snapshotReceived, FaceCheckBudget faceBudget) {
        this.directory = directory;
        this.claims = claims;
        this.config = config;
        this.snapshotReceived = snapshotReceived;
        this.faceBudget = faceBudget;
    }

    @Override
    public Optional<AttemptFacts> facts(UUID attemptId) {
        return directory.facts(attemptId);
    }

    @Override
    public void touchSessions(Collection<String> connectionIds, Instant now) {
        claims.touch(connectionIds, now);
    }

    @Override
    public void cameraSnapshot(UUID attemptId, byte[] jpeg, int offset, int length, Instant now) {
        if (config.faceChecks() && faceBudget.take()) {
            snapshotReceived.fireAsync(new SnapshotStore.SnapshotReceived(attemptId,
                    Arrays.copyOfRange(jpeg, offset, offset + length), now)).whenComplete((r, e) -> faceBudget.done());
        }
    }

    @Override
    public Duration snapshotEvery(boolean focused) {
        return focused ? config.focusedSnapshotEvery() : config.snapshotEvery();
    }

    @Override
    public int snapshotsKept() {
        return config.snapshotsKept();
    }
}
