package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SnapshotStore} in memory: a small ring per attempt, forgotten after an hour without news. Beside it, the
 * latest screen thumbnail of each attempt (only the latest: the tile shows one). Screen thumbnails are not camera
 * snapshots: the face checks and flag evidence never see them, so they are not in {@link #latest}.
 */
@ApplicationScoped
class MemorySnapshotStore implements SnapshotStore {
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private final Map<UUID, Deque<Snapshot>> rings = new ConcurrentHashMap<>();
    private final Map<UUID, Snapshot> screens = new ConcurrentHashMap<>();
    private final int kept;

    MemorySnapshotStore(ProctoringConfig config) {
        this.kept = Math.max(1, config.snapshotsKept());
    }

    void put(Snapshot s) {
        Deque<Snapshot> ring = rings.computeIfAbsent(s.attemptId(), k -> new ArrayDeque<>());
        synchronized (ring) {
            ring.addFirst(s);
            while (ring.size() > kept) ring.removeLast();
        }
    }

    /** The attempt's screen thumbnail, replacing the one before. */
    void putScreen(Snapshot s) {
        screens.merge(s.attemptId(), s, (old, neu) -> neu.serverAt().isBefore(old.serverAt()) ? old : neu);
    }

    Optional<Snapshot> screen(UUID attemptId) {
        return Optional.ofNullable(screens.get(attemptId));
    }

    @Override
    public List<Snapshot> latest(UUID attemptId) {
        Deque<Snapshot> ring = rings.get(attemptId);
        if (ring == null) return List.of();
        synchronized (ring) {
            return List.copyOf(ring);
        }
    }

    /** Drops attempts with no snapshot for an hour (called by the hub's housekeeping). */
    void forgetOld(Instant now) {
        screens.values().removeIf(s -> s.serverAt().isBefore(now.minus(FORGET_AFTER)));
        rings.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Snapshot s = e.getValue().peekFirst();
                return s == null || s.serverAt().isBefore(now.minus(FORGET_AFTER));
            }
        });
    }

    int attempts() {
        return rings.size();
    }
}
