package kz.adal.media.consent;

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

/** A student's decision on recording for one exam (Law No. 94-V). Every decision is a row; the latest counts. */
@Entity
@Table(name = "recording_consent")
class RecordingConsent extends PanacheEntityBase {

    public enum Decision { GRANTED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    /** The conduct rules of online sessions were acknowledged (001 §6.13). */
    @Column(name = "rules_acknowledged", nullable = false)
    public boolean rulesAcknowledged;

    @Column(name = "notice_version", nullable = false)
    public String noticeVersion;

    /** The retention period the student was told, e.g. P1Y. */
    @Column(nullable = false)
    public String retention;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The decision in force for this exam and student, if any. */
    public static RecordingConsent latest(UUID examId, UUID studentId) {
        return find("examId = ?1 and studentId = ?2 order by decidedAt desc", examId, studentId).firstResult();
    }
}
