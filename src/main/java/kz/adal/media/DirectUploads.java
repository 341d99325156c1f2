package kz.adal.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.platform.Problem;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Chunks the browser uploads straight to the object store (issue 16): the node signs a short-lived PUT address
 * for one chunk's key, type and length, the browser sends the bytes to the store, then tells the node; the node
 * looks at the object (HEAD: there, the declared size; chunk 0: the WebM magic) and only then records the ledger
 * row. A chunk is acknowledged only when its row is committed, exactly as on the through-the-node path
 * ({@link RecordingService}), so the recorder's offline queue and exactly-once rules are unchanged. The bytes
 * never pass through a node: what a node spends per chunk is a signature, a HEAD and a few statements.
 *
 * <p>Rules not seen by the store are the ledger's ({@link ChunkLedger#admitDeclared}): seq bounds, size limit,
 * a duplicate (same sha256) acknowledged without an upload, another content for a stored seq refused
 * ({@code CHUNK_CONFLICT}), a closed track refused. A stored seq never gets an address, so an acknowledged chunk
 * is overwritten only by an address handed out before it was stored, within its lifetime, by its own student.
 */
@ApplicationScoped
public class DirectUploads {

    /** The one content type signed into chunk addresses: the browser sends its blobs as this. */
    public static final String CHUNK_TYPE = "video/webm";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Asks for the address of one chunk. */
    public record UploadRequest(Integer segment, Integer seq, Long size, String sha256, String contentType) {
    }

    /**
     * The address to PUT the chunk to ({@code outcome = UPLOAD}) with exactly these headers, or {@code DUPLICATE}
     * when the chunk is stored already (the browser forgets it, nothing to send).
     */
    public record UploadUrl(TrackKind kind, int segment, int seq, String outcome, String url, String method,
                            Map<String, String> headers, Instant expiresAt, Instant serverNow) {
    }

    /** The browser says these chunks of one segment are in the store. Client times: epoch ms, fractions allowed. */
    public record ConfirmRequest(Integer segment, List<Confirmed> chunks) {
    }

    public record Confirmed(Integer seq, Long size, String sha256, Double clientStart, Double clientEnd) {
    }

    /**
     * One chunk's answer: {@code STORED}/{@code DUPLICATE} (forget it), {@code NOT_UPLOADED} (the object is not in
     * the store, or not whole: upload again), or {@code REFUSED} with the chunk's {@code code} (as the
     * through-the-node path would answer it).
     */
    public record ChunkResult(int seq, String outcome, String code, Instant receivedAt) {
    }

    public record ConfirmAck(TrackKind kind, int segment, List<ChunkResult> chunks, List<Integer> missing, Instant serverNow) {
    }

    private final EntityManager em;
    private final RecordingStorage storage;
    private final RecordingService recordings;
    private final UploadWindow window;
    private final RecordingPlans plans;
    private final MediaConfig config;
    private final RecordingQuota quota;

    DirectUploads(EntityManager em, RecordingStorage storage, RecordingService recordings, MediaConfig config, UploadWindow window,
                  RecordingPlans plans) {
        this.window = window;
        this.plans = plans;
        this.em = em;
        this.storage = storage;
        this.recordings = recordings;
        this.config = config;
        this.quota = RecordingQuota.of(config.quota());
    }

    /** What the checks of one request found: the track, its state and the allowance left. */
    private record Checked(UUID trackId, boolean open, long allowance, long held, Map<Integer, ChunkRecord> stored) {
    }

