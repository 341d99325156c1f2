package kz.adal.oral;

import kz.adal.oral.ticket.TicketDraw;
import kz.adal.platform.RuleViolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One admitted student's oral exam in a sitting (001 §6.15.6). The stage moves only through the verbs
 * here, which check {@link TurnStage#canMoveTo}; the service records and broadcasts each move.
 */
@Entity
@Table(name = "oral_turn")
class OralTurn extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "sitting_id", nullable = false)
    public UUID sittingId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    /** The order in which students are called (1, 2, …). */
    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TurnStage stage = TurnStage.WAITING;

    // --- identity, desk and room check (001 §6.15.6) ---
    @Column(name = "id_document_checked", nullable = false)
    public boolean idDocumentChecked;
    /** Which document (e.g. "ID card № …"), as the secretary wrote it. */
    @Column(name = "id_document")
    public String idDocument;
    /** The face comparison with the reference photo, when the vision capability provides it; else null. */
    @Column(name = "face_verdict")
    public String faceVerdict;
    /** The desk-and-room checklist as JSON ({item: true/false}). */
    @Column(name = "room_checklist")
    public String roomChecklist;
    @Column(name = "check_passed")
    public Boolean checkPassed;
    @Column(name = "check_note")
    public String checkNote;
    @Column(name = "checked_by")
    public UUID checkedBy;
    @Column(name = "checked_at")
    public Instant checkedAt;

    // --- the draw ---
    /** SHA-256 commitment to the seed, shown before the draw ({@link TicketDraw}). */
    public String commitment;
    /** The secret seed; shown to nobody until {@link #drawnAt}. */
    @Column(name = "seed_hex")
    public String seedHex;
    /** The ticket numbers the draw chose from, comma-separated ascending (for recomputation). */
    @Column(name = "available_tickets")
    public String availableTickets;
    @Column(name = "ticket_number")
    public Integer ticketNumber;
    @Column(name = "drawn_by")
    public UUID drawnBy;
    @Column(name = "drawn_at")
    public Instant drawnAt;

    // --- timers (deadlines are stored, never recomputed) ---
    @Column(name = "prep_started_at")
    public Instant prepStartedAt;
    @Column(name = "prep_deadline")
    public Instant prepDeadline;
    @Column(name = "prep_ended_at")
    public Instant prepEndedAt;
    @Column(name = "answer_started_at")
    public Instant answerStartedAt;
    @Column(name = "answer_deadline")
    public Instant answerDeadline;
    @Column(name = "answer_ended_at")
    public Instant answerEndedAt;

    // --- result ---
    @Column(name = "final_points")
    public Integer finalPoints;
    @Column(name = "final_letter")
    public String finalLetter;
    /** How the final grade was reached (rule and numbers), for the protocol. */
    @Column(name = "final_rule")
    public String finalRule;
    @Column(name = "graded_at")
    public Instant gradedAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    // --- technical failure (001 §6.15.6) and the re-sit; the casework feature drafts the act ---
    @Column(name = "failure_at")
    public Instant failureAt;
    @Column(name = "failure_note")
    public String failureNote;
    /** The "I" grade's due date while the re-sit is pending (001 §6.15.2). */
    @Column(name = "incomplete_due")
    public LocalDate incompleteDue;
    /** For a re-sit: the turn that failed. The new ticket excludes those seen before. */
    @Column(name = "resit_of")
    public UUID resitOf;
    /** Ticket numbers (of this sitting's bank) this turn must never draw, comma-separated. */
    @Column(name = "excluded_tickets")
    public String excludedTickets;

    /** When the student acknowledged that the sitting is recorded (issue 8); chunks are taken only after it. */
    @Column(name = "recording_notice_at")
    public Instant recordingNoticeAt;

    // --- the link during the answer (issue 14) ---
    /** Since when the student's audio/video has not reached every grader; null while the link holds. */
    @Column(name = "link_lost_at")
    public Instant linkLostAt;
    /** Measured outages of this answer so far, in seconds (ended ones). */
    @Column(name = "link_lost_seconds", nullable = false)
    public long linkLostSeconds;
    @Column(name = "answer_paused_at")
    public Instant answerPausedAt;
    /** The answer time left when it was paused; the deadline is set anew from it on resume. */
    @Column(name = "answer_remaining_ms")
    public Long answerRemainingMs;

    public static List<OralTurn> of(UUID sittingId) {
        return list("sittingId = ?1 order by position", sittingId);
    }

    public List<Integer> excluded() {
        return numbers(excludedTickets);
    }

    public List<Integer> available() {
        return numbers(availableTickets);
    }

    static List<Integer> numbers(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    static String csv(List<Integer> numbers) {
        return String.join(",", numbers.stream().sorted().map(String::valueOf).toList());
    }

    public boolean isDrawn() {
        return drawnAt != null;
    }

    private void moveTo(TurnStage next) {
        if (!stage.canMoveTo(next)) {
            throw RuleViolation.conflict("ORAL_STAGE", "This student's exam is at " + stage + " and can't move to " + next + ".");
        }
        stage = next;
    }

    /** The secretary's check passed: arm the draw with a fresh committed seed. */
    void checked(String seed, Instant now) {
        moveTo(TurnStage.CHECKED);
        seedHex = seed;
        commitment = TicketDraw.commitment(seed, sittingId, studentId);
        checkedAt = now;
    }

    /** The draw happened: the ticket's questions are shown and preparation starts (up to its maximum). */
    void drawn(int ticket, List<Integer> from, UUID by, Instant now, Duration preparation) {
        moveTo(TurnStage.PREPARING);
        ticketNumber = ticket;
        availableTickets = csv(from);
        drawnBy = by;
        drawnAt = now;
        prepStartedAt = now;
        prepDeadline = now.plus(preparation);
    }

    void preparationEnded(Instant now) {
        moveTo(TurnStage.PREPARED);
        prepEndedAt = now.isAfter(prepDeadline) ? prepDeadline : now;
    }

    void answerStarted(Instant now, Duration answer) {
        moveTo(TurnStage.ANSWERING);
        answerStartedAt = now;
        answerDeadline = now.plus(answer);
    }

    void answerEnded(Instant now) {
        boolean paused = stage == TurnStage.ANSWER_PAUSED;
        moveTo(TurnStage.GRADING);
        answerEndedAt = paused ? answerPausedAt : now.isAfter(answerDeadline) ? answerDeadline : now;
    }

    /** The student's media stopped reaching a grader. */
    void linkLost(Instant now) {
        if (linkLostAt == null) linkLostAt = now;
    }

    /** The link is back: the outage is added to the measured total; returns its length in seconds. */
    long linkRestored(Instant now) {
        if (linkLostAt == null) return 0;
        long s = Math.max(0, Duration.between(linkLostAt, now).toSeconds());
        linkLostSeconds += s;
        linkLostAt = null;
        return s;
    }

    /** The outage lasted too long: the answer clock stops, its remaining time kept. */
    void answerPaused(Instant now) {
        moveTo(TurnStage.ANSWER_PAUSED);
        answerPausedAt = now;
        answerRemainingMs = Math.max(0, Duration.between(now, answerDeadline).toMillis());
    }

    /** The chair resumes with the link back: the time left when paused runs again. */
    void answerResumed(Instant now) {
        moveTo(TurnStage.ANSWERING);
        answerDeadline = now.plusMillis(answerRemainingMs == null ? 0 : answerRemainingMs);
        answerPausedAt = null;
        answerRemainingMs = null;
    }

    void graded(FinalGradeRule.Outcome outcome, Instant now) {
        moveTo(TurnStage.GRADED);
        finalPoints = outcome.points();
        finalLetter = outcome.band().letter();
        finalRule = outcome.explanation();
        gradedAt = now;
    }

    void published(Instant now) {
        moveTo(TurnStage.PUBLISHED);
        publishedAt = now;
    }

    void technicalFailure(String note, Instant now, LocalDate due) {
        moveTo(TurnStage.TECHNICAL_FAILURE);
        failureAt = now;
        failureNote = note;
        incompleteDue = due;
    }
}
