package kz.adal.lti;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** adal.lti.* in application.properties (comments there). */
@ConfigMapping(prefix = "adal.lti")
public interface LtiConfig {
    String privateKey();

    Optional<String> publicUrl();

    Duration loginTtl();

    Duration jwksRefetchAfter();

    Duration clockSkew();

    Duration retryAfter();

    /** How often the score outbox is swept (read by ScorePassback's schedule). */
    String scoresEvery();

    Duration httpTimeout();
}
