package kz.adal.oral.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token is checked with an independent JWT library (jose4j through SmallRye's parser). */
class JitsiTokenTest {
    static final String SECRET = "a-shared-secret-of-at-least-32-characters!";
    static final UUID SITTING = UUID.fromString("3f1c2d9e-0000-4000-8000-000000000001");

    static String token(boolean moderator, Instant now) {
        return JitsiToken.sign("adal", SECRET, "jitsi", "meet.example.edu", JitsiToken.roomFor(SITTING),
                new JitsiToken.Participant("user-1", "Қайрат Омаров", moderator), now, Duration.ofHours(4));
    }

    static JsonWebToken verify(String jwt) throws ParseException {
        return new DefaultJWTParser().verify(jwt, new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @Test
    void carriesTheClaimsJitsiExpects() throws Exception {
        Instant now = Instant.now();
        JsonWebToken jwt = verify(token(true, now));
        assertEquals("adal", jwt.getIssuer());
        assertEquals("meet.example.edu", jwt.getSubject());
        assertTrue(jwt.getAudience().contains("jitsi"));
        assertEquals("adaloral3f1c2d9e000040008000000000000001", jwt.getClaim("room").toString());
        assertEquals(now.plus(Duration.ofHours(4)).getEpochSecond(), jwt.getExpirationTime());
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.getRawToken().split("\\.")[1]));
        assertEquals("Қайрат Омаров", claims.at("/context/user/name").asText());
        assertEquals("user-1", claims.at("/context/user/id").asText());
        assertTrue(claims.at("/context/user/moderator").asBoolean());
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.getRawToken().split("\\.")[0]));
        assertEquals("HS256", header.get("alg").asText());
    }

    @Test
    void theStudentIsNotAModerator() throws Exception {
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token(false, Instant.now()).split("\\.")[1]));
        assertFalse(claims.at("/context/user/moderator").asBoolean());
        assertTrue(claims.at("/context/user/moderator").isBoolean());
    }

    @Test
    void aForgedOrExpiredTokenFailsVerification() {
        String good = token(true, Instant.now());
        String[] parts = good.split("\\.");
        String forgedBody = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"moderator\":true", "\"moderator\":false").getBytes(StandardCharsets.UTF_8));
        assertThrows(ParseException.class, () -> verify(parts[0] + "." + forgedBody + "." + parts[2]));
        assertThrows(ParseException.class, () -> new DefaultJWTParser().verify(good,
                new SecretKeySpec("another-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        assertThrows(ParseException.class, () -> verify(token(true, Instant.now().minus(Duration.ofHours(5)))));
    }

    @Test
    void refusesAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> JitsiToken.sign("adal", "short", "jitsi", "d", "r",
                new JitsiToken.Participant("u", "n", false), Instant.now(), Duration.ofHours(1)));
    }
}
