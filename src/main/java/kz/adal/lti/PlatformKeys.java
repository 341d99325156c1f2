package kz.adal.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.Problem;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Platforms' public keys, read from their JWKS URL by nimbus's {@link JWKSourceBuilder} (as single sign-on reads its
 * provider's): kept, read again when a token names a key id not in the kept set (the platform rotated its keys), at
 * most once per {@code adal.lti.jwks-refetch-after}, so a stream of tokens with made-up key ids cannot make Adal
 * hammer the platform.
 */
@ApplicationScoped
public class PlatformKeys {
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final LtiConfig config;

    PlatformKeys(LtiConfig config) {
        this.config = config;
    }

    /** Verifies an RS256 signature with the platform's key of the token's {@code kid}; LTI_BAD_SIGNATURE otherwise. */
    void verify(SignedJWT jwt, String jwksUrl) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw LaunchCheck.refused("LTI_BAD_SIGNATURE", "The launch is not signed with RS256");
        }
        List<? extends Key> candidates;
        try {
            candidates = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source(jwksUrl)).selectJWSKeys(jwt.getHeader(), null);
        } catch (KeySourceException e) {
            throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform's keys could not be read");
        }
        for (Key k : candidates) {
            try {
                if (k instanceof RSAPublicKey rsa && jwt.verify(new RSASSAVerifier(rsa))) return;
            } catch (JOSEException e) {
                // not this key
            }
        }
        throw LaunchCheck.refused("LTI_BAD_SIGNATURE", "The launch's signature does not match the platform's keys");
    }

    private JWKSource<SecurityContext> source(String jwksUrl) {
        return sources.computeIfAbsent(jwksUrl, url -> {
            int timeout = (int) config.httpTimeout().toMillis();
            try {
                JWKSourceBuilder<SecurityContext> b = JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(),
                        new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES));
                long every = config.jwksRefetchAfter().toMillis();
                return (every > 0 ? b.rateLimited(every) : b.rateLimited(false)).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform's keys could not be read");
            }
        });
    }
}
