package kz.adal.casework.absence;

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
 * A student's application about an absence for a valid reason from an oral sitting (001 §6.15.3):
 * addressed to the commission chair via the deputy dean, with a scanned document. APPLIED → FORWARDED
 * (by the dean's office) → ALLOWED (a re-sit turn on another sitting day) or NOT_ALLOWED (the chair's visa).
 */
@Entity
@Table(name = "absence_application")
class AbsenceApplication extends PanacheEntityBase {

    /** The application's lifecycle (docs/domain/absence-lifecycle.md); the verbs below take its moves. */
    public enum State implements Lifecycle<State> {
        /** Filed by the student with the scanned document (001 §6.15.3). */
        APPLIED,
        /** Forwarded by the dean's office to the commission's chair. */
        FORWARDED,
        /** The chair's visa: allowed; a re-sit on another sitting day. Final. */
        ALLOWED,
        /** The chair's visa: not allowed (with the reason). Final. */
        NOT_ALLOWED;

        public Set<State> next() {
            return switch (this) {
                case APPLIED -> EnumSet.of(FORWARDED);
                case FORWARDED -> EnumSet.of(ALLOWED, NOT_ALLOWED);
                case ALLOWED, NOT_ALLOWED -> EnumSet.noneOf(State.class);
            };
        }

        public boolean isDecided() {
            return this == ALLOWED || this == NOT_ALLOWED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "sitting_id", nullable = false)
    public UUID sittingId;

    @Column(name = "turn_id", nullable = false)
    public UUID turnId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(nullable = false, length = 4000)
    public String reason;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] document;

    @Column(name = "document_name", nullable = false)
    public String documentName;

    @Column(name = "document_type", nullable = false)
    public String documentType;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.APPLIED;

    @Column(name = "forwarded_by")
    public UUID forwardedBy;

    @Column(name = "forwarded_by_name")
    public String forwardedByName;

    @Column(name = "forwarded_at")
    public Instant forwardedAt;

    @Column(name = "forward_note")
    public String forwardNote;

    /** The chair's visa: who signed and when. */
    @Column(name = "visa_by")
    public UUID visaBy;

    @Column(name = "visa_by_name")
    public String visaByName;

    @Column(name = "visa_at")
    public Instant visaAt;

    @Column(name = "visa_note")
    public String visaNote;

    @Column(name = "resit_turn_id")
    public UUID resitTurnId;

    @Column(name = "resit_sitting_id")
    public UUID resitSittingId;

    /** APPLIED → FORWARDED by the dean's office (409 ABSENCE_STATE once forwarded). */
    public void forward(UUID by, String byName, String note, Instant at) {
        if (!state.canMoveTo(State.FORWARDED)) throw RuleViolation.conflict("ABSENCE_STATE", "This application has already been forwarded");
        forwardedBy = by;
        forwardedByName = byName;
        forwardedAt = at;
        forwardNote = note;
        state = State.FORWARDED;
    }

    /** Refuses the visa unless forwarded and undecided (409 ABSENCE_NOT_FORWARDED / ABSENCE_DECIDED). */
    public void requireVisaPending() {
        if (state == State.APPLIED) {
            throw RuleViolation.conflict("ABSENCE_NOT_FORWARDED", "The application reaches the chair via the dean's office: it has not been forwarded yet");
        }
        if (!state.canMoveTo(State.ALLOWED)) throw RuleViolation.conflict("ABSENCE_DECIDED", "The visa has already been given");
    }

    /** FORWARDED → ALLOWED / NOT_ALLOWED: the chair's visa, signed with the chair's name and the time. */
    public void visa(boolean allowed, UUID by, String byName, String note, Instant at) {
        requireVisaPending();
        state = allowed ? State.ALLOWED : State.NOT_ALLOWED;
        visaBy = by;
        visaByName = byName;
        visaAt = at;
        visaNote = note;
    }
}
