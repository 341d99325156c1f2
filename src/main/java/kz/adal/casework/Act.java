package kz.adal.casework;

import kz.adal.platform.Lifecycle;

import kz.adal.platform.RuleViolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An electronic act of technical failure (001 §6.15.6): drafted from the evidence, completed and signed by
 * the technical secretary (or a proctor of the test), then decided by the commission's vote. Immutable once
 * signed except for the decision.
 */
@Entity
@Table(name = "casework_act")
class Act extends PanacheEntityBase {

    /** A test attempt or an oral turn. */
    public enum Kind {
        TEST(EnumSet.of(ActDecision.RESUME, ActDecision.VOID, ActDecision.REJECT)),
        ORAL(EnumSet.of(ActDecision.RESIT, ActDecision.REJECT));

        /** What the commission may decide: resume the same attempt with time credited, void it (and open an individual sheet), another time (oral), or no failure established. */
        public final Set<ActDecision> options;

        Kind(Set<ActDecision> options) {
            this.options = java.util.Collections.unmodifiableSet(options);
        }
    }

    /** The act's lifecycle (docs/domain/act-lifecycle.md); the verbs below take its moves. */
    public enum State implements Lifecycle<State> {
        /** Drafted from the evidence; the technical secretary completes the text. */
        DRAFT,
        /** Signed and sent to every commission member (001 §6.15.6); immutable but for the decision; members vote. */
        SIGNED,
        /** The commission's decision is recorded and carried out. Final. */
        DECIDED;

        public Set<State> next() {
            return switch (this) {
                case DRAFT -> EnumSet.of(SIGNED);
                case SIGNED -> EnumSet.of(DECIDED);
                case DECIDED -> EnumSet.noneOf(State.class);
            };
        }

        /** Only the drafted text may still change. */
        public boolean isEditable() {
            return this == DRAFT;
        }

        /** Members vote while the act is signed and undecided. */
        public boolean acceptsVotes() {
            return this == SIGNED;
        }
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** The audit scope: the exam for a test, the sitting for an oral exam. */
    @Column(name = "scope_id", nullable = false)
    public UUID scopeId;

    @Column(name = "exam_id")
    public UUID examId;

    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "sitting_id")
    public UUID sittingId;

    @Column(name = "turn_id")
    public UUID turnId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    /** The drafted evidence ({@link ActDraft.Result}) as JSON, frozen at drafting. */
    @Column(nullable = false, length = 20000)
    public String evidence;

    @Column(name = "lost_seconds", nullable = false)
    public long lostSeconds;

    @Column(name = "what_happened", length = 4000)
    public String whatHappened;

    @Column(length = 4000)
    public String effect;

    @Column(length = 4000)
    public String measures;

    @Column(name = "drafted_by")
    public UUID draftedBy;

    @Column(name = "drafted_at", nullable = false)
    public Instant draftedAt;

    @Column(name = "signed_by")
    public UUID signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Enumerated(EnumType.STRING)
    public ActDecision decision;

    @Column(name = "decision_reason", length = 2000)
    public String decisionReason;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "credited_seconds")
    public Long creditedSeconds;

    @Column(name = "sheet_id")
    public UUID sheetId;

    @Column(name = "resit_turn_id")
    public UUID resitTurnId;

    /** A new act in DRAFT, drafted by {@code by} (a person, or the secretary of an oral sitting) at {@code at}. */
    public static Act draft(Kind kind, UUID studentId, UUID by, Instant at) {
        Act act = new Act();
        act.id = UUID.randomUUID();
        act.kind = kind;
        act.state = State.DRAFT;
        act.studentId = studentId;
        act.draftedBy = by;
        act.draftedAt = at;
        return act;
    }

    /** The drafted text is completed; refused once signed (409 ACT_SIGNED). */
    public void edit(String whatHappened, String effect, String measures) {
        requireEditable();
        this.whatHappened = whatHappened;
        this.effect = effect;
        this.measures = measures;
    }

    /** Refuses once signed (409 ACT_SIGNED): the act is then immutable. */
    public void requireEditable() {
        if (!state.isEditable()) throw RuleViolation.conflict("ACT_SIGNED", "A signed act can't be changed");
    }

    /** DRAFT → SIGNED: from now on immutable but for the decision (409 ACT_SIGNED when already signed). */
    public void sign(UUID by, Instant at) {
        if (!state.canMoveTo(State.SIGNED)) throw RuleViolation.conflict("ACT_SIGNED", "The act is already signed");
        state = State.SIGNED;
        signedBy = by;
        signedAt = at;
    }

    /** Refuses a vote unless the act is signed and undecided (409 ACT_NOT_VOTING). */
    public void requireVoting() {
        if (!state.acceptsVotes()) {
            throw RuleViolation.conflict("ACT_NOT_VOTING", state == State.DRAFT ? "The act is not signed yet" : "The act is already decided");
        }
    }

    /** SIGNED → DECIDED: the chair records the commission's decision (409 ACT_NOT_VOTING otherwise). */
    public void decide(ActDecision decision, String reason, UUID by, Instant at) {
        if (!state.canMoveTo(State.DECIDED)) throw RuleViolation.conflict("ACT_NOT_VOTING", "Only a signed, undecided act is decided");
        this.decision = decision;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
        state = State.DECIDED;
    }

    public boolean isOpen() {
        return state != State.DECIDED;
    }

    public static List<Act> forAttempt(UUID attemptId) {
        return list("attemptId = ?1 order by draftedAt", attemptId);
    }

    /** The attempt (test) or the oral turn (oral) the act is about. */
    public UUID subjectId() {
        return attemptId != null ? attemptId : turnId;
    }
}
