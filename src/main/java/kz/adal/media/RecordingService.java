package kz.adal.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptEvents.AttemptFinished;
import kz.adal.media.MediaEvents.RecordingInterrupted;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.hibernate.exception.ConstraintViolationException;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives the browser's recording chunks (003 §16; 001 §5.17.2), exactly once, with the
 * {@link ChunkLedger} rules. It is also the door the API and other features (oral) use for the reports that a
 * recording stopped ({@link InterruptionReports}) and for the browser's plan and the tracks' summaries
 * ({@link RecordingPlans}); whose a recording is and while it takes uploads is {@link UploadWindow}'s.
 *
 * <p>Exactly once across nodes: the chunk row is inserted and flushed <em>before</em> the bytes are
 * written, in one transaction, so the unique key (track, segment, seq) admits one writer; a second
 * node uploading the same chunk waits on that key and then answers it as a duplicate (same sha256) or a
 * conflict. A receipt is returned only after the commit, so it always means "stored". If the node dies
 * after writing the object but before the commit, the row is gone, the client re-sends and the object
 * is overwritten.
 */
@ApplicationScoped
public class RecordingService {

    /** What the client gets back for a chunk: keep the chunk until {@code outcome} is STORED or DUPLICATE. */
    public record ChunkAck(TrackKind kind, int segment, int seq, ChunkReceipt.Outcome outcome, List<Integer> missing,
                           Instant receivedAt, Instant serverNow) {
    }

    /** What the exam page needs to record: whether to, how, and where each track stands. */
    public record RecordingPlan(UUID attemptId, boolean required, String attemptState, int timesliceMs, long maxChunkBytes,
                                Map<String, Object> camera, Map<String, Object> screen, List<TrackStatus> tracks,
                                String uploadGrace, Instant serverNow, boolean directUpload) {
    }

    public record TrackStatus(TrackKind kind, TrackState state, int segments, long chunks, long bytes) {
    }

