package kz.adal.oral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jitsi Meet token (Jitsi's "token authentication": HS256 with the app secret shared with Prosody).
 * Claims: {@code aud}, {@code iss} = app id, {@code sub} = the Jitsi domain, {@code room},
 * {@code iat}, {@code nbf}, {@code exp}, {@code context.user{id, name, moderator}}. The commission are
 * moderators (they can admit from the lobby); the student is not (001 §6.15.6).
 */
public final class JitsiToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JitsiToken() {}

    public record Participant(String id, String name, boolean moderator) {}

    public static String sign(String appId, String appSecret, String audience, String domain, String room,
                              Participant who, Instant now, Duration ttl) {
        if (appSecret == null || appSecret.length() < 32) {
            throw new IllegalArgumentException("The Jitsi app secret must be at least 32 characters");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", who.id());
        user.put("name", who.name());
        user.put("moderator", who.moderator());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("iss", appId);
        claims.put("sub", domain);
        claims.put("room", room);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond() - 10);
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("context", Map.of("user", user));
        String header = B64.encodeToString(json(Map.of("alg", "HS256", "typ", "JWT")));
        String body = B64.encodeToString(json(claims));
        String signingInput = header + "." + body;
        return signingInput + "." + B64.encodeToString(hmac(appSecret, signingInput));
    }

    static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static byte[] json(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jitsi room names: lowercase letters and digits only, one room per sitting. */
    public static String roomFor(java.util.UUID sittingId) {
        return "adaloral" + sittingId.toString().replace("-", "");
    }
}
