package kz.adal.proctoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptInterventions;
import kz.adal.attempt.AttemptState;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Actor;
import kz.adal.identity.Role;
import kz.adal.platform.AfterCommit;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.ProctorViews.AssignRequest;
import kz.adal.proctoring.ProctorViews.AssignmentView;
import kz.adal.proctoring.ProctorViews.CostView;
import kz.adal.proctoring.ProctorViews.EventView;
import kz.adal.proctoring.ProctorViews.FlagView;
import kz.adal.proctoring.ProctorViews.MessageView;
import kz.adal.proctoring.ProctorViews.TerminationView;
import kz.adal.proctoring.ProctorViews.TimelineView;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a proctor does to a live attempt: messages and warnings the student must acknowledge, voice
 * presence checks (001 §6.9), suspend/resume (the one timer rule), termination (001 §6.14), and the
 * assignments that say who watches what. Each action is checked (the proctor must be assigned), audited
 * (scope: the exam) and, after commit, sent live to the student and the consoles.
 */
@ApplicationScoped
public class ProctorService {

    /**
     * "A teacher or another person with academic-administrative authority" (001 §6.14): who may
     * terminate at once or confirm another proctor's request.
     */
    public static final Set<Role> AUTHORITY = EnumSet.of(Role.TEACHER, Role.DEAN, Role.HEAD_OF_DEPARTMENT,
            Role.ACADEMIC_POLICY_DIRECTOR, Role.ACADEMIC_VICE_RECTOR);
    /** Who may assign proctors. */
    public static final Set<Role> ASSIGNERS = EnumSet.of(Role.TEACHER, Role.HEAD_OF_DEPARTMENT, Role.SYSTEM_ADMIN);
    static final int MAX_TEXT = 1000;
    static final int MIN_PRESENCE_SECONDS = 10;

    private final AttemptInterventions attempts;
    private final AttemptDirectory directory;
    private final AuditTrail audit;
    private final TimeSource time;
    private final LiveHub hub;
    private final EventStore events;
    private final ProctoringConfig config;
    private final TransactionSynchronizationRegistry tx;
    private final ObjectMapper json;
    private final jakarta.enterprise.event.Event<TerminationRequested> terminationRequested;
    private final AttemptCatalog attemptCatalog;
    private final ExamCatalog exams;

    ProctorService(AttemptInterventions attempts, AttemptDirectory directory, AuditTrail audit, TimeSource time, LiveHub hub,
                   EventStore events, ProctoringConfig config, TransactionSynchronizationRegistry tx,
                   ObjectMapper json, jakarta.enterprise.event.Event<TerminationRequested> terminationRequested,
                   AttemptCatalog attemptCatalog, ExamCatalog exams) {
        this.attemptCatalog = attemptCatalog;
        this.exams = exams;
        this.terminationRequested = terminationRequested;
        this.attempts = attempts;
        this.directory = directory;
        this.audit = audit;
        this.time = time;
        this.hub = hub;
        this.events = events;
        this.config = config;
        this.tx = tx;
        this.json = json;
    }

    // ------------------------------------------------------------------ assignments

    @Transactional
    public AssignmentView assign(AssignRequest req, Actor actor) {
        requireAny(actor, ASSIGNERS, "Only a teacher, head of department or administrator assigns proctors");
        if (req == null || req.proctorLogin() == null || (req.examId() == null) == (req.attemptId() == null)) {
            throw Problem.badRequest("ASSIGNMENT_INVALID", "Send proctorLogin and either examId or attemptId");
        }
        Person proctor = People.byLogin(req.proctorLogin())
                .filter(u -> u.has(Role.PROCTOR)).orElseThrow(() -> Problem.unprocessable("ASSIGNMENT_NOT_A_PROCTOR",
                        "No proctor with login " + req.proctorLogin(), List.of()));
        UUID examId = req.examId();
        if (req.attemptId() != null) {
            AttemptRecord a = attemptCatalog.find(req.attemptId()).orElse(null);
            if (a == null) throw Problem.notFound("Attempt");
            examId = a.examId();
        } else if (exams.find(examId).isEmpty()) {
            throw Problem.notFound("Exam");
        }
        ProctorAssignment existing = req.examId() != null
                ? ProctorAssignment.find("proctorId = ?1 and examId = ?2", proctor.id(), req.examId()).firstResult()
                : ProctorAssignment.find("proctorId = ?1 and attemptId = ?2", proctor.id(), req.attemptId()).firstResult();
        if (existing != null) return view(existing, proctor.login());
        ProctorAssignment pa = new ProctorAssignment();
        pa.proctorId = proctor.id();
        pa.examId = req.examId();
        pa.attemptId = req.attemptId();
        pa.assignedBy = actor.id();
        pa.assignedAt = now();
        pa.persist();
        audit.record(Change.of("proctoring.assigned", "proctor_assignment", pa.id).scope(examId)
                .detail(Map.of("proctor", proctor.login(), "target", req.examId() != null ? "exam" : "attempt")));
        return view(pa, proctor.login());
    }

