package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** An individual sheet's supporting document is what its bytes say, under a name without folders. */
@QuarkusTest
class SheetDocumentTest {

    @Test
    void aPageClaimingToBeAPdfIsRefusedAndANameLosesItsFolders() {
        ExamFixtures.Group g = ExamFixtures.group("en", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("en")));
        ExamFixtures.Student s = g.student(0);
        String html = Base64.getEncoder().encodeToString("<html><script>alert(1)</script></html>".getBytes());
        Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "cert.pdf",
                "documentType", "application/pdf", "documentBase64", html)).post("/api/sheets").then().statusCode(400)
                .body("code", equalTo("DOCUMENT_TYPE"));

        String png = Base64.getEncoder().encodeToString(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        String id = Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "..\\..\\C:/Users/x/med\"cert\r\n.pdf",
                "documentType", "application/pdf", "documentBase64", png)).post("/api/sheets").then().statusCode(200).extract().path("id");
        Api.as(s.login()).get("/api/sheets/" + id + "/document").then().statusCode(200)
                .header("Content-Type", containsString("image/png"))
                .header("Content-Disposition", containsString("med_cert__.pdf"))
                .header("Content-Disposition", not(containsString("Users")));
    }
}
