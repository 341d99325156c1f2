package kz.adal.proctoring.live;

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
public final class WatchedAttempt {
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

    /** An attempt read once with its stored events, outside the hub (the grid for REST clients). */
    public static WatchedAttempt loaded(AttemptFacts facts, List<LiveEvent> events) {
        WatchedAttempt w = new WatchedAttempt(facts.attemptId());
        w.facts = facts;
        events.forEach(w::add);
        w.loaded = true;
        return w;
    }

    public UUID attemptId() {
        return attemptId;
    }

    public AttemptFacts facts() {
        return facts;
    }

    /** When the latest camera snapshot arrived, if one did since the attempt was watched here. */
    public Instant snapshotAt() {
        return snapshotAt;
    }

    /** The tile last sent ({@link Tiles#signature}). */
    public void signature(String signature) {
        this.signature = signature;
    }

    /** The version from which time alone cannot change the tile, or -1. */
    public void quietAt(long version) {
        this.quietAt = version;
    }

    /** Adds an event unless already there (the same id, or a client event with the same seq). */
    synchronized boolean add(LiveEvent e) {
        if (!ids.add(e.id())) return false;
        if (e.seq() != null && !seqs.add(e.seq())) return false;
        events.add(e);
        version++;
        return true;
    }

    public synchronized List<LiveEvent> snapshotOfEvents() {
        return List.copyOf(events);
    }

    public synchronized long version() {
        return version;
    }
}
