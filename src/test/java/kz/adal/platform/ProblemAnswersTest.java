package kz.adal.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.adal.bank.BankRows;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Things that broke on ordinary use: each answers with what happened, never a 500 or an empty body. */
@QuarkusTest
class ProblemAnswersTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    @Test
    void aBankReferenceMaterialDownloads() {
        UUID id = BankRows.material(BankRows.demo("en").id(), "Таблица умножения \"v2\".pdf", "application/pdf", PDF);
        byte[] got = Api.as("head").get("/api/bank-materials/" + id).then().statusCode(200)
                .contentType(containsString("application/pdf"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertArrayEquals(PDF, got);
    }

    @Test
    void anEmptyLanguageChangeIsABadRequest() {
        Api.as("student").body("{}").put("/api/users/me/language").then().statusCode(400)
                .contentType(containsString("problem+json")).body("code", equalTo("BAD_LANGUAGE"));
    }

    @Test
    void aBodyOverTheLimitIsExplained() {
        byte[] big = new byte[13 * 1024 * 1024];
        Api.as("author").contentType("application/pdf").body(big).post("/api/bank-versions/" + UUID.randomUUID() + "/materials?name=x.pdf")
                .then().statusCode(413).contentType(containsString("problem+json")).body("code", equalTo("TOO_LARGE"));
    }

    @Test
    void malformedJsonIsExplained() {
        Api.as("student").body("{\"language\": ").put("/api/users/me/language").then().statusCode(400)
                .contentType(containsString("problem+json")).body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aWrongContentTypeIsExplained() {
        Api.as("admin").contentType(ContentType.XML).body("<user><login>x</login></user>").post("/api/users").then().statusCode(415)
                .contentType(containsString("problem+json")).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void anUnknownApiPathAndAWrongMethodAreExplained() {
        Api.as("student").get("/api/no-such-thing").then().statusCode(404)
                .contentType(containsString("problem+json")).body("code", equalTo("NOT_FOUND"));
        Api.as("student").delete("/api/users/me/language").then().statusCode(405)
                .contentType(containsString("problem+json")).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aWrongTypeInAFieldIsExplained() {
        Api.as("admin").body(Map.of("login", "typed.wrong", "fullName", "X", "roles", "NOT_A_LIST_OF_ROLES_BUT_A_WORD"))
                .post("/api/users").then().statusCode(400).contentType(containsString("problem+json"))
                .body("code", equalTo("MALFORMED_JSON"));
    }
}
