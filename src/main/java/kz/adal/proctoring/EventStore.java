package kz.adal.proctoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.proctoring.live.EventLog;
import kz.adal.proctoring.live.LiveEvent;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Proctoring events in their own table, written in batches by one writer thread: events arrive at a
 * high rate and must not go through the audit chain, which serialises writers. A duplicate (the same
 * attempt and seq, replayed after a reconnect) is refused by the unique constraint
 * ({@code on conflict do nothing}, the same on PostgreSQL and H2) and reported as not new.
 */
@ApplicationScoped
public class EventStore implements EventLog {
    private static final Logger LOG = Logger.getLogger(EventStore.class);
    private static final int BATCH = 500;
    private static final String INSERT = "insert into proctoring_event (id, attempt_id, seq, kind, client_at, server_at, node, data) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private record Pending(LiveEvent event, String node, Consumer<Outcome> done) {
    }

    private record PendingSnapshot(UUID id, UUID attemptId, Instant takenAt, Instant clientAt, String reason, byte[] jpeg, int tries) {
        PendingSnapshot retried() {
            return new PendingSnapshot(id, attemptId, takenAt, clientAt, reason, jpeg, tries + 1);
        }
    }

    /** A snapshot batch that failed is queued again this many times before it is given up (and logged). */
    static final int SNAPSHOT_TRIES = 5;

    private final AgroalDataSource ds;
    private final ObjectMapper json;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private Thread writer;
    /**
     * Runs the outcomes' callbacks (acknowledgement, tiles for the proctors) in order, off the writer thread: the
     * writer goes back to the database while the tiles of the batch it stored are worked out (issue 17).
     */
    private final java.util.concurrent.ExecutorService outcomes = java.util.concurrent.Executors.newSingleThreadExecutor(r ->
            Thread.ofPlatform().name("proctoring-event-outcomes").daemon().unstarted(r));
    private final java.time.Duration drainTimeout;

    EventStore(AgroalDataSource ds, ObjectMapper json,
               @org.eclipse.microprofile.config.inject.ConfigProperty(name = "adal.events.drain-timeout", defaultValue = "PT10S")
               java.time.Duration drainTimeout, io.micrometer.core.instrument.MeterRegistry registry) {
        this.ds = ds;
        this.json = json;
        this.drainTimeout = drainTimeout;
        io.micrometer.core.instrument.Gauge.builder("adal.proctoring.event.queue", queue, LinkedBlockingQueue::size)
                .description("Proctoring events and evidence snapshots waiting for the writer").register(registry);
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        writer = Thread.ofPlatform().name("proctoring-event-writer").daemon().start(this::loop);
    }

    /**
     * Drains on shutdown: the writer keeps writing what is queued, up to {@code adal.events.drain-timeout};
     * whatever is left then is logged (events are resent by their browsers to the other node; snapshots are lost).
     */
    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (writer == null) return;
        try {
            writer.join(drainTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warnf("shutdown: %d proctoring item(s) still queued after %s; stopping the writer", queue.size(), drainTimeout);
            writer.interrupt();
        }
    }

    /** How many events and snapshots wait for the writer. */
    public int queued() {
        return queue.size();
    }

    /** Queues an event; {@code done} runs after commit, on one thread in the order of storing. */
    @Override
    public void append(LiveEvent e, String node, Consumer<Outcome> done) {
        if (!queue.offer(new Pending(e, node, done))) {
            LOG.warn("proctoring event queue full: event refused (the browser will resend)");
            done.accept(Outcome.FAILED);
        }
    }

    /**
     * Keeps a snapshot as evidence (the one nearest a flag). Queued for the writer; when the queue is full it is
     * written here and now instead, so evidence is never dropped for want of room.
     */
    @Override
    public UUID keepSnapshot(UUID attemptId, Instant takenAt, Instant clientAt, String reason, byte[] jpeg) {
        UUID id = UUID.randomUUID();
        PendingSnapshot snapshot = new PendingSnapshot(id, attemptId, takenAt, clientAt, reason, jpeg, 0);
        if (!queue.offer(snapshot)) {
            LOG.warn("proctoring queue full: evidence snapshot written directly");
            write(List.<Object>of(snapshot));
        }
        return id;
    }

    private void loop() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) { // after shutdown: drain what is queued (stop() bounds the wait)
            try {
                Object first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "proctoring event writer");
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Object> batch) {
        List<Pending> events = new ArrayList<>();
        List<PendingSnapshot> snaps = new ArrayList<>();
        for (Object o : batch) {
            if (o instanceof Pending p) events.add(p);
            else snaps.add((PendingSnapshot) o);
        }
        int[] counts = null;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            if (!events.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (Pending p : events) {
                        LiveEvent e = p.event();
                        ps.setObject(1, e.id());
                        ps.setObject(2, e.attemptId());
                        if (e.seq() == null) ps.setNull(3, Types.BIGINT);
                        else ps.setLong(3, e.seq());
                        ps.setString(4, e.kind());
                        ps.setTimestamp(5, e.clientAt() == null ? null : Timestamp.from(e.clientAt()));
                        ps.setTimestamp(6, Timestamp.from(e.serverAt()));
                        ps.setString(7, p.node());
                        ps.setString(8, e.data().isEmpty() ? null : json.writeValueAsString(e.data()));
                        ps.addBatch();
                    }
                    counts = ps.executeBatch();
                }
            }
            if (!snaps.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into proctoring_snapshot (id, attempt_id, taken_at, client_at, reason, jpeg) values (?, ?, ?, ?, ?, ?)")) {
                    for (PendingSnapshot s : snaps) {
                        ps.setObject(1, s.id());
                        ps.setObject(2, s.attemptId());
                        ps.setTimestamp(3, Timestamp.from(s.takenAt()));
                        ps.setTimestamp(4, s.clientAt() == null ? null : Timestamp.from(s.clientAt()));
                        ps.setString(5, s.reason());
                        ps.setBytes(6, s.jpeg());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException | JsonProcessingException e) {
            LOG.errorf(e, "could not store %d proctoring events and %d snapshots", events.size(), snaps.size());
            // events: their browsers send them again (FAILED); snapshots have no sender to repeat them: queue again
            tell(events, null);
            for (PendingSnapshot snap : snaps) {
                if (snap.tries() + 1 >= SNAPSHOT_TRIES || !queue.offer(snap.retried())) {
                    LOG.errorf("evidence snapshot %s of attempt %s given up after %d tries", snap.id(), snap.attemptId(), snap.tries() + 1);
                }
            }
            return;
        }
        tell(events, counts);
    }

    /** The outcomes, on the outcomes thread; {@code counts} null: the batch failed. */
    private void tell(List<Pending> events, int[] counts) {
        if (events.isEmpty()) return;
        outcomes.execute(() -> {
            for (int i = 0; i < events.size(); i++) {
                // a driver may answer SUCCESS_NO_INFO (-2) for a row it stored
                Outcome o = counts == null ? Outcome.FAILED : counts[i] == 0 ? Outcome.DUPLICATE : Outcome.STORED;
                try {
                    events.get(i).done().accept(o);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "after storing a proctoring event");
                }
            }
        });
    }

    // ------------------------------------------------------------------ reading

    /** Every event of an attempt, oldest first. */
    @Override
    public List<LiveEvent> load(UUID attemptId) {
        List<LiveEvent> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, seq, kind, client_at, server_at, data from proctoring_event "
                     + "where attempt_id = ? order by server_at, seq")) {
            ps.setObject(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(2);
                    Long s = rs.wasNull() ? null : seq;
                    Timestamp client = rs.getTimestamp(4);
                    out.add(new LiveEvent(rs.getObject(1, UUID.class), attemptId, s, rs.getString(3),
                            client == null ? null : client.toInstant(), rs.getTimestamp(5).toInstant(), parse(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read proctoring events", e);
        }
        return out;
    }

    /** The highest seq stored for an attempt (0 if none): the browser drops what is at or below it. */
    public long lastSeq(UUID attemptId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select max(seq) from proctoring_event where attempt_id = ?")) {
            ps.setObject(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read proctoring events", e);
        }
    }

    /**
     * How many events of each kind these attempts have (kinds with none are 0): the technical failures of the
     * monitoring report (001 §6.12.2), which asks with the ids of an exam's attempts. In slices of 500 ids.
     */
    public Map<String, Long> countByKind(java.util.Collection<UUID> attemptIds, java.util.Collection<String> kinds) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        kinds.forEach(k -> out.put(k, 0L));
        if (kinds.isEmpty()) return out;
        List<UUID> ids = List.copyOf(attemptIds);
        List<String> kindList = List.copyOf(kinds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String sql = "select kind, count(*) from proctoring_event where attempt_id in (" + "?,".repeat(slice.size() - 1) + "?)"
                    + " and kind in (" + "?,".repeat(kindList.size() - 1) + "?) group by kind";
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (UUID id : slice) ps.setObject(p++, id);
                for (String k : kindList) ps.setString(p++, k);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.merge(rs.getString(1), rs.getLong(2), Long::sum);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not count proctoring events", e);
            }
        }
        return out;
    }

    /** How many rows an attempt has with this seq (tests: never more than one). */
    public int countSeq(UUID attemptId, long seq) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from proctoring_event where attempt_id = ? and seq = ?")) {
            ps.setObject(1, attemptId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read proctoring events", e);
        }
    }

    /** Evidence snapshots of an attempt (id and time), oldest first. */
    public List<FlagRules.SnapshotRef> evidence(UUID attemptId) {
        List<FlagRules.SnapshotRef> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, taken_at from proctoring_snapshot where attempt_id = ? order by taken_at")) {
            ps.setObject(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new FlagRules.SnapshotRef(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read snapshots", e);
        }
        return out;
    }

    /** An evidence snapshot's JPEG, if it belongs to the attempt. */
    public byte[] evidenceJpeg(UUID attemptId, UUID snapshotId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select jpeg from proctoring_snapshot where id = ? and attempt_id = ?")) {
            ps.setObject(1, snapshotId);
            ps.setObject(2, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read snapshots", e);
        }
    }

    private Map<String, Object> parse(String data) {
        if (data == null) return Map.of();
        try {
            return json.readValue(data, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("raw", data);
        }
    }
}
