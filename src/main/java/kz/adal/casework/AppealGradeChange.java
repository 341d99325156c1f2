package kz.adal.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A grade changed by an upheld appeal, kept as its own record with the grade before and after. The
 * attempt (or oral turn) itself carries the current grade, changed by an explicit audited method
 * ({@code AttemptInterventions.changeGradeOnAppeal}, {@code OralCasework.changeGradeOnAppeal}).
 */
@Entity
@Table(name = "appeal_grade_change")
class AppealGradeChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "turn_id")
    public UUID turnId;

    /** Percent (test) or points (oral) before. */
    @Column(name = "before_value", nullable = false)
    public String beforeValue;

    @Column(name = "before_letter")
    public String beforeLetter;

    @Column(name = "after_value", nullable = false)
    public String afterValue;

    @Column(name = "after_letter")
    public String afterLetter;

    @Column(name = "changed_by", nullable = false)
    public UUID changedBy;

    @Column(name = "changed_by_name", nullable = false)
    public String changedByName;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false, length = 4000)
    public String reason;

    public static AppealGradeChange ofAppeal(UUID appealId) {
        return find("appealId", appealId).firstResult();
    }
}
