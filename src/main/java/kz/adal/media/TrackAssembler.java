package kz.adal.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Receives a track's chunks into a {@link RecordingStorage}, one object per chunk
 * ({@link TrackId#chunkKey}), applying the {@link ChunkLedger} rules so each chunk is stored exactly once.
 *
 * <p>Protocol: the client sends {@code (seq, bytes, clientStart, clientEnd)} and keeps the chunk until it
 * gets a receipt. The bytes are written (durably, see the storage's fsync policy) <em>before</em> the ledger
 * records them and before the receipt is returned, so a receipt always means "stored". A lost receipt
 * makes the client re-send; the identical re-send is answered {@link ChunkReceipt.Outcome#DUPLICATE}
 * without writing. If the server dies between writing the object and recording it, the re-send simply
 * overwrites the unacknowledged object.
 *
 * <p>One assembler guards one track inside one JVM (its methods are synchronized). With several nodes
 * the lead makes {@code (attempt, kind, seq)} unique in the chunk table and inserts the
 * {@link ChunkReceipt#record()} in the same transaction as it calls {@link #accept}.
 */
public final class TrackAssembler {

    /** Default largest chunk: 2 MiB, about a minute of camera at the default bitrate. */
    public static final long DEFAULT_MAX_CHUNK_BYTES = 2L * 1024 * 1024;

    private final RecordingStorage storage;
    private final ChunkLedger ledger;
    private final long maxChunkBytes;

    public TrackAssembler(RecordingStorage storage, ChunkLedger ledger, long maxChunkBytes) {
        if (maxChunkBytes <= 0) {
            throw new IllegalArgumentException("maxChunkBytes must be positive");
        }
        this.storage = storage;
        this.ledger = ledger;
        this.maxChunkBytes = maxChunkBytes;
    }

    public TrackAssembler(RecordingStorage storage, ChunkLedger ledger) {
        this(storage, ledger, DEFAULT_MAX_CHUNK_BYTES);
    }

    public TrackId track() {
        return ledger.track();
    }

    /** Stores a chunk exactly once, or refuses it with a {@link MediaException} carrying the reason. */
    public synchronized ChunkReceipt accept(ChunkUpload upload, Instant receivedAt) {
        String sha256 = upload.sha256Hex();
        Optional<ChunkRecord> duplicate = ledger.admit(upload, sha256, maxChunkBytes);
        if (duplicate.isPresent()) {
            return new ChunkReceipt(upload.seq(), ChunkReceipt.Outcome.DUPLICATE, duplicate.get(), ledger.missing());
        }
        storage.write(track().chunkKey(upload.seq()), upload.bytes());
        ChunkRecord record = new ChunkRecord(upload.seq(), sha256, upload.bytes().length, upload.clientStart(),
                upload.clientEnd(), receivedAt);
        ledger.record(record);
        return new ChunkReceipt(upload.seq(), ChunkReceipt.Outcome.STORED, record, ledger.missing());
    }

    /** See {@link ChunkLedger#close}. */
    public synchronized void close(Integer declaredChunkCount, Instant now) {
        ledger.close(declaredChunkCount, now);
    }

    public List<Integer> missing() {
        return ledger.missing();
    }

    public TrackLedgerState state() {
        return ledger.state();
    }

    /**
     * Deletes the chunk objects of a closed track (after a successful finalisation, when the lead
     * decides the raw chunks are no longer needed). Returns how many were deleted.
     */
    public synchronized int deleteChunks() {
        if (!ledger.closed()) {
            throw new MediaException(MediaError.TRACK_CLOSED, "Only a closed track's chunks can be deleted");
        }
        int deleted = 0;
        for (ChunkRecord chunk : ledger.chunks()) {
            if (storage.delete(track().chunkKey(chunk.seq()))) {
                deleted++;
            }
        }
        return deleted;
    }
}
