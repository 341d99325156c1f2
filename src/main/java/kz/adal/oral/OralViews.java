package kz.adal.oral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the room page and the API show. Each viewer gets only what their sitting role may see. */
public final class OralViews {
    private OralViews() {}

    public record SittingSummary(UUID id, String title, LocalDate date, String programme, String language,
                                 Set<SittingRole> myRoles, int students) {}

    public record Person(UUID id, String name, String role, boolean present) {}

    public record Room(UUID sittingId, String title, String emergencyBasis, String studyLevel, LocalDate date,
                       String programme, String language, boolean allowRepeatTickets, int preparationMinutes,
                       int answerMinutes, Set<SittingRole> myRoles, UUID me, Instant serverTime,
                       List<Person> commission, Person head, List<Person> students, List<Turn> turns,
                       UUID currentTurnId, int ticketCount, Instant publishedAt, String finalGradeRule,
                       boolean jitsi, List<String> checklistItems) {}

    public record Snapshot(UUID id, String kind, Instant takenAt) {}

    public record Check(boolean idDocumentChecked, String idDocument, String faceVerdict, Map<String, Boolean> checklist,
                        Boolean passed, String note, Instant checkedAt, List<Snapshot> snapshots) {}

    public record MemberGrade(UUID memberId, String name, Integer points) {}

    public record Grades(Integer mine, int given, int expected, boolean allIn, List<MemberGrade> all) {}

    public record Result(int points, String letter, String gpa, int traditionalMark, String explanation, boolean published) {}

    public record Failure(Instant at, String note, LocalDate incompleteDue, String grade) {}

    public record Turn(UUID id, UUID studentId, String studentName, int position, String stage, boolean present,
                       Check check, String commitment, String seed, List<Integer> availableTickets, Integer ticketNumber,
                       List<String> questions, Instant drawnAt, Instant prepStartedAt, Instant prepDeadline,
                       Instant prepEndedAt, Instant answerStartedAt, Instant answerDeadline, Instant answerEndedAt,
                       Grades grades, Result result, Failure failure, UUID resitOf, List<Integer> excludedTickets,
                       Instant linkLostAt, long linkLostSeconds, Instant answerPausedAt, Long answerRemainingMs) {}

    /** The draw, as broadcast to everyone at once and returned to the head (same on every replay). */
    public record Draw(UUID sittingId, UUID turnId, UUID studentId, String commitment, String seed,
                       List<Integer> availableTickets, int ticketNumber, Instant drawnAt, boolean replay) {}

    /**
     * The room's video. {@code enabled}: Jitsi is configured (then {@code domain}, {@code room}, {@code jwt}; with
     * {@code record} the secretary's page asks Jitsi to record the room). Otherwise the built-in WebRTC mesh with
     * these {@code iceServers} (STUN, TURN with time-limited credentials) and an upstream budget per participant.
     */
    public record Video(boolean enabled, String domain, String room, String jwt, boolean moderator, boolean lobby,
                        String displayName, boolean record, List<Map<String, Object>> iceServers, int upstreamKbps) {}
}
