package kz.adal.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import kz.adal.platform.Texts;
import kz.adal.testing.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each family of refusal asked as a Kazakh and a Russian reader: the same stable code, the detail in the
 * reader's language (the catalogue's sentence), never the English one. Families: login, session, role,
 * a missing thing, a malformed body, a domain rule (RuleViolation), a rule with per-field problems, per-line
 * import problems, and the account's own setting when a call states no language.
 */
@QuarkusTest
class RefusalLanguageTest {

    @ConfigProperty(name = "quarkus.http.test-port") int port;

    /** Asks the same thing in en, kk and ru; the detail is the catalogue's in kk and ru and differs from English. */
    private static void asked(String code, Function<RequestSpecification, ValidatableResponse> call) {
        String english = call.apply(RestAssured.given().header("Accept-Language", "en")).body("code", equalTo(code))
                .extract().path("detail");
        for (String lang : List.of("kk", "ru")) {
            String detail = call.apply(RestAssured.given().header("Accept-Language", lang)).body("code", equalTo(code))
                    .extract().path("detail");
            assertEquals(Texts.problem(lang, code), detail, code + " in " + lang);
            assertNotEquals(english, detail, code + " in " + lang + " is the English sentence");
        }
    }

    @Test
    void aWrongPasswordIsRefusedInTheReadersLanguage() {
        asked("BAD_CREDENTIALS", r -> r.contentType(ContentType.JSON).body(Map.of("login", "teacher", "password", "wrong-" + UUID.randomUUID()))
                .post("/api/auth/login").then().statusCode(401));
        asked("CREDENTIALS_REQUIRED", r -> r.contentType(ContentType.JSON).body(Map.of("login", "", "password", ""))
                .post("/api/auth/login").then().statusCode(400));
    }

    @Test
    void noSessionAWrongRoleAndAMissingThingAreRefusedInTheReadersLanguage() {
        asked("UNAUTHENTICATED", r -> r.get("/api/exams").then().statusCode(401));
        asked("FORBIDDEN", r -> r.auth().oauth2(Api.token("student")).get("/api/exams/options/groups").then().statusCode(403));
        asked("NOT_FOUND", r -> r.auth().oauth2(Api.token("teacher")).get("/api/exams/" + UUID.randomUUID()).then().statusCode(404));
    }

    @Test
    void aMalformedBodyAndAWrongChoiceAreRefusedInTheReadersLanguage() {
        asked("MALFORMED_JSON", r -> r.auth().oauth2(Api.token("teacher")).contentType(ContentType.JSON).body("{\"title\": ")
                .post("/api/exams").then().statusCode(400));
        asked("BAD_LANGUAGE", r -> r.auth().oauth2(Api.token("teacher")).contentType(ContentType.JSON).body(Map.of("language", "de"))
                .put("/api/users/me/language").then().statusCode(400));
    }

    @Test
    void anExamWithoutATitleIsRefusedFieldByFieldInTheReadersLanguage() {
        // the live check answers 200 with every problem; saving refuses the bad fields, each named in the reader's words
        for (String lang : List.of("kk", "ru")) {
            String sentence = Texts.problem(lang, "FIELD_REQUIRED", Texts.field(lang, "title"));
            assertTrue(!sentence.contains("title") && !sentence.contains("{0}"), sentence);
            List<String> messages = RestAssured.given().header("Accept-Language", lang).auth().oauth2(Api.token("teacher"))
                    .contentType(ContentType.JSON).body(Map.of("title", "")).post("/api/exams/check")
                    .then().statusCode(200).extract().path("problems.findAll { it.field == 'title' }.message");
            assertEquals(List.of(sentence), messages);
            RestAssured.given().header("Accept-Language", lang).auth().oauth2(Api.token("teacher"))
                    .contentType(ContentType.JSON).body(Map.of("title", "")).post("/api/exams")
                    .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                    .body("errors.find { it.field == 'title' }.message", equalTo(sentence))
                    .body("errors.message", not(hasItem("Title is required")));
        }
    }

    @Test
    void aQuestionWithFourOptionsIsRefusedInTheReadersLanguage() {
        String version = Api.as("author").body(Map.of("title", "Language of refusals", "discipline", "Algebra", "programme", "6B01501",
                "language", "kk", "referenceMaterials", "-")).post("/api/banks").then().statusCode(200).extract().path("versions[0].id");
        List<Map<String, Object>> four = List.of(Map.of("text", "a", "correct", true), Map.of("text", "b", "correct", false),
                Map.of("text", "c", "correct", false), Map.of("text", "d", "correct", false));
        // the field's own rule, in its own sentence (exactly five, 001 §7.6), and the detail naming the field
        for (String lang : List.of("kk", "ru")) {
            RestAssured.given().header("Accept-Language", lang).auth().oauth2(Api.token("author")).contentType(ContentType.JSON)
                    .body(Map.of("stem", "Four?", "options", four, "difficulty", "EASY", "topic", "week-1"))
                    .post("/api/bank-versions/" + version + "/questions").then().statusCode(400)
                    .body("code", equalTo("INVALID_REQUEST"))
                    .body("detail", equalTo(Texts.problem(lang, "INVALID_REQUEST", Texts.field(lang, "options"))))
                    .body("errors.field", equalTo(List.of("options")))
                    .body("errors[0].message", equalTo(Texts.problem(lang, "OPTION_COUNT")));
        }
        // an import's per-line problems, too: "has 4 options; every question needs exactly 5"
        byte[] aiken = "Four?\nA. a\nB. b\nC. c\nD. d\nANSWER: A\n".getBytes(StandardCharsets.UTF_8);
        for (String lang : List.of("kk", "ru")) {
            List<String> messages = RestAssured.given().header("Accept-Language", lang).auth().oauth2(Api.token("author"))
                    .contentType("application/octet-stream").body(aiken)
                    .post("/api/bank-versions/" + version + "/import/preview?format=AIKEN&defaultDifficulty=EASY&defaultTopic=t")
                    .then().statusCode(200).extract().path("problems.findAll { it.code == 'OPTION_COUNT' }.message");
            assertEquals(List.of(Texts.problem(lang, "OPTION_COUNT")), messages, lang);
        }
    }

    @Test
    void aCallThatStatesNoLanguageGetsTheAccountsOwnSetting() throws Exception {
        String token = Api.token("teacher");
        String setting = RestAssured.given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200).extract().path("uiLanguage");
        assertTrue(Texts.supported(setting), "the demo teacher has a language: " + setting);
        // RestAssured states English for every test, so this one asks with the JDK's client and no header at all
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/exams/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains(Texts.problem(setting, "NOT_FOUND")), r.body());
    }
}
