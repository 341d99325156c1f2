package kz.adal.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An electronic act of technical failure (001 §6.15.6): drafted from the evidence, completed and signed by
 * the technical secretary (or a proctor of the test), then decided by the commission's vote. Immutable once
 * signed except for the decision.
 */
@Entity
@Table(name = "casework_act")
public class Act extends PanacheEntityBase {

    /** A test attempt or an oral turn. */
    public enum Kind {
        TEST(Set.of("RESUME", "VOID", "REJECT")),
        ORAL(Set.of("RESIT", "REJECT"));

        /** What the commission may decide: resume the same attempt with time credited, void it (and open an individual sheet), another time (oral), or no failure established. */
        public final Set<String> options;

        Kind(Set<String> options) {
            this.options = options;
        }
    }

    public enum State { DRAFT, SIGNED, DECIDED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** The audit scope: the exam for a test, the sitting for an oral exam. */
    @Column(name = "scope_id", nullable = false)
    public UUID scopeId;

    @Column(name = "exam_id")
    public UUID examId;

    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "sitting_id")
    public UUID sittingId;

    @Column(name = "turn_id")
    public UUID turnId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    /** The drafted evidence ({@link ActDraft.Result}) as JSON, frozen at drafting. */
    @Column(nullable = false, length = 20000)
    public String evidence;

    @Column(name = "lost_seconds", nullable = false)
    public long lostSeconds;

    @Column(name = "what_happened", length = 4000)
    public String whatHappened;

    @Column(length = 4000)
    public String effect;

    @Column(length = 4000)
    public String measures;

    @Column(name = "drafted_by")
    public UUID draftedBy;

    @Column(name = "drafted_at", nullable = false)
    public Instant draftedAt;

    @Column(name = "signed_by")
    public UUID signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    public String decision;

    @Column(name = "decision_reason", length = 2000)
    public String decisionReason;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "credited_seconds")
    public Long creditedSeconds;

    @Column(name = "sheet_id")
    public UUID sheetId;

    @Column(name = "resit_turn_id")
    public UUID resitTurnId;

    public boolean isOpen() {
        return state != State.DECIDED;
    }

    public static List<Act> forAttempt(UUID attemptId) {
        return list("attemptId = ?1 order by draftedAt", attemptId);
    }
}
