package kz.adal.audit;

import java.time.Instant;

/**
 * A signed statement "the audit log had {@code seq} rows ending in {@code hash} at {@code at}", kept outside the
 * database (a file per checkpoint, and the log stream). Someone who deletes the last rows and rewinds the head
 * can make the chain look whole, but cannot make it reach a checkpoint again without the server's private key.
 *
 * @param signer the node that signed it
 * @param keyId  the first 16 hex digits of the SHA-256 of the signing public key
 * @param jws    the compact JWS (RS256) the other fields were read from
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String signer, String keyId, String jws) {
    /** What the verify answer shows of it (no signature: it is in the file and the log). */
    public record View(long seq, String at, String signer, String keyId) {}

    public View view() {
        return new View(seq, at.toString(), signer, keyId);
    }
}
