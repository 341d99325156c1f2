package kz.adal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The hash chain rule, kept apart from storage so it is testable on its own. */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hashOf(AuditEntry e) {
        // Unit separator between fields, so "ab"+"c" and "a"+"bc" hash differently.
        String canonical = String.join("\u001f",
                e.prevHash, Long.toString(e.seq), e.at.toString(),
                s(e.actorId), e.actorLogin, e.action, e.subjectType, s(e.subjectId), s(e.scopeId),
                s(e.beforeHash), s(e.afterHash), s(e.detail));
        return sha256(canonical);
    }

    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256Bytes(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s(Object o) { return o == null ? "" : o.toString(); }

    /** A place where the log was tampered with; {@code code} names the kind for the page's own language. */
    public record Break(long seq, String problem, String code) {
        public Break(long seq, String problem) { this(seq, problem, null); }
    }

    /**
     * Checks the rows against signed checkpoints kept outside the database: every checkpoint's row must still be
     * there with the hash it had, and the log must reach the latest one. This is what catches deleting the last
     * rows and rewinding the head, which {@link #verify} alone cannot see.
     */
    public static List<Break> verifyCheckpoints(java.util.Map<Long, String> hashBySeq, long headSeq, Iterable<AuditCheckpoint> checkpoints) {
        List<Break> breaks = new ArrayList<>();
        for (AuditCheckpoint cp : checkpoints) {
            if (cp.seq() > headSeq) {
                breaks.add(new Break(cp.seq(), "the log ends at " + headSeq + " but a checkpoint signed at " + cp.at() + " by " + cp.signer()
                        + " recorded " + cp.seq() + " rows: rows were removed from the end", "TRUNCATED"));
            } else if (!cp.hash().equals(hashBySeq.get(cp.seq()))) {
                breaks.add(new Break(cp.seq(), "row " + cp.seq() + " is not the one the checkpoint signed at " + cp.at() + " recorded",
                        "CHECKPOINT_DIFFERS"));
            }
        }
        return breaks;
    }

    /**
     * Checks rows in sequence order against each other and against the recorded head
     * (the last sequence number and hash), which catches deletion at the end as well.
     */
    public static List<Break> verify(Iterable<AuditEntry> rowsInOrder, long headSeq, String headHash) {
        List<Break> breaks = new ArrayList<>();
        String prev = GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : rowsInOrder) {
            if (e.seq != expectedSeq) {
                breaks.add(new Break(expectedSeq, "rows " + expectedSeq + ".." + (e.seq - 1) + " are missing"));
            }
            if (!e.prevHash.equals(prev)) breaks.add(new Break(e.seq, "does not link to the row before it"));
            if (!hashOf(e).equals(e.hash)) breaks.add(new Break(e.seq, "content was changed after it was written"));
            prev = e.hash;
            expectedSeq = e.seq + 1;
        }
        if (expectedSeq - 1 != headSeq) breaks.add(new Break(headSeq, "the log ends at " + (expectedSeq - 1) + " but " + headSeq + " rows were written"));
        else if (headSeq > 0 && !prev.equals(headHash)) breaks.add(new Break(headSeq, "the last row differs from the recorded head"));
        return breaks;
    }
}
