package kz.adal.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One revision of an attempt's verdict (the history: never changed or deleted). */
@Entity
@Table(name = "review_verdict_revision")
class VerdictRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerdictRules.Verdict verdict;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public UUID decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
