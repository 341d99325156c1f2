package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptInterventions;
import kz.adal.attempt.AttemptState;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.Actor;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorViews.TerminationView;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a proctor does to a live attempt's course: suspend/resume (the one timer rule) and termination (001 §6.14),
 * requested, confirmed or declined. Each action is checked (the proctor must be assigned), audited (scope: the exam)
 * and, after commit, sent live to the student and the consoles. Messages and presence checks are
 * {@link ProctorMessages}, the assignments {@link ProctorAssignmentService}, what the pages read {@link ProctorQueries},
 * what other features' events change {@link ProctorHooks}.
 */
@ApplicationScoped
public class ProctorService {

    /**
     * "A teacher or another person with academic-administrative authority" (001 §6.14): who may
     * terminate at once or confirm another proctor's request.
     */
    public static final Set<Role> AUTHORITY = EnumSet.of(Role.TEACHER, Role.DEAN, Role.HEAD_OF_DEPARTMENT,
            Role.ACADEMIC_POLICY_DIRECTOR, Role.ACADEMIC_VICE_RECTOR);

    private final AttemptInterventions attempts;
    private final AttemptDirectory directory;
    private final AuditTrail audit;
    private final LiveHub hub;
    private final ProctoringConfig config;
    private final ObjectMapper json;
    private final Event<TerminationRequested> terminationRequested;
    private final AttemptCatalog attemptCatalog;
    private final ExamCatalog exams;
    private final ProctorChecks checks;

    ProctorService(AttemptInterventions attempts, AttemptDirectory directory, AuditTrail audit, LiveHub hub, ProctoringConfig config,
                   ObjectMapper json, Event<TerminationRequested> terminationRequested, AttemptCatalog attemptCatalog, ExamCatalog exams,
                   ProctorChecks checks) {
        this.attempts = attempts;
        this.directory = directory;
        this.audit = audit;
        this.hub = hub;
        this.config = config;
        this.json = json;
        this.terminationRequested = terminationRequested;
        this.attemptCatalog = attemptCatalog;
        this.exams = exams;
        this.checks = checks;
    }

    // ------------------------------------------------------------------ suspend, resume, terminate

    /** Stops the clock (the one timer rule: time does not run while suspended). */
    @Transactional
    public void suspend(UUID attemptId, String reason, Actor actor) {
        AttemptRecord a = checks.requireWatched(attemptId, actor);
        attempts.suspend(a.id(), ProctorChecks.requireText(reason, "SUSPEND_REASON_REQUIRED"));
        checks.afterCommit(() -> {
            hub.toStudent(attemptId, json.createObjectNode().put("type", "state").put("state", AttemptState.SUSPENDED.name()).put("reason", reason));
            hub.recordServerEvent(attemptId, "attempt.suspended", Map.of("reason", reason, "by", actor.login()));
            hub.attemptChanged(attemptId);
        });
    }

    @Transactional
    public void resume(UUID attemptId, Actor actor) {
        long pausedBefore = checks.requireWatched(attemptId, actor).pausedSeconds();
        attempts.resume(attemptId);
        AttemptRecord a = attemptCatalog.find(attemptId).orElse(null);
        String deadline = a.deadlineAt().toString();
        // the pause is added to the deadline: the student is told how much
        long credited = Math.max(0, a.pausedSeconds() - pausedBefore);
        checks.afterCommit(() -> {
            hub.toStudent(attemptId, json.createObjectNode().put("type", "state").put("state", AttemptState.IN_PROGRESS.name()).put("deadlineAt", deadline)
                    .put("creditedSeconds", credited));
            hub.recordServerEvent(attemptId, "attempt.resumed", Map.of("by", actor.login(), "deadlineAt", deadline));
            hub.attemptChanged(attemptId);
        });
    }

