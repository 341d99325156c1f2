package kz.adal.media;

import java.time.Instant;
import java.util.Objects;

/**
 * One chunk as the client sends it.
 *
 * @param seq         0-based position in the track, assigned by the client in recording order
 * @param bytes       the MediaRecorder blob, unchanged
 * @param clientStart client clock at the start of the blob's media
 * @param clientEnd   client clock when the blob was delivered
 */
public record ChunkUpload(int seq, byte[] bytes, Instant clientStart, Instant clientEnd) {

    public ChunkUpload {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(clientStart, "clientStart");
        Objects.requireNonNull(clientEnd, "clientEnd");
    }
}
