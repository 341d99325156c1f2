package kz.adal.identity;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** A new account's bad fields come back as one problem naming them, worded in the caller's language (Bean Validation). */
@QuarkusTest
class UserFieldsTest {

    private static final Map<String, Object> BAD = Map.of("login", "x!", "fullName", " ", "email", "not-an-address",
            "roles", java.util.List.of("TEACHER"));

    @Test
    void anEnglishReaderIsToldWhichFieldsAndWhy() {
        Api.as("admin").header("Accept-Language", "en").contentType("application/json").body(BAD).post("/api/users").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo("The request has invalid fields: email, full name, login"))
                .body("errors", hasSize(3))
                .body("errors.field", hasItems("email", "fullName", "login"))
                .body("errors.find { it.field == 'fullName' }.code", equalTo("FIELD_REQUIRED"))
                .body("errors.find { it.field == 'login' }.code", equalTo("FIELD_FORMAT"))
                .body("errors.find { it.field == 'login' }.message", equalTo("Login must be 3–100 letters, digits or . _ @ -"));
        Api.as("admin").get("/api/users?q=x!").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aKazakhReaderGetsTheCatalogueSentences() {
        Api.as("admin").header("Accept-Language", "kk").contentType("application/json").body(BAD).post("/api/users").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo("Сұраудың мына өрістері дұрыс толтырылмаған: электрондық пошта, толық аты-жөні, логин."))
                .body("errors.find { it.field == 'fullName' }.message", equalTo("«толық аты-жөні» өрісін толтырыңыз."))
                .body("errors.find { it.field == 'email' }.message", equalTo("«электрондық пошта» өрісі қажетті пішімге сәйкес келмейді."))
                .body("errors.message", not(hasItems(containsString("must"))));
    }

    @Test
    void theRulesAcrossFieldsStillHold() {
        Api.as("admin").header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("login", "fields.student", "fullName", "No Group", "roles", java.util.List.of("STUDENT")))
                .post("/api/users").then().statusCode(400).body("code", equalTo("INVALID_USER"))
                .body("detail", containsString("a student needs a group"));
    }
}
