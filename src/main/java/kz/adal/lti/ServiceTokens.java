package kz.adal.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for a platform's services (LTI Advantage security framework §4.1): the OAuth 2 client-credentials grant
 * with Adal's signed JWT as the client assertion (RFC 7523: iss = sub = client id, aud = the token endpoint, a fresh
 * jti, five minutes). Kept until a minute before they expire.
 */
@ApplicationScoped
public class ServiceTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private record Held(String token, Instant expiresAt) {}

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ToolKeys keys;
    private final PlatformHttp http;
    private final TimeSource time;

    ServiceTokens(ToolKeys keys, PlatformHttp http, TimeSource time) {
        this.keys = keys;
        this.http = http;
        this.time = time;
    }

    /** What a token request needs of the platform (read in a transaction, used outside it). */
    record Platform(UUID id, String clientId, String tokenEndpoint) {
        static Platform of(LtiPlatform p) {
            return new Platform(p.id, p.clientId, p.tokenEndpoint);
        }
    }

    String token(Platform p, String scope) {
        String key = p.id() + " " + scope;
        Instant now = time.now();
        Held h = held.get(key);
        if (h != null && now.isBefore(h.expiresAt())) return h.token();
        String assertion = keys.sign(new JWTClaimsSet.Builder().issuer(p.clientId()).subject(p.clientId())
                .audience(p.tokenEndpoint()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build());
        String body = http.postForm(p.tokenEndpoint(), Map.of(
                "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion,
                "scope", scope));
        try {
            JsonNode n = JSON.readTree(body);
            String token = n.path("access_token").asText(null);
            if (token == null) throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform gave no access token");
            long ttl = n.path("expires_in").asLong(3600);
            held.put(key, new Held(token, now.plusSeconds(Math.max(0, ttl - 60))));
            return token;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Problem(502, "LTI_PLATFORM_UNREACHABLE", "The platform's token answer is not JSON");
        }
    }
}
