package kz.adal.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.adal.grading.IncompleteGrade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Grade "I" of an oral turn postponed after a technical failure, with its due date (001 §6.15.2). The
 * {@link IncompleteJob} turns it into "F" when the date has passed uncleared; a re-sit graded in time clears it.
 */
@Entity
@Table(name = "casework_incomplete")
class Incomplete extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "turn_id", nullable = false)
    public UUID turnId;

    @Column(name = "act_id")
    public UUID actId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    /** The sitting (audit scope). */
    @Column(name = "scope_id", nullable = false)
    public UUID scopeId;

    @Column(name = "awarded_on", nullable = false)
    public LocalDate awardedOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** "I", "F", or the clearing grade. */
    @Column(nullable = false)
    public String grade;

    @Column(name = "cleared_on")
    public LocalDate clearedOn;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public IncompleteGrade rule() {
        return new IncompleteGrade(awardedOn, dueOn, clearedOn, clearedOn == null ? null : grade);
    }

    /** The job's rule: an uncleared I whose due date has passed (the due date itself is still in time) lapses to F. */
    public boolean lapsesOn(LocalDate today) {
        return IncompleteGrade.INCOMPLETE.equals(grade) && clearedOn == null
                && IncompleteGrade.FAIL.equals(rule().effectiveGrade(today));
    }
}
