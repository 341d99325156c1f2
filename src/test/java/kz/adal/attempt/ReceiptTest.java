package kz.adal.attempt;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The student's signed receipt, verified as the docs say: openssl and the public key from a public URL. */
@QuarkusTest
class ReceiptTest {

    private static String storedHash(String attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> AnswerReceipt.answersSha256(
                AttemptQuestion.list("key.attemptId = ?1", UUID.fromString(attemptId))));
    }

    /** `openssl dgst -sha256 -verify key.pem -signature sig.bin signed.txt`, as in docs/reliability.md. */
    private static String openssl(String jws, String pem) throws Exception {
        Path dir = Files.createTempDirectory("receipt");
        String[] parts = jws.split("\\.");
        Files.writeString(dir.resolve("key.pem"), pem);
        Files.write(dir.resolve("sig.bin"), Base64.getUrlDecoder().decode(parts[2]));
        Files.writeString(dir.resolve("signed.txt"), parts[0] + "." + parts[1]);
        Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", "key.pem", "-signature", "sig.bin", "signed.txt")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out;
    }

    @Test
    void aStudentsReceiptIsSignedAndMatchesTheStoredAnswers() throws Exception {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        String id = AttemptApiTest.started(s);
        s.student().api().body(Map.of("selected", List.of(2), "marked", false, "seq", 1)).put("/api/attempts/" + id + "/answers/0")
                .then().statusCode(200);
        JsonPath receipt = s.student().api().get("/api/attempts/" + id + "/receipt").then().statusCode(200).extract().jsonPath();
        String jws = receipt.getString("signed");
        String pem = Api.anonymous().get("/api/public/receipt-key").then().statusCode(200).extract().asString();

        assertEquals("Verified OK", openssl(jws, pem));
        String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonPath claims = JsonPath.from(payload);
        assertEquals(id, claims.getString("attempt"));
        assertEquals(AnswerReceipt.ISSUER, claims.getString("iss"));
        assertEquals(1, claims.getInt("answered"));
        assertEquals(storedHash(id), claims.getString("answersSha256"), "the stored answers match the receipt");

        // a tampered receipt does not verify
        String forged = jws.split("\\.")[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"answered\":1", "\"answered\":5").getBytes(StandardCharsets.UTF_8)) + "." + jws.split("\\.")[2];
        assertTrue(openssl(forged, pem).contains("Verification failure"), "a changed receipt fails");
        // a receipt is never an access token
        Api.anonymous().auth().oauth2(jws).get("/api/attempts/" + id).then().statusCode(401);

        // after a change the stored answers no longer match the old receipt; a new one says so
        s.student().api().body(Map.of("selected", List.of(3), "marked", false, "seq", 2)).put("/api/attempts/" + id + "/answers/0")
                .then().statusCode(200);
        assertNotEquals(claims.getString("answersSha256"), storedHash(id));
        s.student().api().post("/api/attempts/" + id + "/submit").then().statusCode(200);
        assertEquals(storedHash(id), s.student().api().get("/api/attempts/" + id + "/receipt").then().statusCode(200)
                .extract().path("answersSha256"));
    }
}
