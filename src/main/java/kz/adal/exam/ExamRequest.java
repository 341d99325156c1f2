package kz.adal.exam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A teacher's exam definition, for creating, editing and the live check. Null numbers take the
 * kind's defaults (30 questions, 50 minutes, 1 attempt); a blank discipline takes the bank passport's.
 * The rules of one field are its constraints; the kind's limits, the window, the bank, the group and the
 * other exams of the period are {@link ExamService#check}'s.
 */
public record ExamRequest(@NotBlank(message = "is required") String title,
                          @NotNull(message = "is required") AssessmentKind kind, String discipline,
                          @NotBlank(message = "is required") String groupCode,
                          @NotNull(message = "is required") @Pattern(regexp = "\\s*" + ExamService.PERIOD_PATTERN + "\\s*",
                                  message = "{problem.PERIOD_INVALID}") String academicPeriod,
                          @NotNull(message = "is required") UUID bankVersionId,
                          Set<@NotBlank(message = "has a blank topic") String> topics,
                          @Positive(message = "must be at least 1") Integer questionCount,
                          @Positive(message = "must be at least 1 minute") Integer durationMinutes,
                          @Positive(message = "must be at least 1") Integer attemptsAllowed,
                          MultipleCorrectRule multipleCorrectRule,
                          @NotNull(message = "is required") Instant opensAt,
                          @NotNull(message = "is required") Instant closesAt,
                          LateStartPolicy lateStartPolicy, Instant resultsVisibleAt, DeliveryMode deliveryMode,
                          String deliveryReason) {

    /** The fields whose values make up the exam's limits ({@link ExamLimits}). */
    static final Set<String> LIMIT_FIELDS = Set.of("questionCount", "durationMinutes", "attemptsAllowed");
}
