package kz.adal.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.adal.platform.Problem;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PasswordPolicyTest {

    @Test
    void refusesTheCommonestPasswordsWhateverTheirCase() {
        for (String common : new String[]{"password1", "Qwerty123", "1q2w3e4r", "P@ssw0rd"}) {
            Problem p = assertThrows(Problem.class, () -> PasswordPolicy.check(common), common);
            assertEquals("PASSWORD_TOO_COMMON", p.code(), common);
        }
        assertDoesNotThrow(() -> PasswordPolicy.check("Tulpar-Saryarka-7"));
    }

    @Test
    void anAdminCannotIssueACommonPassword() {
        Api.as("admin").body(Map.of("login", "common.pw", "fullName", "Common Password", "roles", new String[]{"TEACHER"},
                "password", "Password1")).post("/api/users").then().statusCode(400).body("code", equalTo("PASSWORD_TOO_COMMON"));
    }

    @Test
    void aPersonCannotChangeTheirOwnPasswordToACommonOne() {
        Api.as("admin").body(Map.of("login", "changes.pw", "fullName", "Changes Password", "roles", new String[]{"TEACHER"},
                "password", "Own-pass-5511")).post("/api/users").then().statusCode(200);
        Api.as("changes.pw", "Own-pass-5511").body(Map.of("current", "Own-pass-5511", "next", "abcd1234"))
                .post("/api/users/me/password").then().statusCode(400).body("code", equalTo("PASSWORD_TOO_COMMON"));
    }

    @Test
    void theDemoAccountsStillLogInWithTheDemoPassword() {
        given().contentType(ContentType.JSON).body(Map.of("login", "student", "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void anOldPbkdf2HashIsUpgradedToArgon2idAtTheNextLogin() throws Exception {
        Api.as("admin").body(Map.of("login", "legacy.hash", "fullName", "Legacy Hash", "roles", new String[]{"TEACHER"},
                "password", "Legacy-pass-31")).post("/api/users").then().statusCode(200);
        String legacy = PasswordHasherTest.pbkdf2("Legacy-pass-31", 1000);
        QuarkusTransaction.requiringNew().run(() -> AppUser.findByLogin("legacy.hash").orElseThrow().passwordHash = legacy);

        given().contentType(ContentType.JSON).body(Map.of("login", "legacy.hash", "password", "Legacy-pass-31"))
                .post("/api/auth/login").then().statusCode(200);

        String now = QuarkusTransaction.requiringNew().call(() -> AppUser.findByLogin("legacy.hash").orElseThrow().passwordHash);
        assertTrue(now.startsWith("$argon2id$"), now);
        // and the upgraded hash is the same password
        given().contentType(ContentType.JSON).body(Map.of("login", "legacy.hash", "password", "Legacy-pass-31"))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void everyLoginAndPasswordRefusalHasATextInEveryLanguage() throws Exception {
        for (String lang : new String[]{"kk", "ru", "en"}) {
            // the server words refusals from its catalogue (texts/texts*.properties); the pages show its detail
            String bundle = Files.readString(Path.of("src/main/resources/texts/texts" + ("en".equals(lang) ? "" : "_" + lang) + ".properties"));
            for (String code : new String[]{"PASSWORD_TOO_COMMON", "WEAK_PASSWORD", "LOGIN_LOCKED", "LOGIN_BUSY", "BAD_CREDENTIALS"}) {
                assertTrue(bundle.contains("problem." + code + "="), lang + " lacks problem." + code);
            }
        }
    }
}
