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

    /** PBKDF2-HMAC-SHA256 iterations for new hashes (stored in each hash, so it can be raised later). */
    @WithDefault("210000")
    int passwordIterations();

    Throttle throttle();

    /**
     * How often every node re-checks the login behind each open WebSocket (the safety net for a logout,
     * suspension or role removal made on another node; on this node they close the sockets at once).
     */
    @WithDefault("PT5S")
    Duration socketRecheckEvery();

    interface Throttle {
        /** Failures within the window that lock the login. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration window();

        @WithDefault("PT15M")
        Duration lockout();
    }
}
