package kz.adal.media;

import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger remembers about one stored chunk — one row of the lead's chunk table
 * ({@code track, seq} unique).
 *
 * @param clientStart the client's clock when the chunk's media began (MediaRecorder start or previous blob)
 * @param clientEnd   the client's clock when the blob was delivered ({@code dataavailable})
 * @param receivedAt  the server's clock when the chunk was first stored
 */
public record ChunkRecord(int seq, String sha256, int size, Instant clientStart, Instant clientEnd,
                          Instant receivedAt) {

    public ChunkRecord {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(clientStart, "clientStart");
        Objects.requireNonNull(clientEnd, "clientEnd");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
