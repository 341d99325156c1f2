package kz.adal.casework;

import kz.adal.attempt.AnswerReceipts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the appeal pages read ({@link AppealQueries}). */
public final class AppealViews {
    private AppealViews() {
    }

    public record Deadlines(Instant filingClosesAt, LocalDate hearingDueOn, LocalDate resultDueOn, boolean resultDueProjected,
                            String calendarProblem, boolean hearingOverdue, boolean resultOverdue) {}

    public record GradeChangeView(String before, String after, String changedBy, Instant changedAt) {}

    public record Person(UUID id, String name) {}

    public record CommissionView(UUID id, UUID examId, UUID sittingId, String title, Person chair, Person deputy, List<Person> members,
                                 boolean chairAbsent, String absenceNote, Person signer) {}

    public record AppealView(UUID id, String kind, UUID examId, UUID sittingId, UUID attemptId, UUID turnId, String title,
                             Person student, String reason, String attachmentName, Instant examEndedAt, Instant filedAt, String state,
                             Instant hearingAt, String hearingLink, String decision, String decisionNote, String signedByName,
                             AppealSeat signedAs, Instant decidedAt, Deadlines deadlines, String currentGrade, GradeChangeView gradeChange,
                             AppealSeat myRole, boolean maySign, String evidenceLink, CommissionView commission,
                             AnswerReceipts.Check receipt) {}

    /** Something the student may appeal, with its filing window (shown even when closed). */
    public record Option(String kind, UUID attemptId, UUID turnId, String title, String grade, Instant examEndedAt,
                         Instant opensAt, Instant closesAt, boolean open, String notOpenReason, UUID appealId) {}
}