    public record InterruptionRequest(String reason, String detail, Instant clientAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final RecordingStorage storage;
    private final MediaConfig config;
    private final TimeSource time;
    private final RecordingOwners owners;
    private final RecordingQuota quota;

    private final UploadWindow window;
    private final InterruptionReports interruptions;
    private final RecordingPlans plans;

    RecordingService(EntityManager em, RecordingStorage storage, MediaConfig config, TimeSource time, RecordingOwners owners,
                     UploadWindow window, InterruptionReports interruptions, RecordingPlans plans) {
        this.window = window;
        this.interruptions = interruptions;
        this.plans = plans;
        this.owners = owners;
        this.quota = RecordingQuota.of(config.quota());
        this.em = em;
        this.storage = storage;
        this.config = config;
        this.time = time;
    }

    // ---------------------------------------------------------------- upload

    /**
     * Stores one chunk exactly once, or refuses it with a stable code: NOT_FOUND (not the student's
     * attempt), RECORDING_NOT_REQUIRED, RECORDING_NOT_STARTED, RECORDING_CLOSED (finished beyond the
     * grace), TRACK_CLOSED, INVALID_SEQUENCE, INVALID_CHUNK, CHUNK_TOO_LARGE (413), NOT_WEBM (415),
     * CHUNK_CONFLICT. Chunks may arrive in any order; the ack lists what is missing in the segment.
     */
    public ChunkAck accept(UUID attemptId, UUID studentId, TrackKind kind, int segment, int seq, byte[] bytes,
                           Instant clientStart, Instant clientEnd) {
        Instant now = now();
        ChunkUpload[] upload = new ChunkUpload[1];
        long[] allowance = new long[1];
        UUID trackId = QuarkusTransaction.requiringNew().call(() -> {
            AttemptRecord a = window.ownedAttempt(attemptId, studentId);  // first: a stranger learns nothing about the chunk rules
            upload[0] = upload(segment, seq, bytes, clientStart, clientEnd);
            window.requireUploadWindow(a, now);
            allowance[0] = quota.bytesFor(plannedLength(a, now), RecordingQuota.bitsPerSecond(config.recorder(), kind));
            return trackFor(a.id(), kind, now).id;
        });
        return store(trackId, new TrackId(attemptId, kind, segment), upload[0], now, allowance[0]);
    }

    /**
     * Stores one chunk of a recording owned by another feature ({@link RecordingOwner}), exactly as for an
     * attempt. The owner feature has already checked who uploads (e.g. the turn's student) and that the
     * recording has begun; media refuses with RECORDING_CLOSED once {@link RecordingOwner#endedAt} plus the
     * upload grace has passed, and with the same chunk codes as {@link #accept}.
     */
    public ChunkAck acceptOwned(String ownerKind, UUID ownerId, TrackKind kind, int segment, int seq, byte[] bytes,
                                Instant clientStart, Instant clientEnd) {
        RecordingOwner owner = owners.require(ownerKind);
        ChunkUpload upload = upload(segment, seq, bytes, clientStart, clientEnd);
        Instant now = now();
        UUID trackId = QuarkusTransaction.requiringNew().call(() -> {
            window.requireOwnerWindow(owner, ownerId, now);
            return ownedTrackFor(owner, ownerId, kind, now).id;
        });
        long allowance = quota.bytesFor(config.quota().ownedRecordingLength(), RecordingQuota.bitsPerSecond(config.recorder(), kind));
        return store(trackId, new TrackId(ownerId, kind, segment, owner.folder()), upload, now, allowance);
    }

    private static ChunkUpload upload(int segment, int seq, byte[] bytes, Instant clientStart, Instant clientEnd) {
        if (bytes == null) bytes = new byte[0];
        if (clientStart == null || clientEnd == null) {
            throw Problem.badRequest("INVALID_CHUNK", "Send the client times X-Adal-Client-Start and X-Adal-Client-End (epoch ms)");
        }
        if (segment < 0 || segment > TrackId.MAX_SEGMENT) {
            throw Problem.badRequest("INVALID_SEQUENCE", "Segment must be between 0 and " + TrackId.MAX_SEGMENT);
        }
        return new ChunkUpload(seq, bytes, clientStart, clientEnd);
    }

    /** The exactly-once part, the same for every owner: admit by the ledger, insert the row, write the object. */
    /** The attempt's length as planned now: start to deadline (which moves with extensions and pauses). */
    static java.time.Duration plannedLength(AttemptRecord a, Instant now) {
        if (a.startedAt() != null && a.deadlineAt() != null) {
            return java.time.Duration.between(a.startedAt(), a.deadlineAt().isAfter(now) ? a.deadlineAt() : now);
        }
        return java.time.Duration.ofSeconds(a.durationSeconds() == null ? 0 : a.durationSeconds());
    }

    private ChunkAck store(UUID trackId, TrackId id, ChunkUpload upload, Instant now, long allowedTrackBytes) {
        TrackKind kind = id.kind();
        int segment = id.segment();
        int seq = upload.seq();
        byte[] bytes = upload.bytes();
        String sha256 = upload.sha256Hex();
        // admit by the ledger's rules, looking only at what matters for this seq: its row and the track's state
        Admission admission = QuarkusTransaction.requiringNew().call(() -> admit(trackId, id, upload, sha256));
        if (admission.duplicate() != null) {
            return ack(trackId, kind, segment, seq, ChunkReceipt.Outcome.DUPLICATE, admission.duplicate().receivedAt(), now);
        }
        long held = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(sum(c.size), 0) from MediaChunk c where c.trackId = :t", Number.class)
                .setParameter("t", trackId).getSingleResult().longValue());
        if (held + bytes.length > allowedTrackBytes) {
            throw new Problem(413, MediaError.RECORDING_QUOTA_EXCEEDED.name(), "This " + kind.name().toLowerCase()
                    + " recording already holds " + held + " bytes; a track may hold at most " + allowedTrackBytes
                    + " for this exam's length at the configured bitrate");
        }
        ChunkRecord record = new ChunkRecord(seq, sha256, bytes.length, upload.clientStart(), upload.clientEnd(), now);
        byte[] payload = bytes;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                MediaTrack t = em.find(MediaTrack.class, trackId);
                if (!t.state.acceptsChunks()) {
                    throw new MediaException(MediaError.TRACK_CLOSED, "The recording is being finalised; chunk refused");
                }
                MediaChunk.of(trackId, segment, record).persist();
                em.flush();                       // the unique key answers here: one writer per chunk
                storage.write(id.chunkKey(seq), payload);
            });
        } catch (RuntimeException e) {
            if (e instanceof MediaException m) throw problem(m);
            if (!isUniqueViolation(e)) throw e;
            // another request (another node) stored this chunk meanwhile
            Admission again = QuarkusTransaction.requiringNew().call(() -> admit(trackId, id, upload, sha256));
            if (again.duplicate() == null) throw e;
            return ack(trackId, kind, segment, seq, ChunkReceipt.Outcome.DUPLICATE, again.duplicate().receivedAt(), now);
        }
        return ack(trackId, kind, segment, seq, ChunkReceipt.Outcome.STORED, now, now);
    }

    private record Admission(ChunkRecord duplicate) {
    }

    private Admission admit(UUID trackId, TrackId id, ChunkUpload upload, String sha256) {
        int segment = id.segment();
        MediaTrack t = em.find(MediaTrack.class, trackId);
        List<ChunkRecord> existing = MediaChunk.<MediaChunk>find("trackId = ?1 and segment = ?2 and seq = ?3", trackId, segment, upload.seq())
                .stream().map(MediaChunk::record).toList();
        Instant closedAt = t.state.acceptsChunks() ? null : (t.closedAt != null ? t.closedAt : now());
        ChunkLedger ledger = ChunkLedger.restore(new TrackLedgerState(id, existing, closedAt, null));
        try {
            return new Admission(ledger.admit(upload, sha256, config.maxChunkBytes()).orElse(null));
        } catch (MediaException e) {
            io.micrometer.core.instrument.Metrics.counter("adal.media.chunks.rejected", "reason", e.code().name()).increment();
            throw problem(e);
        }
    }

    private ChunkAck ack(UUID trackId, TrackKind kind, int segment, int seq, ChunkReceipt.Outcome outcome, Instant receivedAt, Instant now) {
        List<Integer> missing = QuarkusTransaction.requiringNew().call(() -> missing(trackId, segment));
        return new ChunkAck(kind, segment, seq, outcome, missing, receivedAt, now);
    }

    /** Seqs below the highest stored one that are not stored, in one segment. */
    List<Integer> missing(UUID trackId, int segment) {
        List<Integer> seqs = em.createQuery("select c.seq from MediaChunk c where c.trackId = :t and c.segment = :s order by c.seq", Integer.class)
                .setParameter("t", trackId).setParameter("s", segment).getResultList();
        List<Integer> missing = new ArrayList<>();
        int expected = 0;
        for (int s : seqs) {
            for (int m = expected; m < s; m++) missing.add(m);
            expected = s + 1;
        }
        return missing;
    }

    /** The track of (attempt, kind), created on first use; two nodes creating it at once get the same row. */
    MediaTrack trackFor(UUID attemptId, TrackKind kind, Instant now) {
        MediaTrack t = MediaTrack.find("attemptId = ?1 and kind = ?2", attemptId, kind).firstResult();
        if (t != null) return t;
        try {
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                MediaTrack n = new MediaTrack();
                n.attemptId = attemptId;
                n.ownerKind = MediaTrack.ATTEMPT;
                n.ownerId = attemptId;
                n.kind = kind;
                n.token = newToken();
                n.createdAt = now;
                n.persist();
                em.flush();
                return n.id;
            });
            return em.find(MediaTrack.class, id);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) throw e;
            return MediaTrack.find("attemptId = ?1 and kind = ?2", attemptId, kind).firstResult();
        }
    }

    /** The track of (owner, kind), created on first use; two nodes creating it at once get the same row. */
    MediaTrack ownedTrackFor(RecordingOwner owner, UUID ownerId, TrackKind kind, Instant now) {
        String q = "ownerKind = ?1 and ownerId = ?2 and kind = ?3";
        MediaTrack t = MediaTrack.find(q, owner.kind(), ownerId, kind).firstResult();
        if (t != null) return t;
        try {
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                MediaTrack n = new MediaTrack();
                n.ownerKind = owner.kind();
                n.ownerId = ownerId;
                n.kind = kind;
                n.token = newToken();
                n.createdAt = now;
                n.persist();
                em.flush();
                return n.id;
            });
            return em.find(MediaTrack.class, id);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) throw e;
            return MediaTrack.find(q, owner.kind(), ownerId, kind).firstResult();
        }
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---------------------------------------------------------------- interruptions and plans (InterruptionReports, RecordingPlans)

    /**
     * The browser reports that a recording stopped (track ended, permission withdrawn, recorder error, storage
     * full) or resumed. Recorded, audited, and fired as {@link RecordingInterrupted} for proctoring's flags.
     */
    @Transactional
    public void interrupted(UUID attemptId, UUID studentId, TrackKind kind, InterruptionRequest req) {
        interruptions.interrupted(attemptId, studentId, kind, req);
    }

    /**
     * An interruption of a recording owned by another feature: recorded and audited (scope = the owner's audit
     * scope); not fired as {@link RecordingInterrupted}, which is about attempts.
     */
    @Transactional
    public void interruptedOwned(String ownerKind, UUID ownerId, TrackKind kind, InterruptionRequest req) {
        interruptions.interruptedOwned(ownerKind, ownerId, kind, req);
    }

    /** The browser's plan for a recording owned by another feature: camera options and the tracks so far. */
    public record OwnedPlan(String ownerKind, UUID ownerId, int timesliceMs, long maxChunkBytes, Map<String, Object> camera,
                            List<TrackStatus> tracks, String uploadGrace, Instant serverNow) {
    }

    @Transactional
    public OwnedPlan ownedPlan(String ownerKind, UUID ownerId) {
        return plans.ownedPlan(ownerKind, ownerId);
    }

    /** What a protocol lists about one track: state, length, segments and gaps (no access check: for reports). */
    public record TrackSummary(TrackKind kind, TrackState state, Double durationSeconds, Integer segments, long chunks,
                               long bytes, List<RecordingGap> gaps, Instant mediaZeroAt, String error) {
    }

    @Transactional
    public List<TrackSummary> summaries(String ownerKind, UUID ownerId) {
        return plans.summaries(ownerKind, ownerId);
    }

    @Transactional
    public RecordingPlan plan(UUID attemptId, UUID studentId) {
        return plans.plan(attemptId, studentId);
    }

    // ---------------------------------------------------------------- finishing

    /** When an attempt finishes, its tracks are due for finalisation once the upload grace has passed. */
    void onFinished(@Observes AttemptFinished e) {
        em.createQuery("update MediaTrack t set t.finaliseDueAt = :due where t.attemptId = :a and t.state = :s")
                .setParameter("due", e.finishedAt().plus(config.uploadGrace())).setParameter("a", e.attemptId())
                .setParameter("s", TrackState.RECORDING).executeUpdate();
    }

    // ---------------------------------------------------------------- helpers

    static Problem problem(MediaException e) {
        int status = switch (e.code()) {
            case CHUNK_TOO_LARGE, RECORDING_QUOTA_EXCEEDED -> 413;
            case NOT_WEBM -> 415;
            case CHUNK_CONFLICT, TRACK_CLOSED, STORAGE_CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case STORAGE_FAILURE, UNREADABLE_MEDIA -> 503;
            default -> 400;
        };
        return new Problem(status, e.code().name(), e.getMessage());
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) return true;
        }
        return false;
    }

    Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }

    Optional<MediaTrack> track(UUID attemptId, TrackKind kind) {
        return MediaTrack.find("attemptId = ?1 and kind = ?2", attemptId, kind).firstResultOptional();
    }
}
