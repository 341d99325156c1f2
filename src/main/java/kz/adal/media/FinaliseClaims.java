package kz.adal.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.media.MediaEvents.TrackFinalised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the finalise job ({@code media.finalise.RecordingFinaliseJob}) reads and changes of the recording ledger: the
 * track and chunk rows are entities of this package, so the job in its sub-package claims, loads and settles tracks
 * through here, as records. A track is claimed by a conditional update (RECORDING → FINALISING) naming the node; a claim
 * not renewed for {@link MediaConfig#finaliseLease()} is taken over. Every method runs in a transaction of its own
 * (the job works outside any: FFmpeg takes seconds).
 */
@ApplicationScoped
public class FinaliseClaims {

    /**
     * A claimed track as the job works it: its chunks by segment, where each segment is stored ({@code segmentIds}),
     * where the joined recording goes ({@code joinedId}, segment 0), and {@code label}, the attempt or owner id for the log.
     */
    public record ClaimedTrack(UUID id, TrackKind kind, String label, Instant closedAt, Map<Integer, List<ChunkRecord>> segments,
                               Map<Integer, TrackId> segmentIds, TrackId joinedId) {
    }

    /** What the joined recording measured, stored on the track when it is FINALISED. */
    public record Joined(long bytes, long durationMs, boolean seekable, Instant mediaZeroAt, long clockOffsetMs, boolean hasThumbnails) {
    }

    private final EntityManager em;
    private final MediaConfig config;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Event<TrackFinalised> finalised;
    private final RecordingOwners owners;
    private final AttemptCatalog attempts;

    FinaliseClaims(EntityManager em, MediaConfig config, AuditTrail audit, ObjectMapper json, Event<TrackFinalised> finalised,
                   RecordingOwners owners, AttemptCatalog attempts) {
        this.em = em;
        this.config = config;
        this.audit = audit;
        this.json = json;
        this.finalised = finalised;
        this.owners = owners;
        this.attempts = attempts;
    }

    /** Puts the tracks {@code node} was finalising back to RECORDING (it stopped: they are finalised anew); returns how many. */
    public int releaseClaimsOf(String node) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update MediaTrack t set t.state = :recording, t.claimedAt = null, t.claimedBy = null "
                                + "where t.state = :finalising and t.claimedBy = :node")
                .setParameter("recording", TrackState.RECORDING).setParameter("finalising", TrackState.FINALISING)
                .setParameter("node", node).executeUpdate());
    }

    /** Renews {@code node}'s claims on the tracks it is working on. */
    public void renew(Set<UUID> ids, String node, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update MediaTrack t set t.claimedAt = :now where t.id in :ids and t.claimedBy = :node and t.state = :finalising")
                .setParameter("now", now).setParameter("ids", Set.copyOf(ids)).setParameter("node", node)
                .setParameter("finalising", TrackState.FINALISING).executeUpdate());
    }

    /** The tracks due for finalisation: attempts' first ({@link #attemptTracksDue}), then other owners' ({@link #ownedDue}). */
    public List<UUID> due(Instant now, Instant cutoff) {
        List<UUID> due = new ArrayList<>(attemptTracksDue(now, cutoff));
        due.addAll(ownedDue(now, cutoff));
        return due;
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

    /** Claims the track for {@code node}: false when another node was first (or holds a live claim). */
    public boolean claim(UUID trackId, Instant now, String node) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "update MediaTrack t set t.state = :finalising, t.claimedAt = :now, t.claimedBy = :node, t.closedAt = coalesce(t.closedAt, :now) "
                                + "where t.id = :id and (t.state = :recording or (t.state = :finalising and t.claimedAt < :stale))")
                .setParameter("finalising", TrackState.FINALISING).setParameter("recording", TrackState.RECORDING)
                .setParameter("now", now).setParameter("stale", now.minus(config.finaliseLease())).setParameter("id", trackId)
                .setParameter("node", node)
                .executeUpdate() == 1);
    }

    /** A claimed track with its chunks, by segment. */
    public ClaimedTrack load(UUID trackId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaTrack t = em.find(MediaTrack.class, trackId);
            Map<Integer, List<ChunkRecord>> bySegment = new HashMap<>();
            for (MediaChunk c : MediaChunk.<MediaChunk>list("trackId = ?1 order by segment, seq", trackId)) {
                bySegment.computeIfAbsent(c.segment, s -> new ArrayList<>()).add(c.record());
            }
            Map<Integer, TrackId> ids = new HashMap<>();
            for (int s : bySegment.keySet()) ids.put(s, owners.trackId(t, s));
            String label = String.valueOf(t.ownedByAttempt() ? t.attemptId : t.ownerId);
            return new ClaimedTrack(t.id, t.kind, label, t.closedAt, bySegment, ids, owners.trackId(t, 0));
        });
    }

    /**
     * Ends the claim: the track becomes {@code state} (FINALISED with what {@code joined} measured, or FAILED with the
     * error), its gaps are stored, the finalisation is audited and, for an attempt's track, {@link TrackFinalised} fired.
     */
    public void settle(UUID trackId, TrackState state, Joined joined, List<RecordingGap> gaps, int segments, String error, Instant now) {
        String gapsJson;
        try {
            gapsJson = json.writeValueAsString(gaps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MediaTrack row = em.find(MediaTrack.class, trackId);
            row.settle(state, now);
            row.segments = segments;
            row.gaps = gapsJson.length() > 20000 ? gapsJson.substring(0, 19990) + "…" : gapsJson;
            row.error = error == null ? null : error.substring(0, Math.min(1000, error.length()));
            if (joined != null) {
                row.bytes = joined.bytes();
                row.durationMs = joined.durationMs();
                row.seekable = joined.seekable();
                row.mediaZeroAt = joined.mediaZeroAt();
                row.clockOffsetMs = joined.clockOffsetMs();
                row.hasThumbnails = joined.hasThumbnails();
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
    }
}