    /**
     * Termination for breaking the rules (001 §6.14). Done at once when the proctor also has
     * academic-administrative authority ({@link #AUTHORITY}); otherwise recorded as PENDING until
     * another person with that authority confirms. The attempt keeps running meanwhile (the proctor
     * may suspend it).
     */
    @Transactional
    public TerminationView terminate(UUID attemptId, String reason, Actor actor) {
        AttemptRecord a = checks.requireWatched(attemptId, actor);
        if (a.state().isFinished()) throw Problem.conflict("ATTEMPT_FINISHED", "The attempt is already " + a.state());
        ProctorTermination t = new ProctorTermination();
        t.attemptId = a.id();
        t.reason = ProctorChecks.requireText(reason, "TERMINATION_REASON_REQUIRED");
        t.requestedBy = actor.id();
        t.requestedAt = checks.now();
        t.persist();
        audit.record(Change.of("proctoring.termination.requested", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("reason", t.reason, "rule", t.rule, "termination", t.id.toString())));
        if (actor.hasAny(AUTHORITY)) {
            confirm(t, a, actor);
        } else {
            terminationRequested.fire(TerminationCases.requested(t, a, exams.find(a.examId()).orElse(null))); // the deciders' inbox notices, in this transaction
            checks.afterCommit(() -> hub.recordServerEvent(attemptId, "termination.requested", Map.of("by", actor.login(), "reason", t.reason)));
        }
        return TerminationView.of(t);
    }

    /** Another person with academic-administrative authority confirms a pending termination. */
    @Transactional
    public TerminationView confirmTermination(UUID terminationId, Actor actor) {
        ProctorTermination t = pending(terminationId);
        AttemptRecord a = attemptCatalog.find(t.attemptId).orElse(null);
        requireConfirmer(t, a, actor);
        confirm(t, a, actor);
        return TerminationView.of(t);
    }

    @Transactional
    public TerminationView declineTermination(UUID terminationId, Actor actor) {
        ProctorTermination t = pending(terminationId);
        AttemptRecord a = attemptCatalog.find(t.attemptId).orElse(null);
        requireConfirmer(t, a, actor);
        t.decline(actor.id(), checks.now());
        audit.record(Change.of("proctoring.termination.declined", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("termination", t.id.toString())));
        checks.afterCommit(() -> hub.recordServerEvent(a.id(), "termination.declined", Map.of("by", actor.login())));
        return TerminationView.of(t);
    }

    private ProctorTermination pending(UUID id) {
        ProctorTermination t = ProctorTermination.findById(id);
        if (t == null) throw Problem.notFound("Termination request");
        t.requirePending();
        return t;
    }

    private void requireConfirmer(ProctorTermination t, AttemptRecord a, Actor actor) {
        if (!actor.hasAny(AUTHORITY)) {
            throw new Problem(403, "TERMINATION_NEEDS_AUTHORITY",
                    "Only a teacher or another person with academic-administrative authority confirms a termination (001 §6.14)");
        }
        if (t.requestedBy.equals(actor.id())) {
            throw new Problem(403, "TERMINATION_SECOND_PERSON", "The confirmation must come from another person");
        }
        ExamRecord exam = exams.find(a.examId()).orElse(null);
        if (!directory.isAssigned(actor.id(), a.id()) && (exam == null || !actor.id().equals(exam.createdBy()))) {
            throw Problem.notFound("Attempt");
        }
    }

    private void confirm(ProctorTermination t, AttemptRecord a, Actor actor) {
        attempts.terminate(a.id(), t.reason + " (" + ProctorTermination.RULE + ")");
        Instant now = checks.now();
        t.confirm(actor.id(), now, config.terminationGrade().name());
        if (config.terminationGrade() == ProctoringConfig.TerminationGrade.F) {
            // the institution's setting: a terminated attempt gets the scale's lowest grade
            attempts.gradeTerminatedAtZero(a.id(), now);
        }
        audit.record(Change.of("proctoring.termination.confirmed", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("termination", t.id.toString(), "reason", t.reason, "rule", t.rule, "absence", "UNEXCUSED",
                        "gradeEffect", t.gradeEffect, "requestedBy", t.requestedBy.toString())));
        UUID attemptId = a.id();
        String reason = t.reason;
        checks.afterCommit(() -> {
            hub.toStudent(attemptId, json.createObjectNode().put("type", "state").put("state", AttemptState.TERMINATED.name()).put("reason", reason));
            hub.recordServerEvent(attemptId, "attempt.terminated", Map.of("by", actor.login(), "reason", reason, "rule", ProctorTermination.RULE));
            hub.attemptChanged(attemptId);
        });
    }
}
