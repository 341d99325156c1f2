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

    /** PBKDF2-HMAC-SHA256 iterations for new hashes (stored in each hash, so it can be raised later). */
    @WithDefault("210000")
    int passwordIterations();

    Throttle throttle();

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
