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

    /** The chunk's SHA-256 in hex: how the ledger tells a resent chunk from a different one with the same seq. */
    public String sha256Hex() {
        return sha256Hex(bytes);
    }

    static String sha256Hex(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
