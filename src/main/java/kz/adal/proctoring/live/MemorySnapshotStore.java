package kz.adal.proctoring.live;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link SnapshotStore} off the heap: per attempt a ring of {@code snapshots-kept} camera snapshots (1 by default:
 * the tile and the flags' evidence need only the latest) and the latest screen thumbnail, each in a direct buffer
 * that is reused for the attempt's next snapshot. 10,000 students × 20 KB would otherwise be 200 MB of heap for the
 * garbage collector to copy and mark (issue 17).
 *
 * <p>An attempt is kept while its student is connected to this node or a proctor here watches it; the hub forgets
 * it when both end ({@link #forget}), so nothing outlives the socket. Readers get copies.
 */
@ApplicationScoped
public class MemorySnapshotStore implements SnapshotStore {
    /** A snapshot's bytes live in a reused direct buffer of at least this many bytes (a typical snapshot fits). */
    private static final int MIN_SLOT = 24 * 1024;
    private final Map<UUID, Slots> attempts = new ConcurrentHashMap<>();
    private final int kept;

    MemorySnapshotStore(LiveHost host) {
        this.kept = Math.max(1, host.snapshotsKept());
    }

    /** One stored snapshot: times on the heap, the JPEG off it. */
    private static final class Slot {
        Instant serverAt;
        Instant clientAt;
        ByteBuffer bytes;   // direct; position 0, limit = the JPEG's length
        int length;

        void fill(Instant serverAt, Instant clientAt, byte[] jpeg, int offset, int length) {
            if (bytes == null || bytes.capacity() < length) {
                bytes = ByteBuffer.allocateDirect(Math.max(MIN_SLOT, (length + 4095) & ~4095));
            }
            bytes.clear();
            bytes.put(jpeg, offset, length);
            this.length = length;
            this.serverAt = serverAt;
            this.clientAt = clientAt;
        }

        byte[] copy() {
            byte[] out = new byte[length];
            bytes.get(0, out, 0, length);
            return out;
        }
    }

    /** An attempt's snapshots; every access holds its monitor. */
    private static final class Slots {
        final Slot[] camera;
        int newest = -1;
        int count;
        Slot screen;

        Slots(int kept) {
            camera = new Slot[kept];
        }
    }

    void put(Snapshot s) {
        put(s.attemptId(), s.serverAt(), s.clientAt(), s.jpeg(), 0, s.jpeg().length);
    }

    /** Keeps a camera snapshot (the JPEG is {@code jpeg[offset, offset + length)}), dropping the oldest beyond the ring. */
    void put(UUID attemptId, Instant serverAt, Instant clientAt, byte[] jpeg, int offset, int length) {
        Slots s = attempts.computeIfAbsent(attemptId, k -> new Slots(kept));
        synchronized (s) {
            int next = (s.newest + 1) % s.camera.length;
            if (s.camera[next] == null) s.camera[next] = new Slot();
            s.camera[next].fill(serverAt, clientAt, jpeg, offset, length);
            s.newest = next;
            s.count = Math.min(s.camera.length, s.count + 1);
        }
    }

    void putScreen(Snapshot s) {
        putScreen(s.attemptId(), s.serverAt(), s.clientAt(), s.jpeg(), 0, s.jpeg().length);
    }

    /** The attempt's screen thumbnail, replacing the one before (an older one arriving late is ignored). */
    void putScreen(UUID attemptId, Instant serverAt, Instant clientAt, byte[] jpeg, int offset, int length) {
        Slots s = attempts.computeIfAbsent(attemptId, k -> new Slots(kept));
        synchronized (s) {
            if (s.screen == null) s.screen = new Slot();
            else if (serverAt.isBefore(s.screen.serverAt)) return;
            s.screen.fill(serverAt, clientAt, jpeg, offset, length);
        }
    }

    public Optional<Snapshot> screen(UUID attemptId) {
        Slots s = attempts.get(attemptId);
        if (s == null) return Optional.empty();
        synchronized (s) {
            Slot x = s.screen;
            return x == null ? Optional.empty() : Optional.of(new Snapshot(attemptId, x.serverAt, x.clientAt, x.copy()));
        }
    }

    @Override
    public List<Snapshot> latest(UUID attemptId) {
        Slots s = attempts.get(attemptId);
        if (s == null) return List.of();
        synchronized (s) {
            List<Snapshot> out = new ArrayList<>(s.count);
            for (int i = 0; i < s.count; i++) {
                Slot x = s.camera[Math.floorMod(s.newest - i, s.camera.length)];
                out.add(new Snapshot(attemptId, x.serverAt, x.clientAt, x.copy()));
            }
            return out;
        }
    }

    /** The attempt's student left this node and no proctor here watches it: its snapshots go with it. */
    void forget(UUID attemptId) {
        attempts.remove(attemptId);
    }

    /** Forgets every attempt that is not {@code kept} (the hub's housekeeping, for what a race let through). */
    void retainOnly(Predicate<UUID> keep) {
        attempts.keySet().removeIf(keep.negate());
    }

    int attempts() {
        return attempts.size();
    }
}
