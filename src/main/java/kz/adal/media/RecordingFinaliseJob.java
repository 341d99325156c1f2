package kz.adal.media;

import kz.adal.media.finalise.Thumbnails;
import kz.adal.media.finalise.WebmProbe;
import kz.adal.media.finalise.FinalisedTrack;
import kz.adal.media.finalise.MediaGap;
import kz.adal.media.finalise.SegmentJoiner;
import kz.adal.media.finalise.ThumbnailStrip;
import kz.adal.media.finalise.TrackFinaliser;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.StartupEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.media.MediaEvents.TrackFinalised;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Finalises recordings once their attempt finished and the upload grace passed ({@code adal.media.upload-grace}):
 * every segment through {@link TrackFinaliser} (seekable WebM, gaps, alignment), then all segments on one time
 * line ({@link SegmentJoiner}) with a thumbnail strip. Several nodes may run it: a track is claimed by a
 * conditional update (RECORDING → FINALISING) before the slow work, naming the node; the node renews its
 * claims while it works and releases them when it starts again, so a claim dies with its node: one not
 * renewed for {@link MediaConfig#finaliseLease()} is taken over.
 */
@ApplicationScoped
public class RecordingFinaliseJob {
    private static final Logger LOG = Logger.getLogger(RecordingFinaliseJob.class);

    /** What one track's finalisation gave. */
    public record Outcome(UUID trackId, TrackKind kind, TrackState state, double durationSeconds, List<RecordingGap> gaps,
                          String error) {
    }

    private final EntityManager em;
    private final RecordingStorage storage;
    private final MediaConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Event<TrackFinalised> finalised;
    private final RecordingOwners owners;
    /** This node's name on its claims (stable across restarts). */
    private final String node;
    /** Tracks this node is finalising now: their claims are renewed while the work goes on. */
    private final Set<UUID> working = ConcurrentHashMap.newKeySet();

    private final AttemptCatalog attempts;

    RecordingFinaliseJob(EntityManager em, RecordingStorage storage, MediaConfig config, TimeSource time, AuditTrail audit,
                         ObjectMapper json, Event<TrackFinalised> finalised, RecordingOwners owners, AttemptCatalog attempts) {
        this.attempts = attempts;
        this.owners = owners;
        this.em = em;
        this.storage = storage;
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.json = json;
        this.finalised = finalised;
        this.node = config.node().filter(n -> !n.isBlank()).orElseGet(() -> defaultNode(config.workDir()));
    }

    private static String defaultNode(String workDir) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        String name = host + ":" + Paths.get(workDir).toAbsolutePath().normalize();
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    String node() { return node; }

    /**
     * A node that died while finalising held claims nobody renews; when it starts again it releases
     * them at once (they are finalised anew) and removes the temporary folders the dead run left.
     */
    void onStart(@Observes StartupEvent ev) {
        int released = releaseOwnClaims();
        if (released > 0) LOG.warnf("released %d finalisation claim(s) this node held when it stopped", released);
    }

    int releaseOwnClaims() {
        int released = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update MediaTrack t set t.state = :recording, t.claimedAt = null, t.claimedBy = null "
                                + "where t.state = :finalising and t.claimedBy = :node")
                .setParameter("recording", TrackState.RECORDING).setParameter("finalising", TrackState.FINALISING)
                .setParameter("node", node).executeUpdate());
        Path work = Paths.get(config.workDir());
        if (Files.isDirectory(work)) {
            try (var leftovers = Files.list(work)) {
                leftovers.filter(p -> p.getFileName().toString().startsWith("join-") || p.getFileName().toString().startsWith("finalise-"))
                        .forEach(RecordingFinaliseJob::deleteTree);
            } catch (IOException e) {
                LOG.warnf("could not clean the media work directory %s: %s", work, e.getMessage());
            }
        }
        return released;
    }

    /** For tests: the track counts as in this node's hands, and its claim is renewed now. */
    void renewWhileWorking(UUID track) {
        working.add(track);
        try {
            renewClaims();
        } finally {
            working.remove(track);
        }
    }

    /** Renews this node's claims while it works, so no other node takes a track over mid-way. */
    @Scheduled(identity = "recording-finalise-lease", every = "${adal.media.finalise-lease-renew:40s}")
    void renewClaims() {
        if (working.isEmpty()) return;
        Instant now = now();
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update MediaTrack t set t.claimedAt = :now where t.id in :ids and t.claimedBy = :node and t.state = :finalising")
                .setParameter("now", now).setParameter("ids", Set.copyOf(working)).setParameter("node", node)
                .setParameter("finalising", TrackState.FINALISING).executeUpdate());
    }

    @Scheduled(identity = "recording-finalise", every = "${adal.media.finalise-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        List<Outcome> done = finaliseDue();
        if (!done.isEmpty()) LOG.infof("finalised %d recording track(s)", done.size());
    }

    /** Finalises every track whose attempt finished more than the upload grace ago. */
    public List<Outcome> finaliseDue() {
        Instant now = now();
        Instant cutoff = now.minus(config.uploadGrace());
        List<UUID> due = new ArrayList<>(attemptTracksDue(now, cutoff));
        due.addAll(ownedDue(now, cutoff));
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID id : due) {
            if (!claim(id, now)) continue; // another node was first
            working.add(id);
            try {
                Outcome outcome = finalise(id);
                outcomes.add(outcome);
                io.micrometer.core.instrument.Metrics.counter("adal.media.finalise", "state", String.valueOf(outcome.state())).increment();
            } finally {
                working.remove(id);
            }
        }
        return outcomes;
    }

    /**
     * Tracks of attempts that finished before {@code cutoff}, still recording or claimed by a node that stopped renewing,
     * the earliest finished first, at most 20. The attempts' ends are read through {@link AttemptCatalog}, a batch
     * per query (never a query per attempt).
     */
    private List<UUID> attemptTracksDue(Instant now, Instant cutoff) {
        List<Object[]> open = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select t.id, t.attemptId from MediaTrack t where t.attemptId is not null "
                                + "and (t.state = :recording or (t.state = :finalising and t.claimedAt < :stale))", Object[].class)
                .setParameter("recording", TrackState.RECORDING).setParameter("finalising", TrackState.FINALISING)
                .setParameter("stale", now.minus(config.finaliseLease())).getResultList());
        Map<UUID, List<UUID>> tracksOf = new HashMap<>();
        for (Object[] r : open) tracksOf.computeIfAbsent((UUID) r[1], a -> new ArrayList<>()).add((UUID) r[0]);
        return attempts.finishedBy(tracksOf.keySet(), cutoff).stream().filter(a -> a.finishedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(AttemptRecord::finishedAt))
                .flatMap(a -> tracksOf.get(a.id()).stream()).limit(20).toList();
    }

    /** Tracks of other owners ({@link RecordingOwner}) whose recording ended more than the upload grace ago. */
    private List<UUID> ownedDue(Instant now, Instant cutoff) {
        record Candidate(UUID id, String ownerKind, UUID ownerId) {
        }
        List<Candidate> open = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select t.id, t.ownerKind, t.ownerId from MediaTrack t where t.ownerKind is not null and t.ownerKind <> :attempt "
                                + "and (t.state = :recording or (t.state = :finalising and t.claimedAt < :stale)) order by t.createdAt", Object[].class)
                .setParameter("attempt", MediaTrack.ATTEMPT).setParameter("recording", TrackState.RECORDING)
                .setParameter("finalising", TrackState.FINALISING).setParameter("stale", now.minus(config.finaliseLease()))
                .setMaxResults(200).getResultList().stream()
                .map(r -> new Candidate((UUID) r[0], (String) r[1], (UUID) r[2])).toList());
        List<UUID> due = new ArrayList<>();
        for (Candidate c : open) {
            var owner = owners.of(c.ownerKind());
            if (owner.isEmpty()) continue;
            var ended = QuarkusTransaction.requiringNew().call(() -> owner.get().endedAt(c.ownerId()));
            if (ended.isPresent() && ended.get().isBefore(cutoff)) due.add(c.id());
            if (due.size() >= 20) break;
        }
        return due;
    }

    private boolean claim(UUID trackId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update MediaTrack t set t.state = :finalising, t.claimedAt = :now, t.claimedBy = :node, t.closedAt = coalesce(t.closedAt, :now) "
                                + "where t.id = :id and (t.state = :recording or (t.state = :finalising and t.claimedAt < :stale))")
                .setParameter("finalising", TrackState.FINALISING).setParameter("recording", TrackState.RECORDING)
                .setParameter("now", now).setParameter("stale", now.minus(config.finaliseLease())).setParameter("id", trackId)
                .setParameter("node", node)
                .executeUpdate() == 1);
    }

    private record SegmentResult(int segment, FinalisedTrack track) {
    }

    /** Finalises one claimed track (outside any transaction: FFmpeg takes seconds). */
    Outcome finalise(UUID trackId) {
        record Loaded(MediaTrack track, Map<Integer, List<ChunkRecord>> segments, Instant closedAt) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            MediaTrack t = em.find(MediaTrack.class, trackId);
            Map<Integer, List<ChunkRecord>> bySegment = new HashMap<>();
            for (MediaChunk c : MediaChunk.<MediaChunk>list("trackId = ?1 order by segment, seq", trackId)) {
                bySegment.computeIfAbsent(c.segment, s -> new ArrayList<>()).add(c.record());
            }
            em.detach(t);
            return new Loaded(t, bySegment, t.closedAt);
        });
        MediaTrack t = loaded.track();
        Path work = Paths.get(config.workDir());
        TrackFinaliser finaliser = new TrackFinaliser(storage, TrackFinaliser.Settings.defaults(), work);
        List<RecordingGap> gaps = new ArrayList<>();
        List<SegmentResult> results = new ArrayList<>();
        List<Integer> segments = loaded.segments().keySet().stream().sorted().toList();
        for (int s : segments) {
            TrackLedgerState state = new TrackLedgerState(owners.trackId(t, s), loaded.segments().get(s), loaded.closedAt(), null);
            try {
                results.add(new SegmentResult(s, finaliser.finalise(state)));
            } catch (MediaException e) {
                LOG.warnf("recording %s %s segment %d unusable: %s", t.ownedByAttempt() ? t.attemptId : t.ownerId, t.kind, s, e.getMessage());
                gaps.add(new RecordingGap("LOST_SEGMENT", s, 0, loaded.segments().get(s).get(loaded.segments().get(s).size() - 1).seq(), -1, -1));
            }
        }
        if (results.isEmpty()) {
            return store(t, TrackState.FAILED, null, gaps, segments.size(), "No segment could be decoded (chunk 0 missing)");
        }
        Path dir = null;
        try {
            Files.createDirectories(work);
            dir = Files.createTempDirectory(work, "join-");
            Instant zero = results.get(0).track().alignment().mediaZeroAt();
            List<SegmentJoiner.Part> parts = new ArrayList<>();
            double previousEnd = 0;
            for (SegmentResult r : results) {
                FinalisedTrack f = r.track();
                double offset = Math.max(previousEnd, Duration.between(zero, f.alignment().mediaZeroAt()).toNanos() / 1e9);
                if (!parts.isEmpty() && offset - previousEnd > 0.05) {
                    gaps.add(new RecordingGap("RECORDER_RESTART", r.segment(), -1, -1, round(previousEnd), round(offset)));
                }
                for (MediaGap g : f.gaps()) {
                    gaps.add(new RecordingGap("MISSING_CHUNKS", r.segment(), g.firstMissingSeq(), g.lastMissingSeq(),
                            round(offset + g.fromSeconds()), round(offset + g.toSeconds())));
                }
                Path file = dir.resolve("segment-" + r.segment() + ".webm");
                try (InputStream in = storage.open(f.recordingKey())) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                parts.add(new SegmentJoiner.Part(file, offset));
                previousEnd = offset + f.durationSeconds();
            }
            Path joined = dir.resolve("recording.webm");
            SegmentJoiner.join(parts, joined);
            double duration = WebmProbe.probeDuration(joined);
            boolean seekable = WebmProbe.hasCuesAndDuration(joined);
            ThumbnailStrip strip = new Thumbnails(TrackFinaliser.Settings.defaults()).strip(joined, duration);
            TrackId id = owners.trackId(t, 0);
            storage.write(id.trackRecordingKey(), joined);
            if (strip != null) {
                storage.write(id.trackThumbnailSpriteKey(), strip.jpeg());
                storage.write(id.trackThumbnailIndexKey(), strip.indexJson().getBytes(StandardCharsets.UTF_8));
            }
            TrackAlignment first = results.get(0).track().alignment();
            t.bytes = Files.size(joined);
            t.durationMs = Math.round(duration * 1000);
            t.seekable = seekable;
            t.mediaZeroAt = first.mediaZeroAt();
            t.clockOffsetMs = first.clockOffset().toMillis();
            t.hasThumbnails = strip != null;
            gaps.sort(Comparator.comparingDouble(RecordingGap::fromSeconds));
            return store(t, TrackState.FINALISED, t, gaps, segments.size(), null);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "finalising recording %s %s failed", t.ownedByAttempt() ? t.attemptId : t.ownerId, t.kind);
            return store(t, TrackState.FAILED, null, gaps, segments.size(), e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    private Outcome store(MediaTrack t, TrackState state, MediaTrack result, List<RecordingGap> gaps, int segments, String error) {
        String gapsJson;
        try {
            gapsJson = json.writeValueAsString(gaps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MediaTrack row = em.find(MediaTrack.class, t.id);
            row.settle(state, now());
            row.segments = segments;
            row.gaps = gapsJson.length() > 20000 ? gapsJson.substring(0, 19990) + "…" : gapsJson;
            row.error = error == null ? null : error.substring(0, Math.min(1000, error.length()));
            if (result != null) {
                row.bytes = result.bytes;
                row.durationMs = result.durationMs;
                row.seekable = result.seekable;
                row.mediaZeroAt = result.mediaZeroAt;
                row.clockOffsetMs = result.clockOffsetMs;
                row.hasThumbnails = result.hasThumbnails;
            }
            Map<String, Object> detail = new HashMap<>();
            detail.put("kind", row.kind.name());
            detail.put("state", state.name());
            detail.put("segments", segments);
            detail.put("gaps", gaps.size());
            detail.put("durationMs", row.durationMs == null ? 0 : row.durationMs);
            if (error != null) detail.put("error", row.error);
            if (row.ownedByAttempt()) {
                AttemptRecord a = attempts.find(row.attemptId).orElse(null);
                audit.record(Change.of("recording.finalised", "attempt", row.attemptId).scope(a == null ? null : a.examId()).detail(detail),
                        null, "system");
                finalised.fire(new TrackFinalised(row.attemptId, row.kind, state, gaps.size()));
            } else {
                UUID scope = owners.of(row.ownerKind).map(o -> o.auditScope(row.ownerId)).orElse(null);
                audit.record(Change.of("recording.finalised", row.ownerKind.toLowerCase(java.util.Locale.ROOT), row.ownerId)
                        .scope(scope).detail(detail), null, "system");
            }
        });
        return new Outcome(t.id, t.kind, state, result == null || result.durationMs == null ? 0 : result.durationMs / 1000.0,
                List.copyOf(gaps), error);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }
}
