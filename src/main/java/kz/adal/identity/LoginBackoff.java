package kz.adal.identity;

import java.time.Duration;

/**
 * How long one address must wait after repeated failed logins for one account: nothing for the
 * first few, then a wait that doubles with each further failure up to a ceiling. A person who
 * mistyped waits seconds; a guesser's rate falls off quickly.
 */
record LoginBackoff(int freeFailures, Duration first, Duration ceiling) {

    static LoginBackoff of(IdentityConfig.Throttle t) {
        return new LoginBackoff(t.maxFailures(), t.firstLockout(), t.lockout());
    }

    /** The wait after the given number of failures in a row; zero while still free. */
    Duration waitAfter(int failures) {
        if (failures < freeFailures) return Duration.ZERO;
        int doublings = Math.min(failures - freeFailures, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }
}