    @Transactional
    public void unassign(UUID assignmentId, Actor actor) {
        requireAny(actor, ASSIGNERS, "Only a teacher, head of department or administrator assigns proctors");
        ProctorAssignment pa = ProctorAssignment.findById(assignmentId);
        if (pa == null) throw Problem.notFound("Assignment");
        UUID scope = pa.examId != null ? pa.examId : attemptCatalog.find(pa.attemptId).orElseThrow().examId();
        pa.delete();
        audit.record(Change.of("proctoring.unassigned", "proctor_assignment", assignmentId).scope(scope));
    }

    @Transactional
    public List<AssignmentView> assignments(UUID examId) {
        List<ProctorAssignment> list = examId == null ? ProctorAssignment.listAll() : ProctorAssignment.list("examId", examId);
        return list.stream().map(pa -> view(pa, People.find(pa.proctorId).orElseThrow().login())).toList();
    }

    private static AssignmentView view(ProctorAssignment pa, String login) {
        return new AssignmentView(pa.id, pa.proctorId, login, pa.examId, pa.attemptId, pa.assignedAt);
    }

    // ------------------------------------------------------------------ messages and presence checks

    /** A message or a warning; the student sees it as a modal and must acknowledge it. */
    @Transactional
    public MessageView send(UUID attemptId, String kind, String text, Actor actor) {
        AttemptRecord a = requireWatched(attemptId, actor);
        requireRunning(a);
        ProctorMessage.Kind k;
        try {
            k = ProctorMessage.Kind.valueOf(kind == null ? "MESSAGE" : kind);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("MESSAGE_KIND_INVALID", "kind is MESSAGE or WARNING");
        }
        if (k == ProctorMessage.Kind.PRESENCE_CHECK) throw Problem.badRequest("MESSAGE_KIND_INVALID", "Use presence-checks for a presence check");
        ProctorMessage m = message(a, k, requireText(text, "MESSAGE_TEXT_REQUIRED"), null, actor);
        audit.record(Change.of("proctoring.message.sent", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("kind", k.name(), "text", m.text, "message", m.id.toString())));
        return MessageView.of(m);
    }

    /**
     * A voice presence check when the camera fails (001 §6.9): the student answers by voice (recorded by
     * the media feature) or text within the given seconds; the answer and whether it came in time are kept.
     */
    @Transactional
    public MessageView presenceCheck(UUID attemptId, String question, Integer seconds, Actor actor) {
        AttemptRecord a = requireWatched(attemptId, actor);
        requireRunning(a);
        int s = seconds == null ? 60 : seconds;
        if (s < MIN_PRESENCE_SECONDS || s > config.presenceCheckMaxWait().toSeconds()) {
            throw Problem.badRequest("PRESENCE_CHECK_TIME_INVALID",
                    "answerWithinSeconds is " + MIN_PRESENCE_SECONDS + " to " + config.presenceCheckMaxWait().toSeconds());
        }
        ProctorMessage m = message(a, ProctorMessage.Kind.PRESENCE_CHECK, requireText(question, "PRESENCE_QUESTION_REQUIRED"), s, actor);
        audit.record(Change.of("proctoring.presence.asked", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("question", m.text, "answerWithinSeconds", s, "message", m.id.toString())));
        return MessageView.of(m);
    }

