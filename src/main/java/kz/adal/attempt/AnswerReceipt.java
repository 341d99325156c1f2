package kz.adal.attempt;

import kz.adal.audit.AuditChain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A receipt the student keeps: the attempt, the time, and a SHA-256 over their answers as stored,
 * signed by the server (a JWS with the token key; issuer {@code adal-receipt}, so it is never an
 * access token). Anyone verifies it against the public key at {@code /api/public/receipt-key}
 * (docs/reliability.md "Receipts"); a reviewer recomputes {@link #answersSha256} from the stored
 * answers to show they are the ones the student was given a receipt for.
 *
 * @param signed the compact JWS (header.payload.signature) carrying the same facts
 */
public record AnswerReceipt(UUID attemptId, String state, Instant issuedAt, int answered, String answersSha256, String signed) {
    public static final String ISSUER = "adal-receipt";

    /**
     * The digest over the stored answers, in paper order, one line per question:
     * {@code position:questionId:selected options (bank order):marked}. Display order and the
     * browser's numbers are left out: they do not change what was answered.
     */
    static String answersSha256(List<AttemptQuestion> rows) {
        StringBuilder text = new StringBuilder();
        rows.stream().sorted(Comparator.comparingInt(AttemptQuestion::position)).forEach(r -> text.append(r.position()).append(':')
                .append(r.questionId).append(':').append(r.selected).append(':').append(r.marked ? 1 : 0).append('\n'));
        return AuditChain.sha256(text.toString());
    }
}
