package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import java.time.Duration;

/**
 * How many questions, how long and how many attempts an exam gives each student. Accommodations
 * (extra time per student) are not part of the limits: they are added to one attempt's clock.
 */
public record ExamLimits(int questionCount, Duration duration, int attempts) {

    /** 30 questions, 50 minutes, 1 attempt (001 §5.20.3). */
    public static final ExamLimits STANDARD = new ExamLimits(30, Duration.ofMinutes(50), 1);

    public ExamLimits {
        if (duration == null) {
            throw RuleViolation.invalid("EXAM_LIMITS_DURATION_MISSING", "An exam needs a duration.");
        }
        if (questionCount < 1) {
            throw RuleViolation.invalid("EXAM_LIMITS_QUESTION_COUNT_NOT_POSITIVE",
                    "An exam needs at least one question, got " + questionCount + ".");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw RuleViolation.invalid("EXAM_LIMITS_DURATION_NOT_POSITIVE",
                    "An exam's duration must be positive, got " + duration + ".");
        }
        if (attempts < 1) {
            throw RuleViolation.invalid("EXAM_LIMITS_ATTEMPTS_NOT_POSITIVE",
                    "An exam needs at least one attempt, got " + attempts + ".");
        }
    }
}
