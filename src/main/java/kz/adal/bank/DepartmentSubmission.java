package kz.adal.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A draft version the author sent to the department meeting for approval (001 §5.19). */
@Entity
@Table(name = "department_submission")
class DepartmentSubmission extends PanacheEntityBase {
    @Id
    @Column(name = "version_id")
    public UUID versionId;

    @Column(name = "submitted_by", nullable = false)
    public UUID submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    public String note;
}
