package kz.adal.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The current verdict on an attempt; every revision is also kept in {@link VerdictRevision}. */
@Entity
@Table(name = "review_verdict")
class ReviewVerdict extends PanacheEntityBase {

    @Id
    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerdictRules.Verdict verdict;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public UUID decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Version
    @Column(nullable = false)
    public int version;
}
