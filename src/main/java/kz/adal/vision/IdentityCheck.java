package kz.adal.vision;

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
import java.util.UUID;

/** One identity check before an attempt starts (000 §4.5): the captured frame and its result. */
@Entity
@Table(name = "identity_check")
class IdentityCheck extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentityChecks.Status status;

    @Enumerated(EnumType.STRING)
    public IdentityChecks.Reason reason;

    public Double similarity;

    @Column(name = "face_count")
    public Integer faceCount;

    public byte[] frame;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    /** The attempt's current check (the newest one not superseded), or null. */
    public static IdentityCheck latest(UUID attemptId) {
        return find("attemptId = ?1 and status <> ?2 order by createdAt desc", attemptId, IdentityChecks.Status.SUPERSEDED).firstResult();
    }
}
