package kz.adal.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.adal.exam.DeliveryMode;
import kz.adal.exam.ExamRows;
import kz.adal.platform.Texts;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LTI 1.3 Advantage against {@link PlatformEmulator} (its own keys, JWKS, auth, token, AGS, NRPS endpoints, reached
 * only over HTTP): launch and sign-in, the refusals (forged, replayed, expired, wrong audience, unknown deployment) in
 * the reader's language, key rotation, deep linking, grade passback only after release, and the roster to admission.
 */
@QuarkusTest
class LtiTest {
    static PlatformEmulator platform;

    @AfterAll
    static void stopPlatform() {
        if (platform != null) platform.close();
    }

    /** The admin registers the emulated Moodle once per run (the issuer carries the emulator's port). */
    static synchronized void registered() throws Exception {
        // started on first use: RestAssured knows Adal's port only once the test runs
        if (platform == null) platform = new PlatformEmulator("http://localhost:" + RestAssured.port);
        List<String> issuers = Api.as("admin").get("/api/lti/platforms").then().statusCode(200).extract().path("platforms.issuer");
        if (issuers.contains(platform.issuer())) return;
        Api.as("admin").contentType(ContentType.JSON).body(platform.registration("Emulated Moodle"))
                .post("/api/lti/platforms").then().statusCode(200).body("issuer", equalTo(platform.issuer()));
    }

