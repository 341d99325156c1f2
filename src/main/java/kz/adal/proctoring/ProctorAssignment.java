package kz.adal.proctoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A proctor watches a whole exam (every attempt of it) or one attempt. */
@Entity
@Table(name = "proctor_assignment")
class ProctorAssignment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "proctor_id", nullable = false)
    public UUID proctorId;

    @Column(name = "exam_id")
    public UUID examId;

    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "assigned_by", nullable = false)
    public UUID assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;
}
