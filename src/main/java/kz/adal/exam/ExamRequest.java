package kz.adal.exam;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A teacher's exam definition, for creating, editing and the live check. Null numbers take the
 * kind's defaults (30 questions, 50 minutes, 1 attempt); a blank discipline takes the bank passport's.
 */
public record ExamRequest(String title, AssessmentKind kind, String discipline, String groupCode, String academicPeriod,
                          UUID bankVersionId, Set<String> topics, Integer questionCount, Integer durationMinutes,
                          Integer attemptsAllowed, MultipleCorrectRule multipleCorrectRule, Instant opensAt, Instant closesAt,
                          LateStartPolicy lateStartPolicy, Instant resultsVisibleAt, DeliveryMode deliveryMode,
                          String deliveryReason) {
}
