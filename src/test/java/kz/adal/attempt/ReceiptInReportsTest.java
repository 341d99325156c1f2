package kz.adal.attempt;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.adal.exam.ExamRows;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receipt a student keeps, where it is needed: the per-attempt review PDF prints the hash over
 * the answers as stored (the one a receipt carries), and an appeal filed with the receipt shows the
 * commission — on the page's data and in the PDF — whether the stored answers still match it.
 */
@QuarkusTest
class ReceiptInReportsTest {

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) text.append(extractor.getTextFromPage(p)).append('\n');
        return text.toString().replaceAll("\\s", "");   // a table cell may wrap a long hash across lines
    }

    private static String reportText(String attemptId) throws IOException {
        return pdfText(Api.as("reviewer").get("/api/review/attempts/" + attemptId + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray());
    }

    /** Answered, handed in, graded and the result published: an attempt one may appeal. */
    private static String handedIn(Given.Sitting s) {
        String id = AttemptApiTest.started(s);
        s.student().api().body(Map.of("selected", List.of(2), "marked", false, "seq", 1)).put("/api/attempts/" + id + "/answers/0")
                .then().statusCode(200);
        s.student().api().body(Map.of("selected", List.of(0), "marked", true, "seq", 2)).put("/api/attempts/" + id + "/answers/1")
                .then().statusCode(200);
        s.student().api().post("/api/attempts/" + id + "/submit").then().statusCode(200);
        ExamRows.resultsVisibleAt(s.examId(), Instant.now().minusSeconds(60));
        return id;
    }

    @Test
    void theReviewPdfAndTheAppealShowWhetherTheStoredAnswersMatchTheStudentsReceipt() throws IOException {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        String id = handedIn(s);
        JsonPath receipt = s.student().api().get("/api/attempts/" + id + "/receipt").then().statusCode(200).extract().jsonPath();
        String hash = receipt.getString("answersSha256");
        assertTrue(reportText(id).contains("AnswersSHA-256(asonthestudent'sreceipt)" + hash), "the review PDF prints the stored answers' hash");

        // the student files the appeal with the receipt file the exam page gave
        String receiptFile = s.student().api().get("/api/attempts/" + id + "/receipt").then().extract().asString();
        s.student().api().body(Map.of("attemptId", id, "reason", "My answers were changed", "receipt", "not a receipt"))
                .post("/api/appeals").then().statusCode(400).body("code", equalTo("APPEAL_RECEIPT_UNREADABLE"));
        String appeal = s.student().api().body(Map.of("attemptId", id, "reason", "My answers were changed", "receipt", receiptFile))
                .post("/api/appeals").then().statusCode(201)
                .body("receipt.match", equalTo("MATCHES")).body("receipt.receiptSha256", equalTo(hash))
                .body("receipt.storedSha256", equalTo(hash)).extract().path("id");
        assertTrue(reportText(id).contains(("Answer receipt filed by the student (issued").replaceAll("\\s", "")),
                "the appeal's section names the receipt");
        assertTrue(reportText(id).contains("genuine,andthestoredanswersMATCHit"));

        // the stored answers change behind the student's back: the appeal and the PDF say so
        QuarkusTransaction.requiringNew().run(() -> {
            AttemptQuestion q = AttemptQuestion.findById(new AttemptQuestion.Key(UUID.fromString(id), 0));
            q.selected = "4".equals(q.selected) ? "3" : "4";   // options are shuffled: the student's may have been 4 already
        });
        s.student().api().get("/api/appeals/" + appeal).then().statusCode(200)
                .body("receipt.match", equalTo("DIFFERS")).body("receipt.receiptSha256", equalTo(hash));
        String text = reportText(id);
        assertTrue(text.contains("genuine,butthestoredanswersDONOTMATCHit"), text);
        assertTrue(!text.contains("AnswersSHA-256(asonthestudent'sreceipt)" + hash), "the report prints the hash of what is stored now");
    }

    @Test
    void aForgedReceiptIsShownAsNotGenuine() {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        String id = handedIn(s);
        String jws = s.student().api().get("/api/attempts/" + id + "/receipt").then().statusCode(200).extract().path("signed");
        String[] parts = jws.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceAll("\"answersSha256\":\"[0-9a-f]+\"", "\"answersSha256\":\"" + "0".repeat(64) + "\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        s.student().api().body(Map.of("attemptId", id, "reason", "Check my receipt", "receipt", forged))
                .post("/api/appeals").then().statusCode(201)
                .body("receipt.match", equalTo("NOT_GENUINE")).body("receipt.receiptSha256", nullValue());
    }
}
