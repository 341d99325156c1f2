package kz.adal.casework.commission;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the rest of casework reads of a test exam's commission (acts are voted on by it, drafted by its secretary):
 * records, never the {@link ExamCommissionSeat} rows. Call inside a transaction.
 */
public final class ExamCommissions {

    private ExamCommissions() {
    }

    /** One person's seat on an exam's commission. */
    public record Member(UUID userId, CommissionSeat seat) {
    }

    /** The exam's commission, chair first, then the members, then the secretary. */
    public static List<Member> of(UUID examId) {
        return ExamCommissionSeat.of(examId).stream().map(s -> new Member(s.key.userId, s.role)).toList();
    }

    /** Whether the person sits on the exam's commission in any seat. */
    public static boolean sits(UUID examId, UUID userId) {
        if (examId == null || userId == null) return false;
        return ExamCommissionSeat.count("key.examId = ?1 and key.userId = ?2", examId, userId) > 0;
    }

    /** Whether the person holds this seat on the exam's commission. */
    public static boolean holds(UUID examId, UUID userId, CommissionSeat seat) {
        return ExamCommissionSeat.count("key.examId = ?1 and key.userId = ?2 and role = ?3", examId, userId, seat) > 0;
    }

    /** The exams on whose commission the person holds this seat. */
    public static Set<UUID> examsWhere(UUID userId, CommissionSeat seat) {
        return ExamCommissionSeat.<ExamCommissionSeat>list("key.userId = ?1 and role = ?2", userId, seat).stream()
                .map(s -> s.key.examId).collect(Collectors.toSet());
    }
}
