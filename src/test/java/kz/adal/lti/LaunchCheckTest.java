package kz.adal.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The claim rules of a launch (LTI Core 1.3 §5.1.3), the role mapping and the AGS address rules, without a server. */
class LaunchCheckTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String ISS = "https://moodle.uni.kz";

    static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().issuer(ISS).subject("42").audience("client-1").claim("azp", "client-1")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(55))).claim("nonce", "n-1")
                .claim(LtiClaims.DEPLOYMENT_ID, "1").claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(LtiClaims.VERSION, "1.3.0").claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"));
    }

    static String refusal(JWTClaimsSet c) {
        return assertThrows(Problem.class, () -> LaunchCheck.check(c, ISS, "client-1", List.of("1"), NOW, Duration.ofSeconds(60))).code();
    }

    @Test
    void aValidLaunchPasses() {
        LaunchCheck.Launch l = LaunchCheck.check(valid().build(), ISS, "client-1", List.of("1"), NOW, Duration.ofSeconds(60));
        assertEquals("42", l.subject());
        assertEquals("n-1", l.nonce());
    }

    @Test
    void eachBrokenClaimHasItsOwnRefusal() {
        assertEquals("LTI_UNKNOWN_PLATFORM", refusal(valid().issuer("https://other").build()));
        assertEquals("LTI_WRONG_AUDIENCE", refusal(valid().audience("client-2").claim("azp", "client-2").build()));
        assertEquals("LTI_WRONG_AUDIENCE", refusal(valid().audience(List.of("client-1", "x")).claim("azp", "x").build()));
        assertEquals("LTI_TOKEN_EXPIRED", refusal(valid().expirationTime(Date.from(NOW.minusSeconds(61))).build()));
        assertEquals("LTI_TOKEN_EXPIRED", refusal(valid().issueTime(Date.from(NOW.plusSeconds(120))).build()));
        assertEquals("LTI_UNKNOWN_DEPLOYMENT", refusal(valid().claim(LtiClaims.DEPLOYMENT_ID, "2").build()));
        assertEquals("LTI_WRONG_MESSAGE", refusal(valid().claim(LtiClaims.VERSION, "1.1").build()));
        assertEquals("LTI_WRONG_MESSAGE", refusal(valid().claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest").build()));
        assertEquals("LTI_TOKEN_MALFORMED", refusal(valid().claim("nonce", null).build()));
        assertEquals("LTI_TOKEN_MALFORMED", refusal(valid().claim(LtiClaims.RESOURCE_LINK, null).build()));
    }

    @Test
    void rolesMapLearnerToStudentAndInstructorToTeacher() {
        String m = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
        assertEquals(Optional.of(Role.STUDENT), LtiRoles.adalRole(List.of(m + "Learner")));
        assertEquals(Optional.of(Role.TEACHER), LtiRoles.adalRole(List.of(m + "Instructor")));
        assertEquals(Optional.of(Role.TEACHER), LtiRoles.adalRole(List.of(m + "Learner", m + "Instructor")));
        assertEquals(Optional.of(Role.STUDENT), LtiRoles.adalRole(List.of("Learner")));
        assertEquals(Optional.empty(), LtiRoles.adalRole(List.of(m + "Mentor")));
        // an institution role is not a course role
        assertEquals(Optional.empty(), LtiRoles.adalRole(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor")));
    }

    @Test
    void scoresGoToTheLineItemsScoresPathKeepingItsQuery() {
        assertEquals("https://m/mod/lti/services.php/2/lineitems/3/lineitem/scores?type_id=1",
                ScorePassback.scoresUrl("https://m/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1"));
        assertEquals("https://p/li/7/scores", ScorePassback.scoresUrl("https://p/li/7/"));
        assertEquals(Duration.ofMinutes(1), ScorePassback.backoff(Duration.ofMinutes(1), 1));
        assertEquals(Duration.ofMinutes(4), ScorePassback.backoff(Duration.ofMinutes(1), 3));
        assertEquals(Duration.ofHours(1), ScorePassback.backoff(Duration.ofMinutes(1), 30));
    }
}
