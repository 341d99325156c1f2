package kz.adal.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exactly-once rules for one track's chunks, with no storage of its own: which sequence numbers
 * are stored, with which hash, size and client times, and whether the track is closed. The state is
 * a plain record ({@link #state()}, {@link #restore}) the lead keeps in a database table.
 *
 * <p>Rules (checked in this order by {@link #admit}):
 * <ol>
 *   <li>seq must be 0 ≤ seq ≤ {@link #MAX_SEQ} ({@link MediaError#INVALID_SEQUENCE});</li>
 *   <li>the payload must be non-empty, at most the size limit ({@link MediaError#CHUNK_TOO_LARGE}),
 *       with clientStart ≤ clientEnd ({@link MediaError#INVALID_CHUNK});</li>
 *   <li>a seq already stored: identical sha256 → acknowledged again as a duplicate (even after close:
 *       it changes nothing); different bytes → {@link MediaError#CHUNK_CONFLICT};</li>
 *   <li>a new seq on a closed track → {@link MediaError#TRACK_CLOSED};</li>
 *   <li>chunk 0 must start with the EBML magic {@code 1A 45 DF A3}, a later chunk must carry WebM cluster
 *       content ({@link WebmChunks#carriesClusterContent}) ({@link MediaError#NOT_WEBM}).</li>
 * </ol>
 * Chunks may arrive in any order; {@link #missing()} lists the holes.
 */
public final class ChunkLedger {

    /** Upper bound for seq: 100 000 one-second chunks is 27 hours, far beyond any sitting. */
    public static final int MAX_SEQ = 100_000;

    static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private final TrackId track;
    private final TreeMap<Integer, ChunkRecord> chunks = new TreeMap<>();
    private Instant closedAt;
    private Integer declaredChunkCount;

    private ChunkLedger(TrackId track) {
        this.track = track;
    }

    /** A new, empty, open ledger. */
    public static ChunkLedger open(TrackId track) {
        return new ChunkLedger(track);
    }

    /** Rebuilds a ledger from persisted state. */
    public static ChunkLedger restore(TrackLedgerState state) {
        ChunkLedger ledger = new ChunkLedger(state.track());
        for (ChunkRecord chunk : state.chunks()) {
            if (ledger.chunks.put(chunk.seq(), chunk) != null) {
                throw new IllegalArgumentException("Duplicate seq " + chunk.seq() + " in persisted state");
            }
        }
        ledger.closedAt = state.closedAt();
        ledger.declaredChunkCount = state.declaredChunkCount();
        return ledger;
    }

    public TrackId track() {
        return track;
    }

    /**
     * Checks an incoming chunk against the rules. Returns the stored record when this is a byte-identical
     * re-send (acknowledge, store nothing), empty when the chunk is new and may be stored; throws
     * {@link MediaException} when it must be refused.
     */
    public synchronized Optional<ChunkRecord> admit(ChunkUpload upload, String sha256, long maxChunkBytes) {
        int seq = upload.seq();
        byte[] bytes = upload.bytes();
        Optional<ChunkRecord> duplicate = admitDeclared(seq, bytes.length, sha256, upload.clientStart(), upload.clientEnd(), maxChunkBytes);
        if (duplicate.isPresent()) {
            return duplicate;
        }
        if (seq == 0 && !startsWithEbmlMagic(bytes)) {
            throw new MediaException(MediaError.NOT_WEBM, "Chunk 0 does not start with a WebM (EBML) header");
        }
        if (seq > 0 && !WebmChunks.carriesClusterContent(bytes)) {
            throw new MediaException(MediaError.NOT_WEBM, "Chunk " + seq + " carries no WebM cluster content");
        }
        return Optional.empty();
    }

    /**
     * The rules that need no bytes, for a chunk the browser uploads straight to the object store: what it
     * declares (seq, size, sha256, client times) against the limits and what is stored. The content rule (the
     * EBML magic of chunk 0) is the caller's, once the object is there; everything else is as {@link #admit}.
     */
    public synchronized Optional<ChunkRecord> admitDeclared(int seq, long size, String sha256, Instant clientStart,
                                                            Instant clientEnd, long maxChunkBytes) {
        if (seq < 0 || seq > MAX_SEQ) {
            throw new MediaException(MediaError.INVALID_SEQUENCE,
                    "Chunk sequence number must be between 0 and " + MAX_SEQ + ", was " + seq);
        }
        if (size <= 0) {
            throw new MediaException(MediaError.INVALID_CHUNK, "Chunk " + seq + " is empty");
        }
        if (size > maxChunkBytes) {
            throw new MediaException(MediaError.CHUNK_TOO_LARGE, "Chunk " + seq + " has " + size
                    + " bytes; the limit is " + maxChunkBytes);
        }
        if (clientStart == null || clientEnd == null || clientEnd.isBefore(clientStart)) {
            throw new MediaException(MediaError.INVALID_CHUNK, "Chunk " + seq + " ends before it starts");
        }
        ChunkRecord existing = chunks.get(seq);
        if (existing != null) {
            if (existing.sha256().equals(sha256)) {
                return Optional.of(existing);
            }
            throw new MediaException(MediaError.CHUNK_CONFLICT, "Chunk " + seq
                    + " was already stored with different content");
        }
        if (closedAt != null) {
            throw new MediaException(MediaError.TRACK_CLOSED, "Track " + track.kind() + " of attempt "
                    + track.attemptId() + " is closed; chunk " + seq + " refused");
        }
        return Optional.empty();
    }

    /** Records a chunk after its bytes were stored; {@link #admit} must have said it was new. */
    public synchronized void record(ChunkRecord chunk) {
        ChunkRecord previous = chunks.putIfAbsent(chunk.seq(), chunk);
        if (previous != null && !previous.sha256().equals(chunk.sha256())) {
            throw new MediaException(MediaError.CHUNK_CONFLICT, "Chunk " + chunk.seq()
                    + " was already stored with different content");
        }
    }

    /**
     * Closes the track: no new chunks afterwards. {@code declaredChunkCount} is the number of chunks the
     * client says it produced (null if unknown, e.g. the browser was closed); with it, missing trailing
     * chunks become visible in {@link #missing()}. Closing again with the same count is a no-op.
     */
    public synchronized void close(Integer declaredChunkCount, Instant now) {
        if (closedAt != null) {
            if (java.util.Objects.equals(this.declaredChunkCount, declaredChunkCount) || declaredChunkCount == null) {
                return;
            }
            throw new MediaException(MediaError.TRACK_CLOSED, "Track is already closed with "
                    + this.declaredChunkCount + " chunks declared");
        }
        if (declaredChunkCount != null && (declaredChunkCount < 0 || declaredChunkCount > MAX_SEQ + 1
                || (!chunks.isEmpty() && declaredChunkCount <= chunks.lastKey()))) {
            throw new MediaException(MediaError.INVALID_SEQUENCE, "Declared chunk count " + declaredChunkCount
                    + " contradicts the chunks already stored");
        }
        this.closedAt = now;
        this.declaredChunkCount = declaredChunkCount;
    }

    public synchronized boolean closed() {
        return closedAt != null;
    }

    public synchronized Optional<ChunkRecord> chunk(int seq) {
        return Optional.ofNullable(chunks.get(seq));
    }

    /** Stored chunks in seq order. */
    public synchronized List<ChunkRecord> chunks() {
        return List.copyOf(chunks.values());
    }

    /**
     * Sequence numbers not stored: below the highest stored seq, or below the declared count once the
     * client declared one at close.
     */
    public synchronized List<Integer> missing() {
        int end = declaredChunkCount != null ? declaredChunkCount : (chunks.isEmpty() ? 0 : chunks.lastKey() + 1);
        List<Integer> missing = new ArrayList<>();
        for (int seq = 0; seq < end; seq++) {
            if (!chunks.containsKey(seq)) {
                missing.add(seq);
            }
        }
        return missing;
    }

    public synchronized TrackLedgerState state() {
        return new TrackLedgerState(track, List.copyOf(chunks.values()), closedAt, declaredChunkCount);
    }

    static boolean startsWithEbmlMagic(byte[] bytes) {
        if (bytes.length < EBML_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < EBML_MAGIC.length; i++) {
            if (bytes[i] != EBML_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