    private ProctorMessage message(AttemptRecord a, ProctorMessage.Kind kind, String text, Integer seconds, Actor actor) {
        ProctorMessage m = new ProctorMessage();
        m.attemptId = a.id();
        m.kind = kind;
        m.text = text;
        m.sentBy = actor.id();
        m.sentAt = now();
        m.answerWithinSeconds = seconds;
        m.persist();
        ObjectNode live = studentMessage(m);
        afterCommit(() -> {
            hub.toStudent(a.id(), live);
            hub.recordServerEvent(a.id(), kind == ProctorMessage.Kind.PRESENCE_CHECK ? "presence.asked" : "message.sent",
                    Map.of("message", m.id.toString(), "kind", kind.name(), "text", m.text, "by", actor.login()));
        });
        return m;
    }

    /** The message as the exam page shows it. */
    ObjectNode studentMessage(ProctorMessage m) {
        ObjectNode o = json.createObjectNode().put("type", "message").put("id", m.id.toString()).put("kind", m.kind.name())
                .put("text", m.text).put("sentAt", m.sentAt.toString());
        if (m.answerWithinSeconds != null) o.put("answerWithinSeconds", m.answerWithinSeconds);
        return o;
    }

    /** Messages the student has not acknowledged or answered yet: sent again when the socket (re)connects. */
    @Transactional
    public List<ProctorMessage> pendingFor(UUID attemptId) {
        return ProctorMessage.<ProctorMessage>list("attemptId = ?1 order by sentAt", attemptId).stream().filter(ProctorMessage::isOpen).toList();
    }

    /** The student acknowledged a message or warning (from the socket: the caller checked the student owns the attempt). */
    @Transactional
    public boolean acknowledge(UUID attemptId, UUID messageId) {
        ProctorMessage m = ProctorMessage.findById(messageId);
        if (m == null || !m.attemptId.equals(attemptId) || m.kind == ProctorMessage.Kind.PRESENCE_CHECK) return false;
        if (m.acknowledgedAt == null) {
            m.acknowledgedAt = now();
            afterCommit(() -> hub.recordServerEvent(attemptId, "message.acknowledged", Map.of("message", messageId.toString())));
        }
        return true;
    }

    /** The student's answer to a presence check; kept with whether it came in time. */
    @Transactional
    public boolean answer(UUID attemptId, UUID messageId, String text, String mode) {
        ProctorMessage m = ProctorMessage.findById(messageId);
        if (m == null || !m.attemptId.equals(attemptId) || m.kind != ProctorMessage.Kind.PRESENCE_CHECK) return false;
        if (m.answeredAt == null) {
            m.answeredAt = now();
            m.answer = text == null ? "" : text.strip();
            m.answerMode = "VOICE".equals(mode) ? "VOICE" : "TEXT";
            m.acknowledgedAt = m.answeredAt;
            boolean inTime = m.answeredInTime();
            afterCommit(() -> hub.recordServerEvent(attemptId, "presence.answered",
                    Map.of("message", messageId.toString(), "inTime", inTime, "mode", m.answerMode, "text", m.answer)));
        }
        return true;
    }

    // ------------------------------------------------------------------ suspend, resume, terminate

    /** Stops the clock (the one timer rule: time does not run while suspended). */
    @Transactional
    public void suspend(UUID attemptId, String reason, Actor actor) {
        AttemptRecord a = requireWatched(attemptId, actor);
        attempts.suspend(a.id(), requireText(reason, "SUSPEND_REASON_REQUIRED"));
        afterCommit(() -> {
            hub.toStudent(attemptId, json.createObjectNode().put("type", "state").put("state", AttemptState.SUSPENDED.name()).put("reason", reason));
            hub.recordServerEvent(attemptId, "attempt.suspended", Map.of("reason", reason, "by", actor.login()));
            hub.attemptChanged(attemptId);
        });
    }

