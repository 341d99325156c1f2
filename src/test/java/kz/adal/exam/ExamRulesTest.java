package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExamRulesTest {

    private static final Duration FIFTY = Duration.ofMinutes(50);

    @Test
    void everyKindStartsWithThirtyQuestionsFiftyMinutesOneAttempt() {
        for (AssessmentKind kind : AssessmentKind.values()) {
            assertEquals(new ExamLimits(30, FIFTY, 1), kind.defaultLimits());
        }
    }

    @Test
    void onlyTheSessionExamHasFixedLimits() {
        assertTrue(AssessmentKind.INTERMEDIATE_ATTESTATION.hasFixedLimits());
        assertFalse(AssessmentKind.CURRENT_CONTROL.hasFixedLimits());
        assertFalse(AssessmentKind.INTERMEDIATE_CONTROL.hasFixedLimits());
        assertFalse(AssessmentKind.FINAL_ATTESTATION_TEST.hasFixedLimits());
    }

    @Test
    void refusesThirtyOneQuestionsForAttestation() { // 001 §5.20.3
        RuleViolation e = assertThrows(RuleViolation.class, () -> ExamRules.checkLimits(
                AssessmentKind.INTERMEDIATE_ATTESTATION, new ExamLimits(31, FIFTY, 1)));
        assertEquals("EXAM_ATTESTATION_TOO_MANY_QUESTIONS", e.code());
        assertTrue(e.getMessage().contains("at most 30"), e.getMessage());
    }

    @Test
    void refusesSixtyMinutesForAttestation() { // 001 §5.20.3
        RuleViolation e = assertThrows(RuleViolation.class, () -> ExamRules.checkLimits(
                AssessmentKind.INTERMEDIATE_ATTESTATION, new ExamLimits(30, Duration.ofMinutes(60), 1)));
        assertEquals("EXAM_ATTESTATION_DURATION_FIXED", e.code());
        assertTrue(e.getMessage().contains("60 minutes"), e.getMessage());
    }

    @Test
    void refusesFortyMinutesForAttestationBecauseTheDurationIsFixed() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> ExamRules.checkLimits(
                AssessmentKind.INTERMEDIATE_ATTESTATION, new ExamLimits(30, Duration.ofMinutes(40), 1)));
        assertEquals("EXAM_ATTESTATION_DURATION_FIXED", e.code());
    }

    @Test
    void refusesASecondAttemptForAttestation() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> ExamRules.checkLimits(
                AssessmentKind.INTERMEDIATE_ATTESTATION, new ExamLimits(30, FIFTY, 2)));
        assertEquals("EXAM_ATTESTATION_SINGLE_ATTEMPT", e.code());
    }

    @Test
    void allowsThirtyQuestionsAndFewerForAttestation() {
        assertDoesNotThrow(() -> ExamRules.checkLimits(AssessmentKind.INTERMEDIATE_ATTESTATION, new ExamLimits(30, FIFTY, 1)));
        assertDoesNotThrow(() -> ExamRules.checkLimits(AssessmentKind.INTERMEDIATE_ATTESTATION, new ExamLimits(20, FIFTY, 1)));
    }

    @Test
    void letsCurrentControlChangeTheDefaults() {
        ExamLimits wanted = new ExamLimits(40, Duration.ofMinutes(90), 3);
        assertEquals(wanted, ExamRules.checkLimits(AssessmentKind.CURRENT_CONTROL, wanted));
        assertEquals(wanted, ExamRules.checkLimits(AssessmentKind.INTERMEDIATE_CONTROL, wanted));
        assertEquals(wanted, ExamRules.checkLimits(AssessmentKind.FINAL_ATTESTATION_TEST, wanted));
    }

    @Test
    void rejectsNonPositiveLimitsForAnyKind() {
        assertEquals("EXAM_LIMITS_QUESTION_COUNT_NOT_POSITIVE",
                assertThrows(RuleViolation.class, () -> new ExamLimits(0, FIFTY, 1)).code());
        assertEquals("EXAM_LIMITS_DURATION_NOT_POSITIVE",
                assertThrows(RuleViolation.class, () -> new ExamLimits(10, Duration.ZERO, 1)).code());
        assertEquals("EXAM_LIMITS_ATTEMPTS_NOT_POSITIVE",
                assertThrows(RuleViolation.class, () -> new ExamLimits(10, FIFTY, 0)).code());
    }

    @Test
    void refusesAnUnproctoredRemoteSittingForEveryKind() { // 003 §16; 001 §5.17.2
        for (AssessmentKind kind : AssessmentKind.values()) {
            RuleViolation e = assertThrows(RuleViolation.class,
                    () -> ExamRules.checkDelivery(kind, DeliveryMode.REMOTE_UNPROCTORED, "no webcams"));
            assertEquals("EXAM_PROCTORING_REQUIRED", e.code());
        }
    }

    @Test
    void allowsASupervisedOnCampusSittingOnlyWithAReason() {
        assertDoesNotThrow(() -> ExamRules.checkDelivery(AssessmentKind.INTERMEDIATE_ATTESTATION,
                DeliveryMode.SUPERVISED_ON_CAMPUS, "Held in room 214 with an invigilator; proctoring server down"));
        assertEquals("EXAM_PROCTORING_REASON_REQUIRED", assertThrows(RuleViolation.class,
                () -> ExamRules.checkDelivery(AssessmentKind.INTERMEDIATE_ATTESTATION, DeliveryMode.SUPERVISED_ON_CAMPUS, " ")).code());
        assertEquals("EXAM_PROCTORING_REASON_REQUIRED", assertThrows(RuleViolation.class,
                () -> ExamRules.checkDelivery(AssessmentKind.CURRENT_CONTROL, DeliveryMode.SUPERVISED_ON_CAMPUS, null)).code());
    }

    @Test
    void allowsAProctoredRemoteSittingWithoutAReason() {
        assertDoesNotThrow(() -> ExamRules.checkDelivery(AssessmentKind.CURRENT_CONTROL, DeliveryMode.REMOTE_PROCTORED, null));
    }

    @Test
    void admitsToFinalAttestationOnlyAfterTheWholeCurriculum() { // 001 §5.39.4
        RuleViolation e = assertThrows(RuleViolation.class, () -> ExamRules.checkAdmission(
                AssessmentKind.FINAL_ATTESTATION_TEST, new AdmissionFacts(false, true)));
        assertEquals("EXAM_ADMISSION_CURRICULUM_NOT_COMPLETED", e.code());
        assertDoesNotThrow(() -> ExamRules.checkAdmission(AssessmentKind.FINAL_ATTESTATION_TEST, new AdmissionFacts(true, false)));
    }

    @Test
    void admitsToTheSessionExamOnlyAfterAllControlTasks() { // 001 §5.30
        RuleViolation e = assertThrows(RuleViolation.class, () -> ExamRules.checkAdmission(
                AssessmentKind.INTERMEDIATE_ATTESTATION, new AdmissionFacts(false, false)));
        assertEquals("EXAM_ADMISSION_CONTROL_TASKS_NOT_COMPLETED", e.code());
        assertDoesNotThrow(() -> ExamRules.checkAdmission(AssessmentKind.INTERMEDIATE_ATTESTATION, new AdmissionFacts(false, true)));
        assertDoesNotThrow(() -> ExamRules.checkAdmission(AssessmentKind.CURRENT_CONTROL, new AdmissionFacts(false, false)));
    }
}
