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

    /** An identity check as a review shows it. */
    public record CheckRecord(IdentityCheck.Status status, IdentityCheck.Reason reason, Double similarity, Integer faceCount,
                              Instant createdAt, String decisionNote) {
    }

    /** The attempt's current check (the newest one not superseded). */
    @Transactional
    public Optional<CheckRecord> latest(UUID attemptId) {
        IdentityCheck c = IdentityCheck.latest(attemptId);
        return Optional.ofNullable(c).map(x -> new CheckRecord(x.status, x.reason, x.similarity, x.faceCount, x.createdAt, x.decisionNote));
    }
}