    /**
     * Signs one chunk's PUT: the student's own attempt, within the upload window, a track still recording, a size
     * within the limit and the track's quota, the chunk type. Refusals: NOT_FOUND, RECORDING_*, TRACK_CLOSED,
     * INVALID_SEQUENCE, INVALID_CHUNK, CHUNK_TOO_LARGE, RECORDING_QUOTA_EXCEEDED (413), NOT_WEBM (415, another
     * type), CHUNK_CONFLICT, DIRECT_UPLOAD_OFF (409, the store is local or direct uploads are off).
     */
    public UploadUrl address(UUID attemptId, UUID studentId, TrackKind kind, UploadRequest req) {
        Instant now = recordings.now();
        if (req == null || req.seq() == null || req.size() == null) {
            ownerOnly(attemptId, studentId);
            throw Problem.badRequest("INVALID_CHUNK", "Send seq, size, sha256 and contentType");
        }
        int segment = segmentOf(req.segment());
        Checked c = check(attemptId, studentId, kind, segment, List.of(req.seq()), now);
        requireOn();
        if (!CHUNK_TYPE.equals(req.contentType())) {
            throw new Problem(415, MediaError.NOT_WEBM.name(), "Chunks are uploaded as " + CHUNK_TYPE);
        }
        String sha = sha256(req.sha256());
        TrackId id = new TrackId(attemptId, kind, segment);
        Optional<ChunkRecord> duplicate;
        try {
            duplicate = admit(id, c, req.seq(), req.size(), sha, now, now);
        } catch (MediaException e) {
            throw RecordingService.problem(e);
        }
        if (duplicate.isPresent()) {
            return new UploadUrl(kind, segment, req.seq(), "DUPLICATE", null, null, Map.of(), null, now);
        }
        if (!c.open()) throw RecordingService.problem(new MediaException(MediaError.TRACK_CLOSED, "The recording is being finalised"));
        if (c.held() + req.size() > c.allowance()) throw quotaExceeded(kind, c);
        URI url = storage.directUploadUrl(id.chunkKey(req.seq()), CHUNK_TYPE, req.size(), config.directUpload().urlTtl())
                .orElseThrow(DirectUploads::off);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CHUNK_TYPE);
        return new UploadUrl(kind, segment, req.seq(), "UPLOAD", url.toString(), "PUT", headers,
                now.plus(config.directUpload().urlTtl()), now);
    }

    /**
     * Records the chunks of one segment the browser put into the store: each is looked at in the store (HEAD; the
     * size must be the declared one; chunk 0 must start with the WebM magic) and the new ones go into the ledger
     * in one transaction. The answer lists each chunk's outcome and what is missing in the segment.
     */
    public ConfirmAck confirm(UUID attemptId, UUID studentId, TrackKind kind, ConfirmRequest req) {
        Instant now = recordings.now();
        if (req == null || req.chunks() == null || req.chunks().isEmpty() || req.chunks().size() > 64) {
            ownerOnly(attemptId, studentId);
            throw Problem.badRequest("INVALID_CHUNK", "Confirm between 1 and 64 chunks of one segment");
        }
        int segment = segmentOf(req.segment());
        List<Integer> seqs = req.chunks().stream().map(ch -> ch.seq() == null ? -1 : ch.seq()).toList();
        Checked c = check(attemptId, studentId, kind, segment, seqs, now);
        requireOn();
        TrackId id = new TrackId(attemptId, kind, segment);
        List<ChunkResult> results = new ArrayList<>();
        List<ChunkRecord> fresh = new ArrayList<>();
        long adding = 0;
        for (Confirmed ch : req.chunks()) {
            int seq = ch.seq() == null ? -1 : ch.seq();
            try {
                String sha = sha256(ch.sha256());
                Instant start = instant(ch.clientStart());
                Instant end = instant(ch.clientEnd());
                long size = ch.size() == null ? 0 : ch.size();
                Optional<ChunkRecord> duplicate = admit(id, c, seq, size, sha, start, end);
                if (duplicate.isPresent()) {
                    results.add(new ChunkResult(seq, "DUPLICATE", null, duplicate.get().receivedAt()));
                    continue;
                }
                if (fresh.stream().anyMatch(f -> f.seq() == seq)) {
                    throw new MediaException(MediaError.CHUNK_CONFLICT, "Chunk " + seq + " twice in one confirmation");
                }
                String key = id.chunkKey(seq);
                long inStore = sizeInStore(key);
                if (inStore != size) {
                    // not there yet, or cut short: the browser uploads it again (its address, or a new one)
                    results.add(new ChunkResult(seq, "NOT_UPLOADED", null, null));
                    continue;
                }
                if (seq == 0 && !ChunkLedger.startsWithEbmlMagic(storage.read(key, 0, 4))) {
                    throw new MediaException(MediaError.NOT_WEBM, "Chunk 0 does not start with a WebM (EBML) header");
                }
                if (c.held() + adding + size > c.allowance()) {
                    results.add(new ChunkResult(seq, "REFUSED", MediaError.RECORDING_QUOTA_EXCEEDED.name(), null));
                    continue;
                }
                adding += size;
                fresh.add(new ChunkRecord(seq, sha, (int) size, start, end, now));
                results.add(new ChunkResult(seq, "STORED", null, now));
            } catch (MediaException e) {
                io.micrometer.core.instrument.Metrics.counter("adal.media.chunks.rejected", "reason", e.code().name()).increment();
                results.add(new ChunkResult(seq, "REFUSED", e.code().name(), null));
            } catch (Problem p) {
                results.add(new ChunkResult(seq, "REFUSED", p.code(), null));
            }
        }
        List<Integer> missing = record(c.trackId(), segment, fresh, results);
        return new ConfirmAck(kind, segment, results, missing, now);
    }

    /**
     * The new rows in one transaction (the batch); if another node recorded one of them meanwhile (the unique
     * key answers), each row again on its own, so the others are not lost and that one is answered as a duplicate.
     */
    private List<Integer> record(UUID trackId, int segment, List<ChunkRecord> fresh, List<ChunkResult> results) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                requireStillOpen(trackId);
                for (ChunkRecord r : fresh) MediaChunk.of(trackId, segment, r).persist();
                em.flush();
                return recordings.missing(trackId, segment);
            });
        } catch (RuntimeException e) {
            if (e instanceof MediaException m) throw RecordingService.problem(m);
            if (!RecordingService.isUniqueViolation(e)) throw e;
        }
        for (ChunkRecord r : fresh) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    requireStillOpen(trackId);
                    MediaChunk.of(trackId, segment, r).persist();
                    em.flush();
                });
            } catch (RuntimeException e) {
                if (e instanceof MediaException m) throw RecordingService.problem(m);
                if (!RecordingService.isUniqueViolation(e)) throw e;
                ChunkRecord there = QuarkusTransaction.requiringNew().call(() -> MediaChunk.<MediaChunk>find(
                        "trackId = ?1 and segment = ?2 and seq = ?3", trackId, segment, r.seq()).firstResult().record());
                boolean same = there.sha256().equals(r.sha256());
                results.replaceAll(x -> x.seq() != r.seq() ? x : same
                        ? new ChunkResult(r.seq(), "DUPLICATE", null, there.receivedAt())
                        : new ChunkResult(r.seq(), "REFUSED", MediaError.CHUNK_CONFLICT.name(), null));
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> recordings.missing(trackId, segment));
    }

    private void requireStillOpen(UUID trackId) {
        MediaTrack t = em.find(MediaTrack.class, trackId);
        if (!t.state.acceptsChunks()) {
            throw new MediaException(MediaError.TRACK_CLOSED, "The recording is being finalised; chunk refused");
        }
    }

    /** One transaction: whose attempt, the window, the track, the stored rows of these seqs, the bytes held. */
    private Checked check(UUID attemptId, UUID studentId, TrackKind kind, int segment, List<Integer> seqs, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AttemptRecord a = window.ownedAttempt(attemptId, studentId);  // a stranger learns nothing more
            window.requireUploadWindow(a, now);
            long allowance = quota.bytesFor(RecordingService.plannedLength(a, now), RecordingQuota.bitsPerSecond(config.recorder(), kind));
            MediaTrack t = recordings.trackFor(a.id(), kind, now);
            Map<Integer, ChunkRecord> stored = new java.util.HashMap<>();
            for (MediaChunk m : MediaChunk.<MediaChunk>list("trackId = ?1 and segment = ?2 and seq in ?3", t.id, segment, seqs)) {
                stored.put(m.seq, m.record());
            }
            long held = em.createQuery("select coalesce(sum(c.size), 0) from MediaChunk c where c.trackId = :t", Number.class)
                    .setParameter("t", t.id).getSingleResult().longValue();
            return new Checked(t.id, t.state.acceptsChunks(), allowance, held, stored);
        });
    }

    private Optional<ChunkRecord> admit(TrackId id, Checked c, int seq, long size, String sha, Instant start, Instant end) {
        ChunkRecord stored = c.stored().get(seq);
        ChunkLedger ledger = ChunkLedger.restore(new TrackLedgerState(id, stored == null ? List.of() : List.of(stored),
                c.open() ? null : Instant.EPOCH, null));
        return ledger.admitDeclared(seq, size, sha, start, end, config.maxChunkBytes());
    }

    private long sizeInStore(String key) {
        try {
            return storage.size(key);
        } catch (MediaException e) {
            if (e.code() == MediaError.NOT_FOUND) return -1;
            throw RecordingService.problem(e);
        }
    }

    private void ownerOnly(UUID attemptId, UUID studentId) {
        QuarkusTransaction.requiringNew().run(() -> window.ownedAttempt(attemptId, studentId));
    }

    private void requireOn() {
        if (!plans.directUploadsOn()) throw off();
    }

    private static Problem off() {
        return Problem.conflict("DIRECT_UPLOAD_OFF", "This server takes recording chunks itself: PUT them to the chunk address");
    }

    private static Problem quotaExceeded(TrackKind kind, Checked c) {
        return new Problem(413, MediaError.RECORDING_QUOTA_EXCEEDED.name(), "This " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " recording already holds " + c.held() + " bytes; a track may hold at most " + c.allowance());
    }

    private static int segmentOf(Integer segment) {
        int s = segment == null ? 0 : segment;
        if (s < 0 || s > TrackId.MAX_SEGMENT) {
            throw Problem.badRequest("INVALID_SEQUENCE", "Segment must be between 0 and " + TrackId.MAX_SEGMENT);
        }
        return s;
    }

    private static String sha256(String hex) {
        String h = hex == null ? "" : hex.trim().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(h).matches()) {
            throw Problem.badRequest("INVALID_CHUNK", "sha256 is the chunk's SHA-256 in 64 hex digits");
        }
        return HexFormat.of().formatHex(HexFormat.of().parseHex(h));
    }

    private static Instant instant(Double epochMillis) {
        if (epochMillis == null) throw Problem.badRequest("INVALID_CHUNK", "Send the client times clientStart and clientEnd (epoch ms)");
        return RecordingUploadResource.instant(Double.toString(epochMillis));
    }
}
