package kz.adal.attempt;

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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One student's sitting of one exam in one round. At most one per (exam, student, round): a
 * database constraint, not a lock in memory. The state moves only through the verbs below, which
 * check {@link AttemptState#canMoveTo}; the clock's fields are stored, and {@link #deadlineAt} is
 * kept equal to {@code clock().deadlineAt(...)} so the sweeper can scan it.
 */
@Entity
@Table(name = "attempt")
class Attempt extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(nullable = false)
    public int round;

    @Column(name = "individual_sheet_id")
    public UUID individualSheetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptState state = AttemptState.NOT_STARTED;

    public String algorithm;

    public Long seed;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "duration_seconds")
    public Long durationSeconds;

    @Column(name = "accommodation_seconds", nullable = false)
    public long accommodationSeconds;

    @Column(name = "credited_seconds", nullable = false)
    public long creditedSeconds;

    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    /** The late-start policy cut this attempt's time at the window's close; the student accepted it. */
    @Column(name = "cut_at_close", nullable = false)
    public boolean cutAtClose;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "checks_at")
    public Instant checksAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "finish_reason")
    public String finishReason;

    public BigDecimal percent;

    public String letter;

    public BigDecimal gpa;

    @Column(name = "traditional_mark")
    public Integer traditionalMark;

    @Column(name = "graded_at")
    public Instant gradedAt;

    /** A new attempt, not started yet. */
    public static Attempt open(UUID examId, UUID studentId, int round, UUID individualSheetId, Instant now) {
        Attempt a = new Attempt();
        a.examId = examId;
        a.studentId = studentId;
        a.round = round;
        a.individualSheetId = individualSheetId;
        a.createdAt = now;
        return a;
    }

    /** NOT_STARTED → CHECKS: equipment, consent and identity checks before the clock starts. */
    public void beginChecks(Instant now) {
        move(AttemptState.CHECKS, "ATTEMPT_TRANSITION_REFUSED");
        checksAt = now;
    }

    /**
     * CHECKS → IN_PROGRESS: the clock starts now.
     *
     * @param duration      the time given (the exam's, or until the window's close when cut)
     * @param accommodation approved extra time (001 §5.8.2); zero when already inside a cut duration
     */
    public void start(Instant now, Duration duration, Duration accommodation, boolean cut) {
        requireFrom(AttemptState.CHECKS, "ATTEMPT_TRANSITION_REFUSED"); // the other ways into IN_PROGRESS are resume and reopen
        move(AttemptState.IN_PROGRESS, "ATTEMPT_TRANSITION_REFUSED");
        startedAt = now;
        cutAtClose = cut;
        store(AttemptClock.start(now, duration).withAccommodation(accommodation), now);
    }

    /** IN_PROGRESS → SUBMITTED: the student hands in. */
    public void submit(Instant now) {
        move(AttemptState.SUBMITTED, "ATTEMPT_TRANSITION_REFUSED");
        finishedAt = now;
    }

    /** IN_PROGRESS/SUSPENDED → EXPIRED: the deadline passed (the sweeper, or a late request noticing it). */
    public void expire(Instant now) {
        move(AttemptState.EXPIRED, "ATTEMPT_TRANSITION_REFUSED");
        finishedAt = now;
    }

    /** IN_PROGRESS → SUSPENDED: the clock stops; the deadline moves by the pause. */
    public void suspend(Instant now) {
        requireMove(AttemptState.SUSPENDED, "ATTEMPT_CANNOT_SUSPEND");
        AttemptClock next = clock().suspend(now);
        move(AttemptState.SUSPENDED, "ATTEMPT_CANNOT_SUSPEND");
        store(next, now);
    }

    /** SUSPENDED → IN_PROGRESS: the pause is added to the deadline. */
    public void resume(Instant now) {
        requireFrom(AttemptState.SUSPENDED, "ATTEMPT_CANNOT_RESUME");
        AttemptClock next = clock().resume(now);
        move(AttemptState.IN_PROGRESS, "ATTEMPT_CANNOT_RESUME");
        store(next, now);
    }

    /** Stopped for breaking the rules (001 §6.14) or refused at the identity check. */
    public void terminate(Instant now, String reason) {
        requireReason(reason, "ATTEMPT_CANNOT_TERMINATE");
        move(AttemptState.TERMINATED, "ATTEMPT_CANNOT_TERMINATE");
        finishedAt = now;
        finishReason = reason;
    }

    /** Voided after a technical-failure decision (audited by the caller); final. */
    public void voidIt(Instant now, String reason) {
        requireReason(reason, "ATTEMPT_CANNOT_VOID");
        move(AttemptState.VOIDED, "ATTEMPT_CANNOT_VOID");
        if (finishedAt == null) finishedAt = now;
        finishReason = reason;
    }

    /** Time credited after a technical-failure decision; the same attempt continues. */
    public void credit(Duration extra, Instant now) {
        if (state.isFinished() || startedAt == null) {
            throw RuleViolation.conflict("ATTEMPT_CREDIT_NOT_RUNNING", "Time can be credited only to a started, unfinished attempt.");
        }
        store(clock().credit(extra), now);
    }

    /** The stored clock; only for a started attempt. */
    public AttemptClock clock() {
        if (startedAt == null || durationSeconds == null) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_NOT_STARTED", "The attempt has not started.");
        }
        return new AttemptClock(startedAt, Duration.ofSeconds(durationSeconds), Duration.ofSeconds(accommodationSeconds),
                Duration.ofSeconds(creditedSeconds), Duration.ofSeconds(pausedSeconds), suspendedAt);
    }

    /** Whether the deadline (plus {@code grace} for requests already in flight) has passed at {@code now}. */
    public boolean isPastDeadline(Instant now, Duration grace) {
        return state == AttemptState.IN_PROGRESS && deadlineAt != null && now.isAfter(deadlineAt.plus(grace));
    }

    public boolean isGraded() {
        return gradedAt != null;
    }

    private void store(AttemptClock c, Instant now) {
        durationSeconds = c.duration().toSeconds();
        accommodationSeconds = c.accommodation().toSeconds();
        creditedSeconds = c.credited().toSeconds();
        pausedSeconds = c.paused().toSeconds();
        suspendedAt = c.suspendedAt();
        deadlineAt = c.deadlineAt(now);
    }

    /** Takes a move of the table in {@link AttemptState}; {@code code} names the verb's refusal (409). */
    private void move(AttemptState target, String code) {
        requireMove(target, code);
        state = target;
    }

    private void requireMove(AttemptState target, String code) {
        if (!state.canMoveTo(target)) {
            throw RuleViolation.conflict(code, "An attempt that is " + state + " cannot become " + target + ".");
        }
    }

    /** Several moves end in IN_PROGRESS (start, resume, reopen): each verb takes only its own. */
    private void requireFrom(AttemptState source, String code) {
        if (state != source) {
            throw RuleViolation.conflict(code, "An attempt that is " + state + " cannot do this; it must be " + source + ".");
        }
    }

    private static void requireReason(String reason, String code) {
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.conflict(code, "A reason is required.");
        }
    }

    /**
     * After a technical-failure decision (001 §6.15.6; product decision: never a second attempt): the same
     * attempt continues with {@code credit} added. A suspended attempt resumes (its pause moves the deadline);
     * an attempt the outage let expire is reopened: the time since it expired counts as a pause, its provisional
     * grade is withdrawn. A submitted, terminated or voided attempt is not reopened.
     */
    public void continueAfterFailure(Instant now, Duration credit) {
        if (state == AttemptState.SUSPENDED) {
            resume(now);
        } else if (state.canReopen() && startedAt != null && durationSeconds != null) {
            Instant stoppedAt = deadlineAt != null && (finishedAt == null || deadlineAt.isBefore(finishedAt)) ? deadlineAt
                    : finishedAt == null ? now : finishedAt; // the time ran out at the deadline
            long idle = Math.max(0, Duration.between(stoppedAt, now).toSeconds());
            move(AttemptState.IN_PROGRESS, "ATTEMPT_CANNOT_CONTINUE"); // EXPIRED → IN_PROGRESS: the reopen move, only here
            finishedAt = null;
            finishReason = null;
            percent = null;
            letter = null;
            gpa = null;
            traditionalMark = null;
            gradedAt = null;
            suspendedAt = null;
            pausedSeconds += idle;
        } else if (state != AttemptState.IN_PROGRESS) {
            throw RuleViolation.conflict("ATTEMPT_CANNOT_CONTINUE", "An attempt that is " + state + " cannot continue.");
        }
        credit(credit, now);
    }
}
