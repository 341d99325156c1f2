package kz.adal.casework;

import kz.adal.platform.Lifecycle;

import kz.adal.platform.RuleViolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A student's appeal against the result of a test attempt or an oral turn (001 §6.15.4–6.15.5). Filed
 * within 48 calendar hours; heard within 2 working days of receipt; the result reaches the student
 * within 1 working day of the hearing. The deadlines are computed from {@link #filedAt} and the hearing
 * with the current working calendar ({@link AppealService}).
 */
@Entity
@Table(name = "appeal")
class Appeal extends PanacheEntityBase {

    public enum Kind { TEST, ORAL }

    /** The appeal's lifecycle (docs/domain/appeal-lifecycle.md); the verbs below take its moves. */
    public enum State implements Lifecycle<State> {
        /** Received; the commission sets the online hearing within 2 working days (001 §6.15.5). */
        FILED,
        /** The hearing is set (it may be moved while undecided). */
        HEARING_SET,
        /** Decided and signed by the chair or the deputy. Final. */
        DECIDED;

        public Set<State> next() {
            return switch (this) {
                case FILED -> EnumSet.of(HEARING_SET);
                case HEARING_SET -> EnumSet.of(HEARING_SET, DECIDED); // HEARING_SET again: the hearing is moved
                case DECIDED -> EnumSet.noneOf(State.class);
            };
        }
    }

    public enum Decision { UPHELD, REJECTED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The exam id (test) or the sitting id (oral): the audit scope. */
    @Column(name = "scope_id", nullable = false)
    public UUID scopeId;

    @Column(name = "exam_id")
    public UUID examId;

    @Column(name = "sitting_id")
    public UUID sittingId;

    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "turn_id")
    public UUID turnId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "commission_id")
    public UUID commissionId;

    @Column(nullable = false, length = 4000)
    public String reason;

    @Basic(fetch = FetchType.LAZY)
    public byte[] attachment;

    @Column(name = "attachment_name")
    public String attachmentName;

    @Column(name = "attachment_type")
    public String attachmentType;

    /** The answer receipt (compact JWS) the student filed with the appeal, if any: shown checked against the stored answers. */
    @Column(length = 4000)
    public String receipt;

    @Column(name = "exam_ended_at", nullable = false)
    public Instant examEndedAt;

    @Column(name = "result_at")
    public Instant resultAt;

    /** Receipt: the appeal reaches the chair the moment it is filed. */
    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.FILED;

    @Column(name = "hearing_at")
    public Instant hearingAt;

    @Column(name = "hearing_link")
    public String hearingLink;

    @Column(name = "hearing_set_by")
    public UUID hearingSetBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_note", length = 4000)
    public String decisionNote;

    @Column(name = "signed_by")
    public UUID signedBy;

    @Column(name = "signed_by_name")
    public String signedByName;

    /** CHAIR or DEPUTY_CHAIR (when the chair was absent). */
    @Enumerated(EnumType.STRING)
    @Column(name = "signed_as")
    public AppealSeat signedAs;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Refuses to (re)set the hearing of a decided appeal (409 APPEAL_DECIDED). */
    public void requireHearingCanBeSet() {
        if (!state.canMoveTo(State.HEARING_SET)) throw RuleViolation.conflict("APPEAL_DECIDED", "This appeal is decided");
    }

    /** FILED/HEARING_SET → HEARING_SET: the online hearing is set or moved. */
    public void setHearing(Instant at, String link, UUID by) {
        requireHearingCanBeSet();
        hearingAt = at;
        hearingLink = link;
        hearingSetBy = by;
        state = State.HEARING_SET;
    }

    /** Refuses a decision unless the hearing is set and the appeal undecided (409 APPEAL_DECIDED / APPEAL_NO_HEARING). */
    public void requireDecidable() {
        if (state == State.DECIDED) throw RuleViolation.conflict("APPEAL_DECIDED", "This appeal is already decided");
        if (!state.canMoveTo(State.DECIDED)) throw RuleViolation.conflict("APPEAL_NO_HEARING", "Set and hold the hearing first (001 §6.15.5)");
    }

    /** HEARING_SET → DECIDED: the commission's decision, signed by {@code by} as chair or deputy chair. */
    public void decide(Decision decision, String note, UUID by, String byName, AppealSeat as, Instant at) {
        requireDecidable();
        this.decision = decision;
        this.decisionNote = note;
        this.signedBy = by;
        this.signedByName = byName;
        this.signedAs = as;
        this.decidedAt = at;
        state = State.DECIDED;
    }

    public boolean isDecided() {
        return state == State.DECIDED;
    }

    /** The attempt (test) or the oral turn (oral) appealed. */
    public UUID subjectId() {
        return attemptId != null ? attemptId : turnId;
    }

    /** Says what is appealed: a test attempt in its exam or an oral turn in its sitting, and when it was held and announced. */
    void of(Kind kind, UUID subjectId, UUID scopeId, Instant endedAt, Instant resultAt) {
        this.kind = kind;
        if (kind == Kind.TEST) {
            attemptId = subjectId;
            examId = scopeId;
        } else {
            turnId = subjectId;
            sittingId = scopeId;
        }
        this.scopeId = scopeId;
        this.examEndedAt = endedAt;
        this.resultAt = resultAt;
    }

    /** The appeal against this attempt or turn, if the student filed one. */
    static Appeal about(Kind kind, UUID subjectId) {
        return find(kind == Kind.TEST ? "attemptId" : "turnId", subjectId).firstResult();
    }
}
