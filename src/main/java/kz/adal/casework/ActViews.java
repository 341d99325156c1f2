package kz.adal.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the act pages read. */
public final class ActViews {
    private ActViews() {
    }

    public record Member(UUID id, String name, String seat, boolean voted) {
    }

    public record VoteView(String voter, ActDecision choice, String comment, Instant castAt) {
    }

    public record NoticeStatus(String recipient, String mailTo, String mailStatus, boolean read) {
    }

    public record Permissions(boolean edit, boolean sign, boolean vote, boolean decide) {
    }

    public record IncompleteView(UUID id, UUID turnId, String sitting, LocalDate awardedOn, LocalDate dueOn, String grade,
                                 LocalDate clearedOn, UUID actId) {
    }

    public record ActView(UUID id, String kind, String state, String title, UUID examId, UUID attemptId, UUID sittingId,
                          UUID turnId, String student, String attemptState, ActDraft.Result evidence, long lostSeconds,
                          String whatHappened, String effect, String measures, String draftedBy, Instant draftedAt,
                          String signedBy, Instant signedAt, List<ActDecision> options, List<Member> commission,
                          List<VoteView> votes, Map<ActDecision, Integer> counts, List<String> waitingFor, List<ActDecision> tiedBetween,
                          ActDecision myVote, ActDecision decision, String decisionReason, String decidedBy, Instant decidedAt,
                          Long creditedSeconds, UUID sheetId, UUID resitTurnId, IncompleteView incomplete,
                          List<NoticeStatus> mail, Permissions can) {
    }

    public record ActRow(UUID id, String kind, String state, String title, String student, UUID attemptId, UUID turnId,
                         Instant draftedAt, Instant signedAt, ActDecision decision, String myRole) {
    }

    /** An attempt an act may be drafted for. */
    public record Candidate(UUID attemptId, String exam, String student, String state, Instant startedAt) {
    }
}
