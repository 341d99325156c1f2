package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** One test of a discipline for a group, drawn from one approved and reviewed bank version. */
@Entity
@Table(name = "exam")
class Exam extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentKind kind;

    @Column(nullable = false)
    public String discipline;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    /** e.g. "2026-2027/1" (academic year / term): one intermediate attestation per discipline and period. */
    @Column(name = "academic_period", nullable = false)
    public String academicPeriod;

    @Column(name = "bank_version_id", nullable = false)
    public UUID bankVersionId;

    @Column(name = "question_count", nullable = false)
    public int questionCount;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "attempts_allowed", nullable = false)
    public int attemptsAllowed;

    @Column(name = "mix_easy", nullable = false)
    public int mixEasy = 40;

    @Column(name = "mix_medium", nullable = false)
    public int mixMedium = 40;

    @Column(name = "mix_hard", nullable = false)
    public int mixHard = 20;

    @Enumerated(EnumType.STRING)
    @Column(name = "multiple_correct_rule", nullable = false)
    public MultipleCorrectRule multipleCorrectRule;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_start_policy", nullable = false)
    public LateStartPolicy lateStartPolicy = LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION;

    /** When students may see their results; null = only when the teacher releases them. */
    @Column(name = "results_visible_at")
    public Instant resultsVisibleAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public DeliveryMode deliveryMode = DeliveryMode.REMOTE_PROCTORED;

    /** Why proctoring is off (a supervised on-campus sitting), recorded (003 §16). */
    @Column(name = "delivery_reason")
    public String deliveryReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExamState state = ExamState.DRAFT;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exam_topic", joinColumns = @JoinColumn(name = "exam_id"))
    @Column(name = "topic")
    public Set<String> topics = new HashSet<>();

    /**
     * "discipline|group|period" while this is a live intermediate attestation, otherwise null. Unique in
     * the database: one intermediate attestation per discipline and period for a group (001 §5.20.3).
     */
    @Column(name = "attestation_key")
    public String attestationKey;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Duration duration() { return Duration.ofMinutes(durationMinutes); }

    public boolean isProctored() { return deliveryMode == DeliveryMode.REMOTE_PROCTORED; }

    public boolean resultsVisible(Instant now) { return resultsVisibleAt != null && !now.isBefore(resultsVisibleAt); }

    /** Refuses unless the exam is a draft (409 EXAM_NOT_EDITABLE). */
    public void requireEditable() {
        if (!state.isEditable()) {
            throw RuleViolation.conflict("EXAM_NOT_EDITABLE", "Only a draft can be edited; this exam is " + state);
        }
    }

    /** Refuses unless the exam may still be published (409 BAD_TRANSITION), before its definition is checked again. */
    public void requirePublishable() {
        if (!state.canMoveTo(ExamState.PUBLISHED)) throw RuleViolation.conflict("BAD_TRANSITION", "A " + state + " exam can't be published");
    }

    /** DRAFT → PUBLISHED: visible to its group from {@code at}. */
    public void publish(Instant at) {
        requirePublishable();
        state = ExamState.PUBLISHED;
        publishedAt = at;
    }

    /** Refuses unless the exam may still be cancelled (409 BAD_TRANSITION). */
    public void requireCancellable() {
        if (!state.canMoveTo(ExamState.CANCELLED)) throw RuleViolation.conflict("BAD_TRANSITION", "A " + state + " exam can't be cancelled");
    }

    /** DRAFT/PUBLISHED → CANCELLED with the reason; its attestation key is released for another exam. */
    public void cancel(String reason, Instant at) {
        requireCancellable();
        state = ExamState.CANCELLED;
        cancelReason = reason;
        cancelledAt = at;
        attestationKey = null;
    }
}
