package kz.adal.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "adal.identity")
public interface IdentityConfig {
    /** Lifetime of an access token; short because logout revocation is checked anyway. */
    @WithDefault("PT10M")
    Duration accessTokenTtl();

    /** Lifetime of a login session (its refresh token). */
    @WithDefault("PT12H")
    Duration refreshTokenTtl();

    /**
     * How long the refresh token just rotated out may be presented once more (its response was
     * lost on the way back). Within it, one replay gets a new pair; any other reuse ends the session
     * (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
     */
    @WithDefault("PT60S")
    Duration refreshReuseGrace();

    /** Cost of new password hashes (each hash records its own, so it can be raised; older ones are upgraded at login). */
    Argon2 argon2();

    Throttle throttle();

    /**
     * How often every node re-checks the login behind each open WebSocket (the safety net for a logout,
     * suspension or role removal made on another node; on this node they close the sockets at once).
     */
    @WithDefault("PT5S")
    Duration socketRecheckEvery();

    /**
     * How long a session found live is believed before a request reads it again ({@link SessionCheck}; issue 17).
     * Logout, suspension and role changes on this node clear it at once.
     */
    @WithDefault("PT1S")
    Duration sessionCheckCache();


    PasswordChecks passwordChecks();

    interface Argon2 {
        /** Memory in KiB: OWASP's 19 MiB. */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    /**
     * Failed logins are counted per login <em>and</em> client address, so that a stranger elsewhere
     * cannot lock a student out: the student's own device is a different address.
     */
    interface Throttle {
        /** Failures from one address within the window before that address has to wait. */
        @WithDefault("5")
        int maxFailures();

        /** A quiet period after which an address's failures are forgotten. */
        @WithDefault("PT15M")
        Duration window();

        /** The first wait; it doubles with each further failure. */
        @WithDefault("PT30S")
        Duration firstLockout();

        /** The longest wait. */
        @WithDefault("PT15M")
        Duration lockout();
    }

    /**
     * Password hashing is deliberately slow; this caps how many run at once so that a flood of
     * logins can't take every core from the students already writing. Excess is refused at once (429).
     */
    interface PasswordChecks {
        /** Hashes computed at the same time on this node. */
        @WithDefault("1")
        int concurrent();

        /** How long a login may wait for a free slot before it is refused. */
        @WithDefault("PT0.5S")
        Duration maxWait();
    }
}
