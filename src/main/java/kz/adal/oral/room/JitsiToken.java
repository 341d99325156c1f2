package kz.adal.oral.room;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jitsi Meet token (Jitsi's "token authentication": HS256 with the app secret shared with Prosody).
 * Claims: {@code aud}, {@code iss} = app id, {@code sub} = the Jitsi domain, {@code room},
 * {@code iat}, {@code nbf}, {@code exp}, {@code context.user{id, name, moderator}}. The commission are
 * moderators (they can admit from the lobby); the student is not (001 §6.15.6).
 */
public final class JitsiToken {
    private JitsiToken() {}

    public record Participant(String id, String name, boolean moderator) {}

    /** Signed with SmallRye JWT Build (the library that signs our own tokens), HS256 with the shared app secret. */
    public static String sign(String appId, String appSecret, String audience, String domain, String room,
                              Participant who, Instant now, Duration ttl) {
        if (appSecret == null || appSecret.length() < 32) {
            throw new IllegalArgumentException("The Jitsi app secret must be at least 32 characters");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", who.id());
        user.put("name", who.name());
        user.put("moderator", who.moderator());
        return Jwt.audience(audience)
                .issuer(appId)
                .subject(domain)
                .claim("room", room)
                .issuedAt(now.getEpochSecond())
                .claim("nbf", now.getEpochSecond() - 10)
                .expiresAt(now.plus(ttl).getEpochSecond())
                .claim("context", Map.of("user", user))
                .jws().algorithm(SignatureAlgorithm.HS256).header("typ", "JWT")
                .signWithSecret(appSecret);
    }

    /** Jitsi room names: lowercase letters and digits only, one room per sitting. */
    public static String roomFor(java.util.UUID sittingId) {
        return "adaloral" + sittingId.toString().replace("-", "");
    }
}
