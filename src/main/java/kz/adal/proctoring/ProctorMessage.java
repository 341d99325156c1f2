package kz.adal.proctoring;

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

/** A message or warning the student must acknowledge, or a voice presence check (001 §6.9) to answer. */
@Entity
@Table(name = "proctor_message")
class ProctorMessage extends PanacheEntityBase {
    public enum Kind { MESSAGE, WARNING, PRESENCE_CHECK }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String text;

    @Column(name = "sent_by", nullable = false)
    public UUID sentBy;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** Presence checks: seconds the student has to answer. */
    @Column(name = "answer_within_s")
    public Integer answerWithinSeconds;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    public String answer;

    /** How the student answered a presence check: VOICE (a recording was made) or TEXT. */
    @Column(name = "answer_mode")
    public String answerMode;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Whether a presence check was answered within its time. */
    public boolean answeredInTime() {
        return answeredAt != null && answerWithinSeconds != null && !answeredAt.isAfter(sentAt.plusSeconds(answerWithinSeconds));
    }

    public boolean isOpen() {
        return kind == Kind.PRESENCE_CHECK ? answeredAt == null : acknowledgedAt == null;
    }
}
