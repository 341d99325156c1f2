package kz.adal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An access token has a maximum age counted from its iat, whatever exp it claims (mp.jwt.verify.token.age). */
@QuarkusTest
class TokenAgeTest {
    @Inject
    TokenVerifier verifier;

    @Test
    void refusesATokenIssuedLongAgoEvenWithAFarExpiry() throws Exception {
        JsonNode claims = claimsOf(Api.freshToken("reviewer", Api.PASSWORD));
        Instant now = Instant.now();
        String fresh = sameSession(claims, now, now.plus(Duration.ofMinutes(10)));
        String old = sameSession(claims, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));

        // the same claims, signed with the server's key: accepted when issued now
        given().auth().oauth2(fresh).get("/api/auth/me").then().statusCode(200);
        assertTrue(verifier.verify(fresh).isPresent());
        // issued an hour ago with a month to run: refused over HTTP and on the sockets
        given().auth().oauth2(old).get("/api/auth/me").then().statusCode(401);
        assertTrue(verifier.verify(old).isEmpty());
    }

    private static String sameSession(JsonNode c, Instant iat, Instant exp) {
        Set<String> groups = new HashSet<>();
        c.get("groups").forEach(g -> groups.add(g.asText()));
        return Jwt.issuer("adal").subject(c.get("sub").asText()).upn(c.get("upn").asText()).groups(groups)
                .claim("sid", c.get("sid").asText()).claim("name", c.get("name").asText())
                .issuedAt(iat).expiresAt(exp).sign();
    }

    private static JsonNode claimsOf(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
