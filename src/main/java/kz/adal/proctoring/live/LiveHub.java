package kz.adal.proctoring.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.attempt.AttemptState;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The live traffic of one node: the sockets on it ({@link LocalSockets}), the attempts its proctors watch (the watch
 * map, here), and the bus between nodes ({@link LiveRelay}).
 * Students' sockets on this node hand their events here; the hub stores them ({@link EventLog}) and publishes what
 * is new on the {@link LiveBus}. Every node hears every message; a node with proctors watching the attempt adds the
 * event to the attempt's timeline and pushes its tile ({@link Tiles}: flags, score) to those proctors. Messages
 * for a student (a warning, a suspension, a faster snapshot rate) travel the same way to the node holding the socket.
 */
@ApplicationScoped
public class LiveHub {
    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /** A student's socket as the hub sees it. */
    public interface StudentClient {
        String connectionId();

        void send(String json);

        /** Another tab took over: tell the browser and close. */
        void replaced();
    }

    /** A proctor's socket as the hub sees it. */
    public interface ProctorClient {
        UUID proctorId();

        /** Tells this proctor's sockets apart (a live view's signals go back to the one that asked). */
        String connectionId();

        void send(String json);

        /** A snapshot as a binary frame ({@link SnapshotFrame}); the buffer is shared by every watcher: read only. */
        void sendBinary(Buffer frame);
    }


    private final LiveRelay relay;
    private final EventLog store;
    private final MemorySnapshotStore snapshots;
    private final LiveHost host;
    private final TimeSource time;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Tiles tiles;
    private final LiveEventJson events;
    private final String node;

    private final LocalSockets sockets = new LocalSockets();
    private final Map<UUID, WatchedAttempt> watched = new ConcurrentHashMap<>();
    /** What each proctor's socket watched at its last refresh: what left is found in these, not in all of watched. */
    private final Map<ProctorClient, Set<UUID>> watchedBy = new ConcurrentHashMap<>();

    LiveHub(LiveBus bus, EventLog store, MemorySnapshotStore snapshots, LiveHost host, TimeSource time, ObjectMapper json,
            Vertx vertx, Tiles tiles, LiveEventJson events, @ConfigProperty(name = "adal.live.node") Optional<String> node) {
        this.store = store;
        this.snapshots = snapshots;
        this.host = host;
        this.time = time;
        this.json = json;
        this.vertx = vertx;
        this.tiles = tiles;
        this.events = events;
        this.node = node.filter(n -> !n.isBlank()).orElse("node-" + UUID.randomUUID().toString().substring(0, 8));
        this.relay = new LiveRelay(bus, json, this.node);
    }

    void start(@Observes StartupEvent ev) {
        relay.subscribe(new FromBus());
        vertx.setPeriodic(1000, id -> tick());
        vertx.setPeriodic(10_000, id -> vertx.executeBlocking(() -> {
            housekeeping();
            return null;
        }, false));
        LOG.infof("live proctoring on %s, bus: %s", node, relay.kind());
    }

    public String node() {
        return node;
    }

    public Instant now() {
        return time.now();
    }

    // ------------------------------------------------------------------ from students on this node

    public void studentConnected(UUID attemptId, StudentClient c) {
        sockets.studentConnected(attemptId, c);
    }

    public void studentGone(UUID attemptId, StudentClient c) {
        sockets.studentGone(attemptId, c);
        // nothing of the attempt outlives its socket unless a proctor here still watches it (issue 17)
        if (!watchedHere(attemptId) && !sockets.hasStudent(attemptId)) snapshots.forget(attemptId);
    }

    private boolean watchedHere(UUID attemptId) {
        WatchedAttempt w = watched.get(attemptId);
        return w != null && !w.watchers.isEmpty();
    }

    boolean isLocal(UUID attemptId, StudentClient c) {
        return sockets.student(attemptId) == c;
    }

