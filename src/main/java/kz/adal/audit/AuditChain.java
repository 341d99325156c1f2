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

    private static String s(Object o) { return o == null ? "" : o.toString(); }

    public record Break(long seq, String problem) {}

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
