package kz.adal.proctoring.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * What the node's live side asks of the proctoring package that hosts it: the attempts' facts, the student sessions'
 * claims, the face checks and the snapshot rates. The {@code proctoring} package implements it
 * ({@code ProctoringLiveHost}); the live side never reaches back into that package (ArchitectureTest).
 */
public interface LiveHost {

    /** The attempt's facts as the console shows them, read again when its state or clock changed. */
    Optional<AttemptFacts> facts(UUID attemptId);

    /** This node's student connections are alive (the housekeeping, every 10 s). */
    void touchSessions(Collection<String> connectionIds, Instant now);

    /**
     * A camera snapshot ({@code jpeg[offset, offset + length)}) from a student on this node: the face checks, when
     * they are on and within their budget.
     */
    void cameraSnapshot(UUID attemptId, byte[] jpeg, int offset, int length, Instant now);

    /** How often a student sends a camera snapshot: faster while a proctor has the attempt open. */
    Duration snapshotEvery(boolean focused);

    /** Camera snapshots kept per attempt in {@link MemorySnapshotStore}. */
    int snapshotsKept();
}
