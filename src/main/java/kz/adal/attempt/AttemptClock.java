package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * An attempt's time. Immutable; each verb returns the next value, and the entity stores the fields.
 *
 * <p><b>The one timer rule.</b> {@code deadline = startedAt + duration + accommodation + credited +
 * paused}. Time does not run while the attempt is suspended: a suspension moves the deadline by its
 * length, so the student never loses time to a pause or a lost connection. Nothing else moves it.
 *
 * @param startedAt     when the attempt entered {@link AttemptState#IN_PROGRESS} for the first time
 * @param duration      the time the attempt was given at start (the exam's, or less when cut at close)
 * @param accommodation approved extra time for this student (e.g. 001 §5.8.2), zero if none
 * @param credited      time credited after a technical-failure decision, zero if none
 * @param paused        total length of finished suspensions
 * @param suspendedAt   when the current suspension began, or null when not suspended
 */
public record AttemptClock(Instant startedAt, Duration duration, Duration accommodation, Duration credited,
                           Duration paused, Instant suspendedAt) {

    public AttemptClock {
        if (startedAt == null || duration == null || accommodation == null || credited == null || paused == null) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_INCOMPLETE", "Every clock field except suspendedAt is required.");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_DURATION_NOT_POSITIVE", "The duration must be positive.");
        }
        if (accommodation.isNegative() || credited.isNegative() || paused.isNegative()) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_NEGATIVE_TIME",
                    "Accommodation, credited and paused time cannot be negative.");
        }
    }

    /** A clock started at {@code startedAt} with {@code duration}, no extras. */
    public static AttemptClock start(Instant startedAt, Duration duration) {
        return new AttemptClock(startedAt, duration, Duration.ZERO, Duration.ZERO, Duration.ZERO, null);
    }

    /** Sets the approved accommodation (replaces any earlier value). */
    public AttemptClock withAccommodation(Duration extra) {
        return new AttemptClock(startedAt, duration, extra, credited, paused, suspendedAt);
    }

    /** Adds time credited after a technical-failure decision. */
    public AttemptClock credit(Duration extra) {
        if (extra.isNegative()) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_NEGATIVE_TIME", "Credited time cannot be negative.");
        }
        return new AttemptClock(startedAt, duration, accommodation, credited.plus(extra), paused, suspendedAt);
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    /** Stops the clock at {@code at}. Refused when already suspended or the time is already up. */
    public AttemptClock suspend(Instant at) {
        if (isSuspended()) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_ALREADY_SUSPENDED", "The attempt is already suspended.");
        }
        if (at.isBefore(startedAt)) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_BEFORE_START", "A suspension cannot begin before the start.");
        }
        if (!at.isBefore(deadlineAt(at))) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_TIME_UP", "The time is up; the attempt cannot be suspended.");
        }
        return new AttemptClock(startedAt, duration, accommodation, credited, paused, at);
    }

    /** Restarts the clock at {@code at}; the pause is added to the deadline. */
    public AttemptClock resume(Instant at) {
        if (!isSuspended()) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_NOT_SUSPENDED", "The attempt is not suspended.");
        }
        if (at.isBefore(suspendedAt)) {
            throw RuleViolation.conflict("ATTEMPT_CLOCK_RESUME_BEFORE_SUSPEND",
                    "The attempt cannot resume before it was suspended (" + suspendedAt + ").");
        }
        return new AttemptClock(startedAt, duration, accommodation, credited,
                paused.plus(Duration.between(suspendedAt, at)), null);
    }

    /**
     * The deadline as it stands at {@code now}. While suspended, the open pause counts up to {@code now},
     * so the deadline keeps moving until the attempt resumes.
     */
    public Instant deadlineAt(Instant now) {
        Duration openPause = isSuspended() && now.isAfter(suspendedAt) ? Duration.between(suspendedAt, now) : Duration.ZERO;
        return startedAt.plus(duration).plus(accommodation).plus(credited).plus(paused).plus(openPause);
    }

    /** Time left at {@code now}, never negative; frozen while suspended. */
    public Duration remainingAt(Instant now) {
        Instant reference = isSuspended() ? suspendedAt : now;
        if (reference.isBefore(startedAt)) {
            reference = startedAt;
        }
        Duration left = Duration.between(reference, deadlineAt(reference));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the time is up at {@code now}: never while suspended; at the deadline instant, yes. */
    public boolean isExpiredAt(Instant now) {
        return !isSuspended() && !now.isBefore(deadlineAt(now));
    }
}
