package kz.adal.proctoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payloads of the proctor API. */
public final class ProctorViews {
    private ProctorViews() {
    }

    public record AssignRequest(String proctorLogin, UUID examId, UUID attemptId) {
    }

    public record AssignmentView(UUID id, UUID proctorId, String proctorLogin, UUID examId, UUID attemptId, Instant assignedAt) {
    }

    public record SendMessageRequest(String kind, String text) {
    }

    public record PresenceCheckRequest(String question, Integer answerWithinSeconds) {
    }

    public record ReasonRequest(String reason) {
    }

    public record MessageView(UUID id, UUID attemptId, String kind, String text, Instant sentAt, Integer answerWithinSeconds,
                              Instant acknowledgedAt, String answer, String answerMode, Instant answeredAt, Boolean answeredInTime) {
        static MessageView of(ProctorMessage m) {
            return new MessageView(m.id, m.attemptId, m.kind.name(), m.text, m.sentAt, m.answerWithinSeconds, m.acknowledgedAt,
                    m.answer, m.answerMode, m.answeredAt, m.kind == ProctorMessage.Kind.PRESENCE_CHECK ? m.answeredInTime() : null);
        }
    }

    public record TerminationView(UUID id, UUID attemptId, String reason, String rule, UUID requestedBy, Instant requestedAt,
                                  String state, UUID decidedBy, Instant decidedAt, String absence, String gradeEffect) {
        static TerminationView of(ProctorTermination t) {
            return new TerminationView(t.id, t.attemptId, t.reason, t.rule, t.requestedBy, t.requestedAt, t.state.name(),
                    t.decidedBy, t.decidedAt, t.absence, t.gradeEffect);
        }
    }

    public record FlagView(String type, String severity, Instant startAt, Instant endAt, long seconds, List<UUID> eventIds,
                           UUID snapshotId, String detail) {
    }

    public record CostView(String type, int count, long seconds, BigDecimal cost) {
    }

    public record EventView(UUID id, Long seq, String kind, Instant at, Instant clientAt, Instant serverAt, Map<String, Object> data) {
    }

    /** One attempt for the proctor: who, state, time, flags with evidence, score with its explanation, messages. */
    public record TimelineView(UUID attemptId, UUID examId, String examTitle, String studentName, String state,
                               Instant deadlineAt, Long remainingMs, Instant serverNow, int score, List<CostView> costs,
                               List<FlagView> flags, List<EventView> events, List<MessageView> messages,
                               List<TerminationView> terminations) {
    }
}