    /** Stores an event; publishes it once stored; tells {@code done} the outcome (after commit). */
    public void record(LiveEvent e, Consumer<EventLog.Outcome> done) {
        store.append(e, node, outcome -> {
            if (outcome == EventLog.Outcome.STORED) publishEvent(e);
            done.accept(outcome);
        });
    }

    /** A server event (connection, proctor action): stored and published, nobody waits. */
    public void recordServerEvent(UUID attemptId, String kind, Map<String, Object> data) {
        Instant now = now();
        record(new LiveEvent(UUID.randomUUID(), attemptId, null, kind, null, now, data), o -> { });
    }

    /**
     * A camera snapshot or (screen) the tile's screen thumbnail from a student on this node: the JPEG is
     * {@code jpeg[offset, offset + length)}. Kept as the attempt's latest, sent to the proctors here as one binary
     * frame, and published for the other nodes' proctors. A screen thumbnail is never a camera snapshot: no face
     * checks, no flag evidence (issue 14).
     */
    public void snapshot(UUID attemptId, boolean screen, Instant clientAt, byte[] jpeg, int offset, int length) {
        Instant now = now();
        if (screen) {
            snapshots.putScreen(attemptId, now, clientAt, jpeg, offset, length);
        } else {
            snapshots.put(attemptId, now, clientAt, jpeg, offset, length);
            host.cameraSnapshot(attemptId, jpeg, offset, length, now);
        }
        WatchedAttempt w = watched.get(attemptId);
        if (w != null && !w.watchers.isEmpty()) {
            if (!screen) w.snapshotAt = now;
            Buffer frame = SnapshotFrame.toProctor(screen, attemptId, now, jpeg, offset, length);
            w.watchers.forEach(p -> p.sendBinary(frame));
        }
        relay.snapshot(attemptId, screen, now, clientAt, jpeg, offset, length);
    }

    /** Keeps the latest snapshot as evidence for a flag this event may open. */
    public UUID keepEvidence(UUID attemptId, String reason) {
        return snapshots.newest(attemptId)
                .map(s -> store.keepSnapshot(attemptId, s.serverAt(), s.clientAt(), reason, s.jpeg()))
                .orElse(null);
    }

    // ------------------------------------------------------------------ publishing

    /**
     * A stored event: to this node's proctors at once, as it is (issue 17: no JSON round trip through the bus on
     * the node that has it), and to the other nodes over the bus.
     */
    private void publishEvent(LiveEvent e) {
        ObjectNode ej = events.toJson(e);
        onEvent(e.attemptId(), e, ej);
        relay.event(e.attemptId(), ej);
    }

    private void onEvent(UUID a, LiveEvent e, ObjectNode ej) {
        WatchedAttempt w = watched.get(a);
        if (w == null) return;
        if (w.add(e)) pushTile(w, true);
        if (!w.focusedBy.isEmpty()) {
            ObjectNode m = json.createObjectNode().put("type", "event").put("attemptId", a.toString());
            m.set("event", ej);
            String msg = m.toString();
            w.focusedBy.forEach(p -> p.send(msg));
        }
    }

    /** Sends a message to the attempt's student socket, wherever it is. */
    public void toStudent(UUID attemptId, ObjectNode message) {
        relay.toStudent(attemptId, message);
    }

    /**
     * A proctor's live view (003 §16, issue 14): a WebRTC offer/candidate/bye for the attempt's student page, only
     * for an attempt on this proctor's grid. The student page answers with its camera and screen.
     */
    public boolean liveToStudent(ProctorClient p, UUID attemptId, JsonNode data) {
        WatchedAttempt w = watched.get(attemptId);
        if (w == null || !w.watchers.contains(p)) return false;
        ObjectNode m = json.createObjectNode().put("type", "live.signal").put("from", p.connectionId());
        m.set("data", data);
        toStudent(attemptId, m);
        return true;
    }

    /** The student page's answer/candidates for the proctor socket that opened the live view, wherever it is. */
    public void liveToProctor(UUID attemptId, String proctorConnection, JsonNode data) {
        relay.liveToProctor(attemptId, proctorConnection, data);
    }

