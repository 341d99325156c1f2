package kz.adal.exam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An exam as teachers and administrators see it. */
public record ExamView(UUID id, String title, AssessmentKind kind, String discipline, String groupCode, String academicPeriod,
                       UUID bankVersionId, List<String> topics, int questionCount, int durationMinutes, int attemptsAllowed,
                       MultipleCorrectRule multipleCorrectRule, Instant opensAt, Instant closesAt, LateStartPolicy lateStartPolicy,
                       Instant resultsVisibleAt, DeliveryMode deliveryMode, String deliveryReason, ExamState state,
                       String cancelReason, UUID createdBy, Instant createdAt, LocalDate lastAttestationDay,
                       LocalDate aisExportFrom) {

    static ExamView of(Exam e) {
        return new ExamView(e.id, e.title, e.kind, e.discipline, e.groupCode, e.academicPeriod, e.bankVersionId,
                e.topics.stream().sorted().toList(), e.questionCount, e.durationMinutes, e.attemptsAllowed,
                e.multipleCorrectRule, e.opensAt, e.closesAt, e.lateStartPolicy, e.resultsVisibleAt, e.deliveryMode,
                e.deliveryReason, e.state, e.cancelReason, e.createdBy, e.createdAt, AisExportRule.lastAttestationDay(e),
                AisExportRule.firstExportDay(e));
    }
}
