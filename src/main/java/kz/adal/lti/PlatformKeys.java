package kz.adal.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Platforms' public keys, fetched from their JWKS URL and kept: a token signed with a key id not in the kept set
 * fetches the set again (the platform rotated its keys), at most once per {@code adal.lti.jwks-refetch-after}, so a
 * stream of tokens with made-up key ids cannot make Adal hammer the platform.
 */
@ApplicationScoped
public class PlatformKeys {
    private record Cached(JWKSet keys, Instant fetchedAt) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final PlatformHttp http;
    private final TimeSource time;
    private final LtiConfig config;

    PlatformKeys(PlatformHttp http, TimeSource time, LtiConfig config) {
        this.http = http;
        this.time = time;
        this.config = config;
    }

    /** Verifies an RS256 signature with the platform's key of the token's {@code kid}; LTI_BAD_SIGNATURE otherwise. */
    void verify(SignedJWT jwt, String jwksUrl) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw LaunchCheck.refused("LTI_BAD_SIGNATURE", "The launch is not signed with RS256");
        }
        RSAKey key = keyFor(jwksUrl, jwt.getHeader().getKeyID());
        try {
            if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
                throw LaunchCheck.refused("LTI_BAD_SIGNATURE", "The launch's signature does not match the platform's keys");
            }
        } catch (JOSEException e) {
            throw LaunchCheck.refused("LTI_BAD_SIGNATURE", "The launch's signature does not match the platform's keys");
        }
    }

    private RSAKey keyFor(String jwksUrl, String kid) {
        Cached c = cache.get(jwksUrl);
        RSAKey k = c == null ? null : find(c.keys(), kid);
        if (k != null) return k;
        Instant now = time.now();
        if (c == null || !now.isBefore(c.fetchedAt().plus(config.jwksRefetchAfter()))) {
            c = new Cached(fetch(jwksUrl), now);
            cache.put(jwksUrl, c);
            k = find(c.keys(), kid);
        }
        return k;
    }

    private JWKSet fetch(String jwksUrl) {
        try {
            return JWKSet.parse(http.getJson(jwksUrl, "application/json", null));
        } catch (ParseException e) {
            throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform's keys could not be read");
        }
    }

    private static RSAKey find(JWKSet set, String kid) {
        for (JWK k : set.getKeys()) {
            if (!(k instanceof RSAKey rsa)) continue;
            if (kid == null ? set.getKeys().size() == 1 : kid.equals(k.getKeyID())) return rsa;
        }
        return null;
    }
}