    /** The attempt's state or clock changed: watching nodes re-read it. */
    public void attemptChanged(UUID attemptId) {
        relay.attemptChanged(attemptId);
    }

    /** A tab took over: the node holding the old connection closes it. */
    public void replaced(UUID attemptId, String oldConnection) {
        relay.replaced(attemptId, oldConnection);
    }

    // ------------------------------------------------------------------ from the bus

    /** What the bus brings, for this node's sockets. */
    private final class FromBus implements LiveRelay.Listener {
        @Override
        public void event(UUID a, JsonNode e) {
            if (watched.containsKey(a)) onEvent(a, events.fromJson(a, e), (ObjectNode) e);
        }

        @Override
        public void snapshot(UUID a, LiveRelay.BusSnapshot s) {
            WatchedAttempt w = watched.get(a);
            if (w == null || w.watchers.isEmpty()) return;
            Instant at = s.at();
            byte[] jpeg = s.jpeg();
            boolean screen = s.screen();
            Instant clientAt = s.clientAt();
            if (screen) {
                snapshots.putScreen(a, at, clientAt, jpeg, 0, jpeg.length);
            } else {
                snapshots.put(a, at, clientAt, jpeg, 0, jpeg.length);
                w.snapshotAt = at;
            }
            Buffer frame = SnapshotFrame.toProctor(screen, a, at, jpeg);
            w.watchers.forEach(p -> p.sendBinary(frame));
        }

        @Override
        public void toStudent(UUID a, JsonNode message) {
            StudentClient c = sockets.student(a);
            if (c != null) c.send(message.toString());
        }

        @Override
        public void liveSignal(UUID a, String proctorConnection, JsonNode data) {
            WatchedAttempt w = watched.get(a);
            if (w == null) return;
            ObjectNode out = json.createObjectNode().put("type", "live.signal").put("attemptId", a.toString());
            out.set("data", data);
            String signal = out.toString();
            w.watchers.stream().filter(p -> p.connectionId().equals(proctorConnection)).forEach(p -> p.send(signal));
        }

        @Override
        public void replaced(UUID a, String oldConnection) {
            sockets.replaced(a, oldConnection);
        }

        @Override
        public void attemptChanged(UUID a) {
            WatchedAttempt w = watched.get(a);
            if (w != null) vertx.executeBlocking(() -> {
                host.facts(a).ifPresent(f -> w.facts = f);
                pushTile(w, true);
                return null;
            }, false);
        }
    }

    // ------------------------------------------------------------------ proctors on this node

    public void proctorConnected(ProctorClient p) {
        sockets.proctorConnected(p);
    }

    public void proctorGone(ProctorClient p) {
        sockets.proctorGone(p);
        watchedBy.remove(p);
        for (WatchedAttempt w : watched.values()) {
            w.watchers.remove(p);
            if (w.focusedBy.remove(p) && w.focusedBy.isEmpty()) rate(w.attemptId, false);
        }
    }

