package kz.adal.proctoring.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest camera snapshots of each attempt (JPEG, about 20 KB, every 5–10 s), kept in memory on
 * the node that received them and on nodes whose proctors watch the attempt. The face checks (issue 6)
 * read them here or observe {@link SnapshotReceived}; snapshots kept as evidence are in the database.
 * The screen thumbnails of the console's tiles are not camera snapshots and are not here.
 */
public interface SnapshotStore {

    /** One snapshot: the server's time of arrival and the browser's (server-clock estimate). */
    record Snapshot(UUID attemptId, Instant serverAt, Instant clientAt, byte[] jpeg) {
    }

    /** Newest first, at most {@code adal.proctoring.snapshots-kept}. */
    List<Snapshot> latest(UUID attemptId);

    /** The newest one, if any. */
    default Optional<Snapshot> newest(UUID attemptId) {
        List<Snapshot> l = latest(attemptId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /**
     * Fired (asynchronously, {@code @ObservesAsync}) once per snapshot in the cluster, on the node that
     * received it from the browser.
     */
    record SnapshotReceived(UUID attemptId, byte[] jpeg, Instant serverAt) {
    }
}
