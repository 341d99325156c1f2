package kz.adal.vision;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.UUID;

/**
 * Identity checks recorded behind the gate for the tests of other features (a proctor's queue, a review), which may
 * not name {@code IdentityCheck} (package-private, kept so by ArchitectureTest). Each call commits on its own.
 */
public final class VisionRows {
    private VisionRows() {
    }

    /** A check as the vision gate records it before the start; {@code frame} may be null. */
    public record Check(UUID attemptId, UUID examId, UUID studentId, IdentityChecks.Status status, IdentityChecks.Reason reason,
                        Double similarity, Integer faceCount, byte[] frame, Instant createdAt) {
    }

    public static UUID check(Check k) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdentityCheck c = new IdentityCheck();
            c.attemptId = k.attemptId();
            c.examId = k.examId();
            c.studentId = k.studentId();
            c.status = k.status();
            c.reason = k.reason();
            c.similarity = k.similarity();
            c.faceCount = k.faceCount();
            c.frame = k.frame();
            c.createdAt = k.createdAt();
            c.persist();
            return c.id;
        });
    }
}
