package kz.adal.exam;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Extra time for one student with its documented basis (001 §5.8.2), approved and audited. */
@Entity
@Table(name = "accommodation")
class Accommodation extends PanacheEntityBase {
    @EmbeddedId
    public Admission.ExamStudent key;

    @Column(name = "extra_minutes", nullable = false)
    public int extraMinutes;

    @Column(nullable = false)
    public String basis;

    @Column(name = "approved_by", nullable = false)
    public UUID approvedBy;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    public static Duration extraFor(UUID examId, UUID studentId) {
        Accommodation a = findById(new Admission.ExamStudent(examId, studentId));
        return a == null ? Duration.ZERO : Duration.ofMinutes(a.extraMinutes);
    }
}
