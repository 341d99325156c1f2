package kz.adal.proctoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An attempt some proctor on this node watches: its facts and events. Its latest snapshots are in the
 * {@link MemorySnapshotStore} (off the heap), not here.
 */
final class WatchedAttempt {
    final UUID attemptId;
    volatile AttemptFacts facts;
    final List<LiveEvent> events = new ArrayList<>();
    final Set<Long> seqs = new HashSet<>();
    final Set<UUID> ids = new HashSet<>();
    final Set<LiveHub.ProctorClient> watchers = ConcurrentHashMap.newKeySet();
    final Set<LiveHub.ProctorClient> focusedBy = ConcurrentHashMap.newKeySet();
    volatile boolean loaded;
    volatile Instant snapshotAt;
    volatile String signature = "";
    /** Bumped by every event added. */
    private long version;
    /**
     * The version whose tile cannot change with time alone (no open flag, connected, not setting up): the
     * every-second tick skips the attempt until an event arrives (issue 17: 10,000 tiles a second otherwise).
     */
    volatile long quietAt = -1;

    WatchedAttempt(UUID attemptId) {
        this.attemptId = attemptId;
    }

    /** Adds an event unless already there (the same id, or a client event with the same seq). */
    synchronized boolean add(LiveEvent e) {
        if (!ids.add(e.id())) return false;
        if (e.seq() != null && !seqs.add(e.seq())) return false;
        events.add(e);
        version++;
        return true;
    }

    synchronized List<LiveEvent> snapshotOfEvents() {
        return List.copyOf(events);
    }

    synchronized long version() {
        return version;
    }
}
