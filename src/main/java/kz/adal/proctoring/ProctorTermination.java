package kz.adal.proctoring;

import kz.adal.platform.Lifecycle;

import kz.adal.platform.RuleViolation;

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
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Stopping a student for breaking the rules (001 §6.14): a power of "a teacher or another person with
 * academic-administrative authority". Requested by a proctor; done at once when the requester has that
 * authority, otherwise PENDING until another person with it confirms (or declines).
 */
@Entity
@Table(name = "proctor_termination")
class ProctorTermination extends PanacheEntityBase {
    /** The request's lifecycle (docs/domain/termination-lifecycle.md); the verbs below take its moves. */
    public enum State implements Lifecycle<State> {
        /** Requested by a proctor without the authority; waits for a second person who has it. */
        PENDING,
        /** Confirmed (at once when the requester has the authority): the attempt is terminated. Final. */
        CONFIRMED,
        /** Declined by a person with the authority; the attempt goes on. Final. */
        DECLINED;

        public Set<State> next() {
            return this == PENDING ? EnumSet.of(CONFIRMED, DECLINED) : EnumSet.noneOf(State.class);
        }
    }

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

    /** Refuses unless the request still waits for a decision (409 TERMINATION_DECIDED). */
    public void requirePending() {
        if (state != State.PENDING) throw RuleViolation.conflict("TERMINATION_DECIDED", "The request is already " + state);
    }

    /**
     * PENDING → CONFIRMED: the student is stopped; an unexcused absence is recorded (001 §6.14) with the
     * institution's grade effect at the time.
     */
    public void confirm(UUID by, Instant at, String gradeEffect) {
        decide(State.CONFIRMED, by, at);
        absence = "UNEXCUSED";
        this.gradeEffect = gradeEffect;
    }

    /** PENDING → DECLINED: the attempt goes on. */
    public void decline(UUID by, Instant at) {
        decide(State.DECLINED, by, at);
    }

    private void decide(State target, UUID by, Instant at) {
        if (!state.canMoveTo(target)) throw RuleViolation.conflict("TERMINATION_DECIDED", "The request is already " + state);
        state = target;
        decidedBy = by;
        decidedAt = at;
    }
}
