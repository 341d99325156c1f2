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

/** A reviewer's decision on one flag of an attempt: confirmed or dismissed, with a comment. Changes nothing in the grade. */
@Entity
@Table(name = "review_flag_decision")
class FlagDecision extends PanacheEntityBase {

    public enum Decision { CONFIRMED, DISMISSED }

    @Id
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    /** {@code TYPE@epochMillis} of the flag's start (flags are computed from events, not stored). */
    @Column(name = "flag_key", nullable = false)
    public String flagKey;

    @Column(name = "flag_type", nullable = false)
    public String flagType;

    @Column(name = "flag_start", nullable = false)
    public Instant flagStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(nullable = false)
    public String comment;

    @Column(name = "decided_by", nullable = false)
    public UUID decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Version
    @Column(nullable = false)
    public int version;
}
