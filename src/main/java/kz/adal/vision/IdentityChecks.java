package kz.adal.vision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What other features read about an attempt's identity check, as a record (the {@link IdentityCheck} entity stays
 * this feature's own; docs/architecture.md, "Feature boundaries").
 */
@ApplicationScoped
public class IdentityChecks {
    /** Where a check stands; other features read it (a review's report labels it). */
    public enum Status {
        /** The face matched the reference: the gate passes. */
        PASSED,
        /** Waiting for a proctor to compare by hand. */
        PENDING,
        APPROVED,
        DENIED,
        /** A later check of the same attempt replaced this one. */
        SUPERSEDED;

        public boolean lets() { return this == PASSED || this == APPROVED; }
    }

    /** Why the automatic check could not pass; the proctor sees it. */
    public enum Reason { MISMATCH, NO_FACE, MULTIPLE_FACES, NO_REFERENCE, MODELS_ABSENT, BIOMETRICS_REFUSED, UNREADABLE_FRAME }

    /** An identity check as a review shows it. */
    public record CheckRecord(Status status, Reason reason, Double similarity, Integer faceCount,
                              Instant createdAt, String decisionNote) {
    }

    /** The attempt's current check (the newest one not superseded). */
    @Transactional
    public Optional<CheckRecord> latest(UUID attemptId) {
        IdentityCheck c = IdentityCheck.latest(attemptId);
        return Optional.ofNullable(c).map(x -> new CheckRecord(x.status, x.reason, x.similarity, x.faceCount, x.createdAt, x.decisionNote));
    }
}