    @Transactional
    public void resume(UUID attemptId, Actor actor) {
        long pausedBefore = requireWatched(attemptId, actor).pausedSeconds();
        attempts.resume(attemptId);
        AttemptRecord a = attemptCatalog.find(attemptId).orElse(null);
        String deadline = a.deadlineAt().toString();
        // the pause is added to the deadline: the student is told how much
        long credited = Math.max(0, a.pausedSeconds() - pausedBefore);
        afterCommit(() -> {
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
        AttemptRecord a = requireWatched(attemptId, actor);
        if (a.state().isFinished()) throw Problem.conflict("ATTEMPT_FINISHED", "The attempt is already " + a.state());
        ProctorTermination t = new ProctorTermination();
        t.attemptId = a.id();
        t.reason = requireText(reason, "TERMINATION_REASON_REQUIRED");
        t.requestedBy = actor.id();
        t.requestedAt = now();
        t.persist();
        audit.record(Change.of("proctoring.termination.requested", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("reason", t.reason, "rule", t.rule, "termination", t.id.toString())));
        if (actor.hasAny(AUTHORITY)) {
            confirm(t, a, actor);
        } else {
            terminationRequested.fire(TerminationCases.requested(t, a, exams.find(a.examId()).orElse(null))); // the deciders' inbox notices, in this transaction
            afterCommit(() -> hub.recordServerEvent(attemptId, "termination.requested", Map.of("by", actor.login(), "reason", t.reason)));
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
        t.decline(actor.id(), now());
        audit.record(Change.of("proctoring.termination.declined", "attempt", a.id()).scope(a.examId())
                .detail(Map.of("termination", t.id.toString())));
        afterCommit(() -> hub.recordServerEvent(a.id(), "termination.declined", Map.of("by", actor.login())));
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
        Instant now = now();
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
        afterCommit(() -> {
            hub.toStudent(attemptId, json.createObjectNode().put("type", "state").put("state", AttemptState.TERMINATED.name()).put("reason", reason));
            hub.recordServerEvent(attemptId, "attempt.terminated", Map.of("by", actor.login(), "reason", reason, "rule", ProctorTermination.RULE));
            hub.attemptChanged(attemptId);
        });
    }

    /** Submitted, expired or terminated: the consoles update and the student's page stops streaming. */
    void onFinished(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                    kz.adal.attempt.AttemptEvents.AttemptFinished f) {
        if (f.state() == AttemptState.TERMINATED) return; // confirm() already told everyone, with the reason
        hub.recordServerEvent(f.attemptId(), "attempt.finished", Map.of("state", f.state().name()));
        hub.toStudent(f.attemptId(), json.createObjectNode().put("type", "state").put("state", f.state().name()));
        hub.attemptChanged(f.attemptId());
    }

    /** The recording pipeline saw a track stop or resume: it becomes part of the timeline and raises a flag. */
    void onRecordingInterrupted(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                                kz.adal.media.MediaEvents.RecordingInterrupted r) {
        boolean resumed = "RESUMED".equals(r.reason());
        hub.recordServerEvent(r.attemptId(), resumed ? "recording.resumed" : "recording.stopped",
                Map.of("track", r.kind().name(), "reason", r.reason()));
        hub.attemptChanged(r.attemptId());
    }

    // ------------------------------------------------------------------ reading

    /** One attempt in full: events, flags with their evidence, the score and its explanation, messages. */
    @Transactional
    public TimelineView timeline(UUID attemptId, Actor actor) {
        requireWatched(attemptId, actor);
        return reviewTimeline(attemptId);
    }

    /** An evidence snapshot (JPEG). */
    @Transactional
    public byte[] evidence(UUID attemptId, UUID snapshotId, Actor actor) {
        requireWatched(attemptId, actor);
        byte[] jpeg = events.evidenceJpeg(attemptId, snapshotId);
        if (jpeg == null) throw Problem.notFound("Snapshot");
        return jpeg;
    }

    /** The grid as a list (for REST clients; the console uses the socket): most suspicious first. */
    @Transactional
    public List<Map<String, Object>> grid(Actor actor) {
        Instant now = now();
        return directory.watchedBy(actor.id(), now).stream().map(f -> {
            LiveHub.Watched w = new LiveHub.Watched(f.attemptId());
            w.facts = f;
            events.load(f.attemptId()).forEach(w::add);
            w.loaded = true;
            @SuppressWarnings("unchecked")
            Map<String, Object> tile = json.convertValue(hub.tile(w, now), LinkedHashMap.class);
            return tile;
        }).sorted((x, y) -> {
            int c = Integer.compare((Integer) x.get("score"), (Integer) y.get("score"));
            return c != 0 ? c : Integer.compare((Integer) y.get("openFlags"), (Integer) x.get("openFlags"));
        }).toList();
    }

    // ------------------------------------------------------------------ helpers

    /** The attempt, if this person is assigned to it; otherwise 404 (its existence is not revealed). */
    private AttemptRecord requireWatched(UUID attemptId, Actor actor) {
        AttemptRecord a = attemptCatalog.find(attemptId).orElse(null);
        if (a == null || !directory.isAssigned(actor.id(), attemptId)) throw Problem.notFound("Attempt");
        return a;
    }

    private static void requireRunning(AttemptRecord a) {
        if (a.state() != AttemptState.IN_PROGRESS && a.state() != AttemptState.SUSPENDED) {
            throw Problem.conflict("ATTEMPT_NOT_RUNNING", "The attempt is " + a.state());
        }
    }

    private static String requireText(String text, String code) {
        if (text == null || text.isBlank()) throw Problem.badRequest(code, "A text is required");
        if (text.length() > MAX_TEXT) throw Problem.badRequest("TEXT_TOO_LONG", "At most " + MAX_TEXT + " characters");
        return text.strip();
    }

    private static void requireAny(Actor actor, Set<Role> roles, String message) {
        if (actor.roles().stream().noneMatch(roles::contains)) throw Problem.forbidden(message);
    }

    private void afterCommit(Runnable r) {
        AfterCommit.run(tx, r);
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
    // ------------------------------------------------------------------ review (read-only; added for kz.adal.review)

    /**
     * An attempt's timeline, flags (with the nearest evidence snapshot) and score as {@link #timeline} gives it, for a
     * reviewer: no proctor assignment is needed — the caller (the review) checks its own access rule first.
     */
    @Transactional
    public TimelineView reviewTimeline(UUID attemptId) {
        AttemptFacts f = directory.facts(attemptId).orElseThrow(() -> Problem.notFound("Attempt"));
        Instant now = now();
        List<LiveEvent> list = new Timeline(events.load(attemptId), null, now, config.disconnectGrace()).events();
        List<Flag> flags = FlagRules.withNearestSnapshots(hub.flags(f, list, now), events.evidence(attemptId));
        CredibilityScore score = CredibilityScore.of(flags, hub.weights(), now);
        Duration left = f.remaining(now);
        return new TimelineView(f.attemptId(), f.examId(), f.examTitle(), f.studentName(), f.state().name(), f.deadlineAt(),
                left == null ? null : left.toMillis(), now, score.score(),
                score.items().stream().map(i -> new CostView(i.type().name(), i.count(), i.seconds(), i.cost())).toList(),
                flags.stream().map(x -> new FlagView(x.type().name(), x.severity().name(), x.startAt(), x.endAt(),
                        x.duration(now).toSeconds(), x.eventIds(), x.snapshotId(), x.detail())).toList(),
                list.stream().map(e -> new EventView(e.id(), e.seq(), e.kind(), e.at(), e.clientAt(), e.serverAt(), e.data())).toList(),
                ProctorMessage.<ProctorMessage>list("attemptId = ?1 order by sentAt", attemptId).stream().map(MessageView::of).toList(),
                ProctorTermination.<ProctorTermination>list("attemptId = ?1 order by requestedAt", attemptId).stream()
                        .map(TerminationView::of).toList());
    }

    /** Every evidence snapshot of an attempt (id and time), for the review. */
    public List<FlagRules.SnapshotRef> reviewEvidence(UUID attemptId) {
        return events.evidence(attemptId);
    }

    /** An evidence snapshot's JPEG for the review (the caller checked access); null when it is not the attempt's. */
    public byte[] reviewEvidenceJpeg(UUID attemptId, UUID snapshotId) {
        return events.evidenceJpeg(attemptId, snapshotId);
    }
}
