package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.Actor;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorViews.MessageView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Messages between a proctor and a student during an attempt: a message or a warning the student must acknowledge,
 * a voice presence check (001 §6.9) and its answer. The proctor's side is checked (assigned to the attempt, which is
 * running) and audited; the student's side comes from their socket, which checked the student owns the attempt.
 * What happens goes live to the student and into the attempt's timeline after commit.
 */
@ApplicationScoped
class ProctorMessages {
    static final int MIN_PRESENCE_SECONDS = 10;

    private final AuditTrail audit;
    private final LiveHub hub;
    private final ProctoringConfig config;
    private final ObjectMapper json;
    private final ProctorChecks checks;

    ProctorMessages(AuditTrail audit, LiveHub hub, ProctoringConfig config, ObjectMapper json, ProctorChecks checks) {
        this.audit = audit;
        this.hub = hub;
        this.config = config;
        this.json = json;
        this.checks = checks;
    }

    /** A message or a warning; the student sees it as a modal and must acknowledge it. */
    @Transactional
    public MessageView send(UUID attemptId, String kind, String text, Actor actor) {
        AttemptRecord a = checks.requireWatched(attemptId, actor);
        ProctorChecks.requireRunning(a);
        ProctorMessage.Kind k;
        try {
            k = ProctorMessage.Kind.valueOf(kind == null ? "MESSAGE" : kind);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("MESSAGE_KIND_INVALID", "kind is MESSAGE or WARNING");
        }
        if (k == ProctorMessage.Kind.PRESENCE_CHECK) throw Problem.badRequest("MESSAGE_KIND_INVALID", "Use presence-checks for a presence check");
        ProctorMessage m = message(a, k, ProctorChecks.requireText(text, "MESSAGE_TEXT_REQUIRED"), null, actor);
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
        AttemptRecord a = checks.requireWatched(attemptId, actor);
        ProctorChecks.requireRunning(a);
        int s = seconds == null ? 60 : seconds;
        if (s < MIN_PRESENCE_SECONDS || s > config.presenceCheckMaxWait().toSeconds()) {
            throw Problem.badRequest("PRESENCE_CHECK_TIME_INVALID",
                    "answerWithinSeconds is " + MIN_PRESENCE_SECONDS + " to " + config.presenceCheckMaxWait().toSeconds());
        }
        ProctorMessage m = message(a, ProctorMessage.Kind.PRESENCE_CHECK, ProctorChecks.requireText(question, "PRESENCE_QUESTION_REQUIRED"), s, actor);
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
        m.sentAt = checks.now();
        m.answerWithinSeconds = seconds;
        m.persist();
        ObjectNode live = studentMessage(m);
        checks.afterCommit(() -> {
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
            m.acknowledgedAt = checks.now();
            checks.afterCommit(() -> hub.recordServerEvent(attemptId, "message.acknowledged", Map.of("message", messageId.toString())));
        }
        return true;
    }

    /** The student's answer to a presence check; kept with whether it came in time. */
    @Transactional
    public boolean answer(UUID attemptId, UUID messageId, String text, String mode) {
        ProctorMessage m = ProctorMessage.findById(messageId);
        if (m == null || !m.attemptId.equals(attemptId) || m.kind != ProctorMessage.Kind.PRESENCE_CHECK) return false;
        if (m.answeredAt == null) {
            m.answeredAt = checks.now();
            m.answer = text == null ? "" : text.strip();
            m.answerMode = "VOICE".equals(mode) ? "VOICE" : "TEXT";
            m.acknowledgedAt = m.answeredAt;
            boolean inTime = m.answeredInTime();
            checks.afterCommit(() -> hub.recordServerEvent(attemptId, "presence.answered",
                    Map.of("message", messageId.toString(), "inTime", inTime, "mode", m.answerMode, "text", m.answer)));
        }
        return true;
    }
}
