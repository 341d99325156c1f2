package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptEvents.AttemptFinished;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.platform.Problem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What other features do to an attempt, each through one explicit audited method under the attempt's row lock:
 * a proctor suspends, resumes or terminates it (kz.adal.proctoring, 001 §6.14); a commission changes its grade on
 * an upheld appeal (001 §6.15.5) or carries out a technical-failure act's decision (001 §6.15.6). The caller checks
 * who may; these take the entity's verbs (docs/domain/attempt-lifecycle.md).
 */
@ApplicationScoped
public class AttemptInterventions {
    private final AttemptLookups attempts;
    private final AuditTrail audit;
    private final Event<AttemptFinished> finished;

    AttemptInterventions(AttemptLookups attempts, AuditTrail audit, Event<AttemptFinished> finished) {
        this.attempts = attempts;
        this.audit = audit;
        this.finished = finished;
    }

    /**
     * IN_PROGRESS → SUSPENDED by a proctor: the clock stops and the deadline moves by the pause (the one
     * timer rule, docs/domain/attempt-lifecycle.md). Audited; the caller checks the proctor's right.
     */
    @Transactional
    public AttemptView suspend(UUID attemptId, String reason) {
        Attempt a = attempts.lockExisting(attemptId);
        a.suspend(attempts.now());
        audit.record(Change.of("attempt.suspended", "attempt", a.id).scope(a.examId)
                .detail(Map.of("reason", reason == null ? "" : reason, "suspendedAt", a.suspendedAt.toString())));
        return attempts.view(a);
    }

    /** SUSPENDED → IN_PROGRESS: the pause is added to the deadline. Audited. */
    @Transactional
    public AttemptView resume(UUID attemptId) {
        Attempt a = attempts.lockExisting(attemptId);
        a.resume(attempts.now());
        audit.record(Change.of("attempt.resumed", "attempt", a.id).scope(a.examId)
                .detail(Map.of("pausedSeconds", a.pausedSeconds, "deadlineAt", a.deadlineAt.toString())));
        return attempts.view(a);
    }

    /**
     * IN_PROGRESS/SUSPENDED/CHECKS → TERMINATED for breaking the rules (001 §6.14). Not graded here: the
     * caller applies the institution's termination setting. Audited; fires {@link AttemptFinished}.
     */
    @Transactional
    public AttemptView terminate(UUID attemptId, String reason) {
        Attempt a = attempts.lockExisting(attemptId);
        Instant now = attempts.now();
        a.terminate(now, reason);
        audit.record(Change.of("attempt.terminated", "attempt", a.id).scope(a.examId).detail(Map.of("reason", reason)));
        finished.fire(new AttemptFinished(a.id, a.examId, a.studentId, a.state, now));
        return attempts.view(a);
    }

    /**
     * A terminated attempt graded as the institution's setting says (proctoring's {@code termination-grade=F}): 0 %
     * through the letter scale, so the scale's lowest grade. The caller terminated it in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void gradeTerminatedAtZero(UUID attemptId, Instant now) {
        Attempt a = attempts.lockExisting(attemptId);
        kz.adal.grading.LetterBand band = jakarta.enterprise.inject.spi.CDI.current()
                .select(kz.adal.grading.LetterScaleConfig.class).get().scale().gradeFor(BigDecimal.ZERO);
        a.percent = BigDecimal.ZERO.setScale(2);
        a.letter = band.letter();
        a.gpa = band.gpa();
        a.traditionalMark = band.traditionalMark();
        a.gradedAt = now;
    }

    /**
     * The one way a graded attempt's grade changes after the fact: an upheld appeal (001 §6.15.5). The
     * new percentage goes through the institution's letter scale; the change is audited with before and
     * after. The caller (casework) checks who signs and keeps its own record of the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public kz.adal.grading.GradeChange changeGradeOnAppeal(UUID attemptId, BigDecimal percent, UUID appealId, String reason) {
        Attempt a = attempts.lockExisting(attemptId);
        if (!a.isGraded() || a.state == AttemptState.VOIDED) {
            throw Problem.conflict("ATTEMPT_NOT_GRADED", "Only a graded attempt's grade can be changed on appeal");
        }
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw Problem.badRequest("GRADE_PERCENT_RANGE", "The new grade is a percentage from 0 to 100");
        }
        BigDecimal p = percent.setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal beforePercent = a.percent;
        String beforeLetter = a.letter;
        kz.adal.grading.LetterBand band = jakarta.enterprise.inject.spi.CDI.current()
                .select(kz.adal.grading.LetterScaleConfig.class).get().scale().gradeFor(p);
        a.percent = p;
        a.letter = band.letter();
        a.gpa = band.gpa();
        a.traditionalMark = band.traditionalMark();
        audit.record(Change.of("attempt.grade-changed-on-appeal", "attempt", a.id).scope(a.examId)
                .before(Map.of("percent", String.valueOf(beforePercent), "letter", String.valueOf(beforeLetter)))
                .after(Map.of("percent", p.toPlainString(), "letter", a.letter))
                .detail(Map.of("appeal", appealId.toString(), "student", a.studentId.toString(),
                        "before", beforePercent + " " + beforeLetter, "after", p.toPlainString() + " " + a.letter,
                        "reason", reason == null ? "" : reason)));
        return new kz.adal.grading.GradeChange(a.id, a.examId, a.studentId, String.valueOf(beforePercent), beforeLetter,
                p.toPlainString(), a.letter);
    }

    /**
     * The commission decided that the same attempt continues with {@code credit} added (001 §6.15.6, product
     * decision: never a second attempt). Brings a suspended or expired attempt back to IN_PROGRESS. Audited with
     * the act; the caller checks the decision.
     */
    @Transactional
    public AttemptView resumeAfterFailure(UUID attemptId, Duration credit, UUID actId) {
        Attempt a = attempts.lockExisting(attemptId);
        AttemptState before = a.state;
        a.continueAfterFailure(attempts.now(), credit);
        audit.record(Change.of("attempt.resumed-after-failure", "attempt", a.id).scope(a.examId)
                .detail(Map.of("act", actId.toString(), "stateBefore", before.name(), "creditedSeconds", credit.toSeconds(),
                        "deadlineAt", a.deadlineAt.toString())));
        return attempts.view(a);
    }

    /** The commission decided to void the attempt after a technical failure; final and audited. */
    @Transactional
    public AttemptView voidAfterFailure(UUID attemptId, UUID actId, String reason) {
        Attempt a = attempts.lockExisting(attemptId);
        AttemptState before = a.state;
        Instant now = attempts.now();
        a.voidIt(now, reason);
        audit.record(Change.of("attempt.voided", "attempt", a.id).scope(a.examId)
                .detail(Map.of("act", actId.toString(), "stateBefore", before.name(), "reason", reason)));
        if (!before.isFinished()) finished.fire(new AttemptFinished(a.id, a.examId, a.studentId, a.state, now));
        return attempts.view(a);
    }
}