    /**
     * Sets what a proctor watches (from a worker thread: loads what is new from the database).
     * Sends a tile for each attempt new to this proctor and {@code gone} for each that left.
     */
    public void watch(ProctorClient p, List<AttemptFacts> facts) {
        Set<UUID> now = new HashSet<>();
        for (AttemptFacts f : facts) {
            now.add(f.attemptId());
            WatchedAttempt w = watched.computeIfAbsent(f.attemptId(), WatchedAttempt::new);
            AttemptFacts before = w.facts;
            w.facts = f;
            boolean changed = before != null && (before.state() != f.state() || !java.util.Objects.equals(before.deadlineAt(), f.deadlineAt()));
            if (!w.loaded) {
                // registered first, loaded second: an event arriving meanwhile is merged, not lost
                for (LiveEvent e : store.load(f.attemptId())) w.add(e);
                snapshots.newest(f.attemptId()).ifPresent(s -> w.snapshotAt = s.serverAt());
                w.loaded = true;
            }
            if (changed) pushTile(w, true);
            if (w.watchers.add(p)) {
                p.send(tiles.tileMessage(w, tiles.tile(w, now())));
                snapshots.newest(w.attemptId).ifPresent(s -> p.sendBinary(SnapshotFrame.toProctor(false, w.attemptId, s.serverAt(), s.jpeg())));
                snapshots.screen(w.attemptId).ifPresent(s -> p.sendBinary(SnapshotFrame.toProctor(true, w.attemptId, s.serverAt(), s.jpeg())));
            }
        }
        // every proctor refreshes every few seconds: looking through all watched attempts here made the refreshes
        // grow with proctors × attempts (issue 17's benchmark: 200 proctors × 10,000 attempts)
        Set<UUID> before = watchedBy.put(p, now);
        if (before == null) return;
        for (UUID left : before) {
            WatchedAttempt w = now.contains(left) ? null : watched.get(left);
            if (w != null && w.watchers.remove(p)) {
                w.focusedBy.remove(p);
                p.send(json.createObjectNode().put("type", "gone").put("attemptId", w.attemptId.toString()).toString());
            }
        }
    }

    /** The proctor opened one attempt: its whole timeline, and a faster snapshot rate from the student. */
    public boolean focus(ProctorClient p, UUID attemptId, boolean on) {
        WatchedAttempt w = watched.get(attemptId);
        if (w == null || !w.watchers.contains(p)) return false;
        if (on) {
            boolean first = w.focusedBy.isEmpty();
            for (WatchedAttempt other : watched.values()) {
                if (other != w && other.focusedBy.remove(p) && other.focusedBy.isEmpty()) rate(other.attemptId, false);
            }
            w.focusedBy.add(p);
            ObjectNode m = json.createObjectNode().put("type", "timeline").put("attemptId", attemptId.toString());
            ArrayNode arr = m.putArray("events");
            for (LiveEvent e : tiles.sorted(w)) arr.add(events.toJson(e));
            p.send(m.toString());
            if (first) rate(attemptId, true);
        } else if (w.focusedBy.remove(p) && w.focusedBy.isEmpty()) {
            rate(attemptId, false);
        }
        return true;
    }

    private void rate(UUID attemptId, boolean fast) {
        long seconds = host.snapshotEvery(fast).toSeconds();
        toStudent(attemptId, json.createObjectNode().put("type", "rate").put("snapshotEverySeconds", seconds));
    }

    private void pushTile(WatchedAttempt w, boolean always) {
        if (w.watchers.isEmpty() || !w.loaded) return;
        ObjectNode tile = tiles.tile(w, now());
        if (!always && Tiles.signature(tile).equals(w.signature)) return;
        String msg = tiles.tileMessage(w, tile);
        w.watchers.forEach(p -> p.send(msg));
    }

    /** Every second: tiles whose open flags or connection may have changed with time alone. */
    private void tick() {
        for (WatchedAttempt w : watched.values()) {
            if (w.watchers.isEmpty() || !w.loaded) continue;
            AttemptFacts f = w.facts;
            if (f != null && f.state() != AttemptState.IN_PROGRESS && f.state() != AttemptState.SUSPENDED) continue;
            if (w.quietAt == w.version()) continue;   // nothing but time passed, and time changes nothing here
            try {
                pushTile(w, false);
            } catch (RuntimeException e) {
                LOG.errorf(e, "tile for %s", w.attemptId);
            }
        }
    }

    private void housekeeping() {
        Instant now = now();
        List<String> local = sockets.studentConnections();
        try {
            host.touchSessions(local, now);
        } catch (RuntimeException e) {
            LOG.warnf("could not mark live sessions: %s", e.getMessage());
        }
        watched.values().removeIf(w -> w.watchers.isEmpty());
        snapshots.retainOnly(a -> sockets.hasStudent(a) || watched.containsKey(a));
    }

    Optional<WatchedAttempt> watchedAttempt(UUID id) {
        return Optional.ofNullable(watched.get(id));
    }

    int localStudents() {
        return sockets.students();
    }
}
