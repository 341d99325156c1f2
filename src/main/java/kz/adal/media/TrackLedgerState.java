package kz.adal.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The whole persistent state of a track's chunk ledger, for the lead to store in the database and
 * hand back to {@link ChunkLedger#restore}. Chunks are sorted by seq.
 *
 * @param closedAt           when the track was closed, or null while open
 * @param declaredChunkCount how many chunks the client said it sent when closing, or null if unknown
 */
public record TrackLedgerState(TrackId track, List<ChunkRecord> chunks, Instant closedAt, Integer declaredChunkCount) {

    public TrackLedgerState {
        Objects.requireNonNull(track, "track");
        chunks = chunks.stream().sorted(Comparator.comparingInt(ChunkRecord::seq)).toList();
        if (declaredChunkCount != null && declaredChunkCount < 0) {
            throw new IllegalArgumentException("declaredChunkCount must not be negative");
        }
    }

    public boolean closed() {
        return closedAt != null;
    }
}
