package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import java.time.Duration;

/**
 * The per-kind rules an exam definition and an admission are checked against. Stateless; every
 * method either returns what is allowed or throws an {@link kz.adal.platform.RuleViolation} with a stable code.
 */
public final class ExamRules {

    private ExamRules() {
    }

    /**
     * Checks the limits a teacher asks for. For the session exam they are fixed (001 §5.20.3): at most
     * 30 questions, exactly 50 minutes («50 минут (шектеледі)»), exactly one attempt; fewer questions
     * are allowed. Extra time for one student is an accommodation on the attempt's clock, not here.
     * For the other kinds any positive values are accepted; the defaults are the same 30/50/1.
     *
     * @return the requested limits, when allowed
     */
    public static ExamLimits checkLimits(AssessmentKind kind, ExamLimits requested) {
        if (!kind.hasFixedLimits()) {
            return requested;
        }
        ExamLimits fixed = kind.defaultLimits();
        if (requested.questionCount() > fixed.questionCount()) {
            throw RuleViolation.invalid("EXAM_ATTESTATION_TOO_MANY_QUESTIONS",
                    "An intermediate attestation test has at most " + fixed.questionCount()
                            + " questions (001 §5.20.3); " + requested.questionCount() + " were requested.");
        }
        if (!requested.duration().equals(fixed.duration())) {
            throw RuleViolation.invalid("EXAM_ATTESTATION_DURATION_FIXED",
                    "An intermediate attestation test lasts exactly " + fixed.duration().toMinutes()
                            + " minutes (001 §5.20.3); " + describe(requested.duration())
                            + " were requested. Extra time is given per student as an accommodation.");
        }
        if (requested.attempts() != fixed.attempts()) {
            throw RuleViolation.invalid("EXAM_ATTESTATION_SINGLE_ATTEMPT",
                    "An intermediate attestation test allows exactly one attempt (001 §5.20.3); "
                            + requested.attempts() + " were requested.");
        }
        return requested;
    }

    /**
     * Checks how a sitting is watched. Proctoring is mandatory for remote control and attestation
     * (003 §16; 001 §5.17.2); it may be replaced only by a supervised on-campus sitting, and then the
     * reason must be recorded.
     *
     * @param reason why proctoring is replaced; required for {@link DeliveryMode#SUPERVISED_ON_CAMPUS}
     */
    public static void checkDelivery(AssessmentKind kind, DeliveryMode mode, String reason) {
        if (!kind.requiresProctoring()) {
            return;
        }
        switch (mode) {
            case REMOTE_PROCTORED -> {
            }
            case REMOTE_UNPROCTORED -> throw RuleViolation.invalid("EXAM_PROCTORING_REQUIRED",
                    "A remote " + kind + " must be proctored (003 §16; 001 §5.17.2).");
            case SUPERVISED_ON_CAMPUS -> {
                if (reason == null || reason.isBlank()) {
                    throw RuleViolation.invalid("EXAM_PROCTORING_REASON_REQUIRED",
                            "Replacing proctoring by a supervised on-campus sitting needs a recorded reason.");
                }
            }
        }
    }

    /** Checks that a student may sit an exam of this kind (001 §5.30, §5.39.4). */
    public static void checkAdmission(AssessmentKind kind, AdmissionFacts facts) {
        if (kind.requiresCompletedCurriculum() && !facts.completedCurriculum()) {
            throw RuleViolation.conflict("EXAM_ADMISSION_CURRICULUM_NOT_COMPLETED",
                    "Only students who completed the whole curriculum are admitted to the final attestation (001 §5.39.4).");
        }
        if (kind.requiresCompletedControlTasks() && !facts.completedControlTasks()) {
            throw RuleViolation.conflict("EXAM_ADMISSION_CONTROL_TASKS_NOT_COMPLETED",
                    "Admission to the intermediate attestation needs all control tasks of the course completed (001 §5.30).");
        }
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }
}
