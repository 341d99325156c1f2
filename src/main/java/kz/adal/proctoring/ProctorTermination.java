package kz.adal.proctoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Stopping a student for breaking the rules (001 §6.14): a power of "a teacher or another person with
 * academic-administrative authority". Requested by a proctor; done at once when the requester has that
 * authority, otherwise PENDING until another person with it confirms (or declines).
 */
@Entity
@Table(name = "proctor_termination")
public class ProctorTermination extends PanacheEntityBase {
    public enum State { PENDING, CONFIRMED, DECLINED }

    /** The clause every termination cites. */
    public static final String RULE = "001 §6.14";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String rule = RULE;

    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PENDING;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** UNEXCUSED once confirmed (001 §6.14). */
    public String absence;

    /** F or NONE: the institution's setting at the time (adal.proctoring.termination-grade). */
    @Column(name = "grade_effect")
    public String gradeEffect;
}
