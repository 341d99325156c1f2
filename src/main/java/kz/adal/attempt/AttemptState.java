package kz.adal.attempt;

import kz.adal.platform.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one lifecycle of an attempt. The enum owns the allowed transitions; the entity's verbs
 * ({@code start}, {@code suspend}, {@code submit}…) check them. See docs/domain/attempt-lifecycle.md.
 */
public enum AttemptState implements Lifecycle<AttemptState> {
    /** Admitted, not yet begun. */
    NOT_STARTED,
    /** Pre-exam checks: equipment, consent, identity (000 §4.5, §4.7). The clock is not running. */
    CHECKS,
    /** Answering; the clock runs. */
    IN_PROGRESS,
    /** Paused by a proctor or a lost connection; the clock is stopped and the deadline moves. */
    SUSPENDED,
    /** Handed in by the student. */
    SUBMITTED,
    /** The deadline passed (or a suspension could not be resumed before the service's limit). */
    EXPIRED,
    /** Stopped by a proctor for breaking the rules (001 §6.14) or refused at the identity check. */
    TERMINATED,
    /**
     * Voided after a technical-failure decision, audited; a re-sit is then done under an individual
     * sheet, never as a second attempt (product decision). Final.
     */
    VOIDED;

    public Set<AttemptState> next() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.of(CHECKS);
            case CHECKS -> EnumSet.of(IN_PROGRESS, TERMINATED);
            case IN_PROGRESS -> EnumSet.of(SUSPENDED, SUBMITTED, EXPIRED, TERMINATED, VOIDED);
            case SUSPENDED -> EnumSet.of(IN_PROGRESS, EXPIRED, TERMINATED, VOIDED);
            case EXPIRED -> EnumSet.of(VOIDED, IN_PROGRESS); // IN_PROGRESS: the reopen move, see canReopen
            case SUBMITTED, TERMINATED -> EnumSet.of(VOIDED);
            case VOIDED -> EnumSet.noneOf(AttemptState.class);
        };
    }

    /**
     * The one way back from a finished state: an attempt that expired because of a technical failure is
     * reopened when the commission decides the same attempt continues with the lost time credited (001
     * §6.15.6 and the product decision "never a second attempt": {@code Attempt.continueAfterFailure}).
     * A submitted, terminated or voided attempt is never reopened.
     */
    public boolean canReopen() {
        return this == EXPIRED;
    }

    /** No more answers will come (unless an EXPIRED attempt is reopened): submitted, expired, terminated or voided. */
    public boolean isFinished() {
        return this == SUBMITTED || this == EXPIRED || this == TERMINATED || this == VOIDED;
    }

    /** Answers are saved only while the attempt is in progress. */
    public boolean acceptsAnswers() {
        return this == IN_PROGRESS;
    }

    /** The attempt's clock runs only while it is in progress (the one timer rule). */
    public boolean clockRuns() {
        return this == IN_PROGRESS;
    }
}
