package kz.adal.exam;

import kz.adal.platform.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens when a student starts so late in the window that the full time no longer fits before
 * the window closes. A product decision per exam (not from the seeds).
 */
public enum LateStartPolicy {

    /** A start after {@code close − duration} is refused: everyone who starts gets the full time. */
    REFUSE_AFTER_CLOSE_MINUS_DURATION,
    /** A late start is allowed but the attempt ends at the window's close; the student is told first. */
    CUT_AT_CLOSE;

    /**
     * Decides a start at {@code startAt} in the window {@code [opensAt, closesAt)}.
     *
     * @param duration the student's full time (the exam's duration plus any approved accommodation)
     * @return the outcome: refused with a code, or allowed with the duration and deadline it gets
     */
    public LateStart evaluate(Instant opensAt, Instant closesAt, Duration duration, Instant startAt) {
        if (!closesAt.isAfter(opensAt)) {
            throw RuleViolation.invalid("EXAM_WINDOW_INVALID", "The window must close after it opens.");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw RuleViolation.invalid("EXAM_LIMITS_DURATION_NOT_POSITIVE", "The duration must be positive.");
        }
        if (startAt.isBefore(opensAt)) {
            return LateStart.refused("EXAM_NOT_OPEN", "The exam window opens at " + opensAt + ".");
        }
        if (!startAt.isBefore(closesAt)) {
            return LateStart.refused("EXAM_CLOSED", "The exam window closed at " + closesAt + ".");
        }
        Instant fullDeadline = startAt.plus(duration);
        if (!fullDeadline.isAfter(closesAt)) {
            return new LateStart(true, null, null, duration, fullDeadline, false);
        }
        return switch (this) {
            case REFUSE_AFTER_CLOSE_MINUS_DURATION -> LateStart.refused("TOO_LATE_TO_START",
                    "Starting now would not leave the full " + duration.toMinutes()
                            + " minutes before the window closes at " + closesAt + ".");
            case CUT_AT_CLOSE -> new LateStart(true, null, null, Duration.between(startAt, closesAt), closesAt, true);
        };
    }

    /**
     * The outcome of a start request.
     *
     * @param allowed        whether the attempt may start
     * @param refusalCode    stable code when refused, otherwise null
     * @param refusalMessage message when refused, otherwise null
     * @param duration       the time the attempt gets (shorter than the full time when cut)
     * @param deadline       when that time ends, before any suspension moves it
     * @param mustWarn       the student must be told, and accept, that they get less than the full time
     */
    public record LateStart(boolean allowed, String refusalCode, String refusalMessage,
                            Duration duration, Instant deadline, boolean mustWarn) {

        static LateStart refused(String code, String message) {
            return new LateStart(false, code, message, null, null, false);
        }
    }
}
