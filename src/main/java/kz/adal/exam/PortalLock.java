package kz.adal.exam;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The portal administrator's lock of an academic period after the intermediate-control deadline: task
 * bases and teacher grading are closed (001 §5.31). Valid individual sheets are exempt (001 §5.34–5.35).
 * What it blocks here: starting a control (current or intermediate) of that period, and teachers'
 * grades on anything but a valid individual sheet. See docs/domain/exam-window.md.
 */
@Entity
@Table(name = "portal_lock")
class PortalLock extends PanacheEntityBase {
    @Id
    @Column(name = "academic_period")
    public String academicPeriod;

    @Column(name = "locked_at", nullable = false)
    public Instant lockedAt;

    @Column(name = "locked_by", nullable = false)
    public UUID lockedBy;

    public String note;

    /** Whether the period is locked at {@code now}. */
    public static boolean isLocked(String academicPeriod, Instant now) {
        PortalLock lock = findById(academicPeriod);
        return lock != null && !now.isBefore(lock.lockedAt);
    }

    /** Which kinds the lock closes: the control tasks, not the session exam that follows the deadline. */
    public static boolean closes(AssessmentKind kind) {
        return kind == AssessmentKind.CURRENT_CONTROL || kind == AssessmentKind.INTERMEDIATE_CONTROL;
    }
}