    static Response post(Map<String, String> form, String lang) {
        RequestSpecification r = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC).formParams(form);
        if (lang != null) r.header("Accept-Language", lang);
        return r.post("/api/lti/launch");
    }

    /** The session a launch opened: the refresh cookie gives tokens as after a password login. */
    static Map<String, Object> session(Response launched) {
        String cookie = launched.getCookie("adal_refresh");
        assertNotNull(cookie, "the launch signs the person in");
        return RestAssured.given().cookie("adal_refresh", cookie).contentType(ContentType.JSON).body("{}")
                .post("/api/auth/refresh").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    static String token(Map<String, Object> session) { return (String) session.get("accessToken"); }

    @SuppressWarnings("unchecked")
    static Map<String, Object> user(Map<String, Object> session) { return (Map<String, Object>) session.get("user"); }

    static UUID exam(String group) {
        return Fixtures.publishedExam(group, "LTI exam", 5, 30, DeliveryMode.REMOTE_UNPROCTORED);
    }

    @Test
    void aLearnerLaunchSignsInAndLandsOnTheExamsCheckPage() throws Exception {
        registered();
        String group = Fixtures.group("LTI");
        UUID examId = exam(group);
        PlatformEmulator.Launch l = new PlatformEmulator.Launch().learner(examId.toString());
        l.email = "learner-" + UUID.randomUUID() + "@uni.example.kz";
        l.name = "Aigerim Sapar";
        Response r = post(platform.launchForm(l), null);
        r.then().statusCode(303).header("Location", equalTo(RestAssured.baseURI + ":" + RestAssured.port + "/student/check.html?exam=" + examId));
        Map<String, Object> s = session(r);
        assertEquals(List.of("STUDENT"), user(s).get("roles"));
        assertEquals(group, user(s).get("groupCode"), "created in the exam's group");
        assertEquals("Aigerim Sapar", user(s).get("fullName"));

        // the next launch of the same platform user finds the same account by (issuer, sub)
        Response again = post(platform.launchForm(l), null);
        again.then().statusCode(303);
        assertEquals(user(s).get("id"), user(session(again)).get("id"));
    }

    @Test
    void forgedReplayedExpiredMisaddressedAndUndeployedLaunchesAreRefusedInTheReadersLanguage() throws Exception {
        registered();
        String examId = exam(Fixtures.group("LTI")).toString();

        PlatformEmulator.Launch forged = new PlatformEmulator.Launch().learner(examId);
        forged.forgeWith = PlatformEmulator.newKey();
        post(platform.launchForm(forged), null).then().statusCode(401).body("code", equalTo("LTI_BAD_SIGNATURE"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());

        Map<String, String> once = platform.launchForm(new PlatformEmulator.Launch().learner(examId));
        post(once, null).then().statusCode(303);
        post(once, "ru").then().statusCode(401).body("code", equalTo("LTI_NONCE_REPLAYED"))
                .body("detail", equalTo(Texts.problem("ru", "LTI_NONCE_REPLAYED")));
        // the same token with a fresh state is still a replay: its nonce was spent
        Map<String, String> fresh = platform.launchForm(new PlatformEmulator.Launch().learner(examId));
        post(Map.of("id_token", once.get("id_token"), "state", fresh.get("state")), null).then().statusCode(401)
                .body("code", equalTo("LTI_NONCE_REPLAYED"));

        PlatformEmulator.Launch expired = new PlatformEmulator.Launch().learner(examId);
        expired.issuedAt = Instant.now().minus(Duration.ofMinutes(20));
        expired.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
        post(platform.launchForm(expired), "kk").then().statusCode(401).body("code", equalTo("LTI_TOKEN_EXPIRED"))
                .body("detail", equalTo(Texts.problem("kk", "LTI_TOKEN_EXPIRED")));

        PlatformEmulator.Launch elsewhere = new PlatformEmulator.Launch().learner(examId);
        elsewhere.audience = "another-tool";
        post(platform.launchForm(elsewhere), null).then().statusCode(401).body("code", equalTo("LTI_WRONG_AUDIENCE"));

        PlatformEmulator.Launch undeployed = new PlatformEmulator.Launch().learner(examId);
        undeployed.deployment = "deployment-nobody-registered";
        post(platform.launchForm(undeployed), null).then().statusCode(403).body("code", equalTo("LTI_UNKNOWN_DEPLOYMENT"));

        // a browser gets a page in its language, not JSON
        PlatformEmulator.Launch late = new PlatformEmulator.Launch().learner(examId);
        late.issuedAt = Instant.now().minus(Duration.ofMinutes(20));
        late.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
        String page = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC).formParams(platform.launchForm(late))
                .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "ru")
                .post("/api/lti/launch").then().statusCode(401).contentType(startsWith("text/html")).extract().asString();
        assertTrue(page.contains(Texts.problem("ru", "LTI_TOKEN_EXPIRED")), page);
    }

    @Test
    void aRotatedPlatformKeyIsFetchedOnItsFirstUse() throws Exception {
        registered();
        String examId = exam(Fixtures.group("LTI")).toString();
        post(platform.launchForm(new PlatformEmulator.Launch().learner(examId)), null).then().statusCode(303);
        String before = platform.keyId();
        int fetches = platform.jwksFetches;
        platform.rotate();
        assertNotEquals(before, platform.keyId());
        post(platform.launchForm(new PlatformEmulator.Launch().learner(examId)), null).then().statusCode(303);
        assertTrue(platform.jwksFetches > fetches, "the new key id made Adal fetch the platform's keys again");
        // and the kept set serves the next launch without another fetch
        int after = platform.jwksFetches;
        post(platform.launchForm(new PlatformEmulator.Launch().learner(examId)), null).then().statusCode(303);
        assertEquals(after, platform.jwksFetches);
    }

    @Test
    void anInstructorPicksAnExamAndTheDeepLinkGoesBackToThePlatform() throws Exception {
        registered();
        UUID examId = exam(Fixtures.group("LTI"));
        PlatformEmulator.Launch dl = new PlatformEmulator.Launch().as("teacher", null);
        dl.roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
        dl.messageType = "LtiDeepLinkingRequest";
        Response r = post(platform.launchForm(dl), null);
        r.then().statusCode(303);
        String location = r.getHeader("Location");
        assertTrue(location.contains("/lti/deep-link.html?request="), location);
        String request = location.substring(location.indexOf("request=") + "request=".length());
        String token = token(session(r));
        RestAssured.given().auth().oauth2(token).get("/api/lti/deep-links/" + request).then().statusCode(200)
                .body("exams.id", hasItem(examId.toString()));
        String handoff = RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("examId", examId))
                .post("/api/lti/deep-links/" + request).then().statusCode(200).extract().path("handoff");
        String page = RestAssured.given().get(handoff).then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("form-action 'self' https: http:"))
                .extract().asString();
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(page);
        java.util.regex.Matcher jwt = java.util.regex.Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(action.find() && jwt.find(), page);
        assertEquals(platform.issuer() + "/deep-link-return", action.group(1));
        RestAssured.given().contentType(ContentType.URLENC).formParam("JWT", jwt.group(1)).post(action.group(1)).then().statusCode(200);
        // the handoff is spent
        RestAssured.given().get(handoff).then().statusCode(410).body("code", equalTo("LTI_DEEP_LINK_EXPIRED"));

        JWTClaimsSet got = platform.deepLinkResponses.get(platform.deepLinkResponses.size() - 1);
        assertEquals(PlatformEmulator.CLIENT_ID, got.getIssuer());
        assertEquals(List.of(platform.issuer()), got.getAudience());
        assertEquals("LtiDeepLinkingResponse", got.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"));
        assertEquals(PlatformEmulator.DEPLOYMENT, got.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"));
        assertEquals("moodle-opaque-42", got.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) ((List<?>) got.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")).get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertEquals(Map.of("adal_exam", examId.toString()), item.get("custom"));
        assertEquals(100L, ((Number) ((Map<?, ?>) item.get("lineItem")).get("scoreMaximum")).longValue());
    }

    @Test
    void aResultGoesToTheGradebookAfterReleaseAndNeverBefore() throws Exception {
        registered();
        String group = Fixtures.group("LTI");
        UUID examId = exam(group);
        ExamRows.resultsVisibleAt(examId, null);
        PlatformEmulator.Launch l = new PlatformEmulator.Launch().learner(examId.toString());
        l.email = "ags-" + UUID.randomUUID() + "@uni.example.kz";
        Response r = post(platform.launchForm(l), null);
        r.then().statusCode(303);
        Map<String, Object> s = session(r);
        UUID studentId = UUID.fromString((String) user(s).get("id"));
        Fixtures.admit(examId, studentId, "admitted for the LTI test");
        RequestSpecification student = RestAssured.given().auth().oauth2(token(s)).contentType(ContentType.JSON);
        String attempt = student.post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id");
        RestAssured.given().auth().oauth2(token(s)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/attempts/" + attempt + "/start").then().statusCode(200);
        for (int position = 1; position <= 3; position++) {
            RestAssured.given().auth().oauth2(token(s)).contentType(ContentType.JSON)
                    .body(Map.of("selected", List.of(0), "marked", false, "seq", position, "clientAt", Instant.now().toString()))
                    .put("/api/attempts/" + attempt + "/answers/" + position).then().statusCode(200);
        }
        RestAssured.given().auth().oauth2(token(s)).contentType(ContentType.JSON).post("/api/attempts/" + attempt + "/submit").then().statusCode(200);

        // graded, not released: several sweeps (every second in tests) send nothing
        Thread.sleep(4000);
        assertTrue(platform.scores.stream().noneMatch(x -> l.subject.equals(x.body().get("userId"))), "no score before release");

        Api.as("teacher").post("/api/exams/" + examId + "/release-results").then().statusCode(200);
        Number percent = RestAssured.given().auth().oauth2(token(s)).get("/api/attempts/" + attempt + "/result").then().statusCode(200)
                .extract().path("percent");
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.scores.stream().anyMatch(x -> l.subject.equals(x.body().get("userId"))));
        List<PlatformEmulator.Score> mine = new ArrayList<>(platform.scores.stream().filter(x -> l.subject.equals(x.body().get("userId"))).toList());
        PlatformEmulator.Score score = mine.get(0);
        assertEquals(percent.doubleValue(), ((Number) score.body().get("scoreGiven")).doubleValue(), 0.005);
        assertEquals(100.0, ((Number) score.body().get("scoreMaximum")).doubleValue());
        assertEquals("Completed", score.body().get("activityProgress"));
        assertEquals("FullyGraded", score.body().get("gradingProgress"));
        assertTrue(score.lineitem().contains("/lineitem?type_id=1"), score.lineitem());
        // exactly once, with an audit entry
        Thread.sleep(3000);
        assertEquals(1, platform.scores.stream().filter(x -> l.subject.equals(x.body().get("userId"))).count());
        long audited = kz.adal.audit.AuditRows.countAbout(attempt, "lti.score.sent");
        assertEquals(1, audited);
    }

    @Test
    void theCourseRosterFeedsAdmission() throws Exception {
        registered();
        String group = Fixtures.group("LTI");
        UUID examId = exam(group);
        PlatformEmulator.Launch teacher = new PlatformEmulator.Launch().as("teacher", null);
        teacher.roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
        teacher.examId = examId.toString();
        teacher.contextId = "course-" + UUID.randomUUID();
        Response r = post(platform.launchForm(teacher), null);
        r.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/exam/students.html?id=" + examId));
        String teacherToken = token(session(r));

        String active = "nrps-" + UUID.randomUUID();
        String inactive = "nrps-" + UUID.randomUUID();
        platform.members.clear();
        platform.members.add(Map.of("status", "Active", "name", "Dana Active", "email", active + "@uni.example.kz", "user_id", active,
                "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
        platform.members.add(Map.of("status", "Inactive", "name", "Erlan Inactive", "email", inactive + "@uni.example.kz",
                "user_id", inactive, "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
        platform.members.add(Map.of("status", "Active", "name", "The Teacher", "user_id", teacher.subject,
                "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));

        List<Map<String, Object>> links = RestAssured.given().auth().oauth2(teacherToken).get("/api/lti/links").then().statusCode(200)
                .extract().jsonPath().getList("$");
        String linkId = links.stream().filter(x -> examId.toString().equals(x.get("examId"))).map(x -> (String) x.get("id"))
                .findFirst().orElseThrow();
        RestAssured.given().auth().oauth2(teacherToken).post("/api/lti/links/" + linkId + "/roster").then().statusCode(200)
                .body("learners", equalTo(2)).body("admitted", equalTo(1)).body("notAdmitted", equalTo(1));
        // another teacher may not
        Api.as(Fixtures.person("ot", java.util.Set.of(kz.adal.identity.Role.TEACHER), null).login())
                .post("/api/lti/links/" + linkId + "/roster").then().statusCode(404);

        List<Map<String, Object>> roster = Api.as("teacher").get("/api/exams/" + examId + "/students").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> dana = roster.stream().filter(x -> "Dana Active".equals(x.get("fullName"))).findFirst().orElseThrow();
        Map<String, Object> erlan = roster.stream().filter(x -> "Erlan Inactive".equals(x.get("fullName"))).findFirst().orElseThrow();
        assertEquals(true, dana.get("admitted"));
        assertEquals(false, erlan.get("admitted"));

        // Dana launches from the course: the roster's account, admitted, and she may open her attempt
        PlatformEmulator.Launch danaLaunch = new PlatformEmulator.Launch().learner(examId.toString());
        danaLaunch.subject = active;
        Response dl = post(platform.launchForm(danaLaunch), null);
        dl.then().statusCode(303);
        Map<String, Object> s = session(dl);
        assertEquals(dana.get("studentId"), user(s).get("id"));
        RestAssured.given().auth().oauth2(token(s)).contentType(ContentType.JSON).post("/api/exams/" + examId + "/attempt")
                .then().statusCode(200);
    }
}
