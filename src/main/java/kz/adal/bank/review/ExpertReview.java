package kz.adal.bank.review;

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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * An expert's review of one bank version against the three criteria of 001 §5.25, ending in a
 * conclusion (001 §5.26) valid for one academic year. A re-review is a new row; history stays.
 */
@Entity
@Table(name = "expert_review")
class ExpertReview extends PanacheEntityBase {
    /** The review's lifecycle (docs/domain/expert-review-lifecycle.md); the verbs below take its moves. */
    public enum State implements Lifecycle<State> {
        /** The head of department assigned the expert (not a compiler, 001 §5.24); the expert comments. */
        ASSIGNED,
        /** The signed conclusion (001 §5.26). Final: a re-review is a new row. */
        CONCLUDED;

        public Set<State> next() {
            return this == ASSIGNED ? EnumSet.of(CONCLUDED) : EnumSet.noneOf(State.class);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(name = "expert_id", nullable = false)
    public UUID expertId;

    @Column(name = "assigned_by", nullable = false)
    public UUID assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.ASSIGNED;

    /** e.g. "2026-2027": September to August. */
    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    /** Conformity with the standard and programmes (001 §5.25). */
    @Column(name = "conformity_ok")
    public Boolean conformityOk;

    /** Difficulty level appropriate (001 §5.25). */
    @Column(name = "difficulty_ok")
    public Boolean difficultyOk;

    /** Correct and unambiguous wording (001 §5.25). */
    @Column(name = "wording_ok")
    public Boolean wordingOk;

    @Column(name = "overall_comment")
    public String overallComment;

    @Enumerated(EnumType.STRING)
    public Conclusion conclusion;

    /** May be used for computer testing (001 §5.26). */
    @Column(name = "for_computer")
    public Boolean forComputer;

    /** May be used for written testing (001 §5.26). */
    @Column(name = "for_written")
    public Boolean forWritten;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    /** Refuses any writing once concluded (409 REVIEW_CONCLUDED). */
    public void requireOpen() {
        if (!state.canMoveTo(State.CONCLUDED)) {
            throw RuleViolation.conflict("REVIEW_CONCLUDED", "The conclusion is signed; a re-review makes a new conclusion (001 §5.26)");
        }
    }

    /**
     * ASSIGNED → CONCLUDED: the signed conclusion on the three criteria (001 §5.25), valid for computer and/or
     * written testing (001 §5.26) from {@code validFrom} through {@code validUntil}.
     */
    public void conclude(boolean conformity, boolean difficulty, boolean wording, String comment, Conclusion conclusion,
                         boolean computer, boolean written, LocalDate validFrom, LocalDate validUntil, Instant at) {
        requireOpen();
        conformityOk = conformity;
        difficultyOk = difficulty;
        wordingOk = wording;
        overallComment = comment;
        this.conclusion = conclusion;
        forComputer = conclusion == Conclusion.FIT && computer;
        forWritten = conclusion == Conclusion.FIT && written;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        concludedAt = at;
        state = State.CONCLUDED;
    }

    /** A positive conclusion for computer testing that covers the given day. */
    public boolean allowsComputerTestingOn(LocalDate day) {
        return state == State.CONCLUDED && conclusion == Conclusion.FIT && Boolean.TRUE.equals(forComputer)
                && validFrom != null && validUntil != null && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
