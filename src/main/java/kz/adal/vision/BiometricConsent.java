package kz.adal.vision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A student's answer on biometrics (000 §4.7: biometric data or personal documents). */
@Entity
@Table(name = "biometric_consent")
class BiometricConsent extends PanacheEntityBase {
    @Id
    @Column(name = "student_id")
    public UUID studentId;

    @Column(nullable = false)
    public boolean given;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public UUID recordedBy;
}
