package kz.adal.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The department meeting that approved a version (001 §5.19): its date and minutes number. */
@Entity
@Table(name = "department_approval")
class DepartmentApproval extends PanacheEntityBase {
    @Id
    @Column(name = "version_id")
    public UUID versionId;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    @Column(name = "minutes_number", nullable = false)
    public String minutesNumber;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
