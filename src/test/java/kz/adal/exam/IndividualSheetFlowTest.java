package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Extensions and individual sheets, 001 §5.34–5.35, and the portal lock, 001 §5.31. */
@QuarkusTest
class IndividualSheetFlowTest {
    @Inject
    ExamAccess access;
    @Inject
    TimeSource time;

    @Test
    void signaturesComeInTurnAndTheSheetIsIssuedWithItsDayOfReceipt() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        String doc = Base64.getEncoder().encodeToString("%PDF-1.4 certificate".getBytes());
        ExamFixtures.Student s = g.student(0);
        Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill")).post("/api/sheets").then().statusCode(400)
                .body("code", equalTo("DOCUMENT_REQUIRED"));
        Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "x.exe",
                "documentType", "application/x-msdownload", "documentBase64", doc)).post("/api/sheets").then().statusCode(400)
                .body("code", equalTo("DOCUMENT_TYPE"));
        String big = Base64.getEncoder().encodeToString(new byte[ExtensionService.MAX_DOCUMENT_BYTES + 1]);
        Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "big.pdf",
                "documentType", "application/pdf", "documentBase64", big)).post("/api/sheets").then().statusCode(400)
                .body("code", equalTo("DOCUMENT_TOO_LARGE"));
        String id = Api.as(s.login()).body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "cert.pdf",
                "documentType", "application/pdf", "documentBase64", doc)).post("/api/sheets").then().statusCode(200)
                .body("state", equalTo("APPLIED")).body("nextStep", equalTo("DEAN_SIGNS")).extract().path("id");
        // out of turn
        Api.as("policy").post("/api/sheets/" + id + "/sign").then().statusCode(403).body("code", equalTo("NOT_YOUR_TURN"));
        Api.as("vicerector").post("/api/sheets/" + id + "/sign").then().statusCode(403);
        Api.as("policy").get("/api/sheets/queue").then().statusCode(200).body("id", not(hasItem(id)));
        Api.as("dean").get("/api/sheets/queue").then().statusCode(200).body("id", hasItem(id));
        Api.as("dean").post("/api/sheets/" + id + "/sign").then().statusCode(200).body("state", equalTo("SIGNED_BY_DEAN"));
        Api.as("policy").get("/api/sheets/queue").then().statusCode(200).body("id", hasItem(id));
        Api.as("policy").post("/api/sheets/" + id + "/sign").then().statusCode(200);
        Api.as("dean").body(Map.of("orderNumber", "1")).post("/api/sheets/" + id + "/order").then().statusCode(409);
        Api.as("vicerector").post("/api/sheets/" + id + "/sign").then().statusCode(200).body("state", equalTo("SIGNED_BY_ACADEMIC_VICE_RECTOR"));
        Api.as("dean").body(Map.of("orderNumber", "17-ext")).post("/api/sheets/" + id + "/order").then().statusCode(200)
                .body("state", equalTo("ORDER_ISSUED"));
        Api.as("dean").body(Map.of("receivedOn", time.today().plusDays(1).toString())).post("/api/sheets/" + id + "/issue")
                .then().statusCode(400).body("code", equalTo("RECEIPT_IN_FUTURE"));
        Api.as("dean").body(Map.of("receivedOn", time.today().toString())).post("/api/sheets/" + id + "/issue").then().statusCode(200)
                .body("state", equalTo("SHEET_ISSUED")).body("validThrough", equalTo(time.today().plusDays(14).toString()))
                .body("validToday", equalTo(true));
        Api.as(s.login()).get("/api/sheets/mine").then().statusCode(200).body("[0].state", equalTo("SHEET_ISSUED"));
        byte[] back = Api.as(s.login()).get("/api/sheets/" + id + "/document").then().statusCode(200).extract().asByteArray();
        assertEquals("%PDF-1.4 certificate", new String(back));
        ExamFixtures.Group other = ExamFixtures.group("kk", 1, true);
        Api.as(other.student(0).login()).get("/api/sheets/" + id + "/document").then().statusCode(404);  // another's application does not exist for them
        List<String> actions = Api.as("admin").get("/api/audit?scope=" + exam).then().extract().path("action");
        assertEquals(3, actions.stream().filter("sheet.signed"::equals).count(), actions.toString());
    }

    @Test
    void aGradeOnTheFourteenthDayAfterReceiptCountsAndOnTheFifteenthIsRefused() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        LocalDate today = time.today();
        UUID onTime = ExamFixtures.issuedSheet(exam, g.student(0), today.minusDays(14));
        UUID late = ExamFixtures.issuedSheet(exam, g.student(1), today.minusDays(15));
        Api.as("teacher").body(Map.of("percent", 81)).put("/api/sheets/" + onTime + "/grade").then().statusCode(200)
                .body("gradePercent", equalTo(81));
        Api.as("teacher").body(Map.of("percent", 81)).put("/api/sheets/" + late + "/grade").then().statusCode(409)
                .body("code", equalTo("SHEET_EXPIRED"));
        // the registrar: returned in time → due in 2 days; returned late → not counted, nothing to enter
        Api.as("registrar").post("/api/sheets/" + onTime + "/return").then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("aisEntryDueOn", equalTo(today.plusDays(2).toString()));
        Api.as("registrar").post("/api/sheets/" + late + "/return").then().statusCode(200)
                .body("state", equalTo("RETURNED_LATE")).body("gradesCount", equalTo(false));
        Api.as("registrar").post("/api/sheets/" + late + "/ais").then().statusCode(409);
        Api.as("registrar").get("/api/sheets/registrar").then().statusCode(200).body("id", hasItem(onTime.toString()));
        Api.as("teacher").get("/api/exams/" + exam + "/grades").then().statusCode(200)
                .body("rows.find { it.login == '" + g.student(0).login() + "' }.letter", equalTo("B"))
                .body("rows.find { it.login == '" + g.student(0).login() + "' }.source", equalTo("INDIVIDUAL_SHEET"));
        Api.as("registrar").post("/api/sheets/" + onTime + "/ais").then().statusCode(200).body("state", equalTo("RECORDED_IN_AIS"));
    }

    /** The individual sheet as the dean's office prints it, in kk and ru (issue 15): no English, no codes, every Kazakh letter. */
    @Test
    void theIndividualSheetPrintsInKazakhAndInRussianWithItsApprovalsAndGrade() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("title", kz.adal.testing.OfficialDocumentCheck.KAZAKH_PANGRAM);
        UUID exam = ExamFixtures.published(body);
        ExamFixtures.Student s = g.student(0);
        UUID sheet = ExamFixtures.issuedSheet(exam, s, time.today());
        Api.as("teacher").body(Map.of("percent", new java.math.BigDecimal("86.5"))).put("/api/sheets/" + sheet + "/grade").then().statusCode(200);
        Api.as("registrar").post("/api/sheets/" + sheet + "/return").then().statusCode(200);
        String discipline = Api.as("teacher").get("/api/exams/" + exam).then().extract().path("discipline");
        String name = Api.as(s.login()).get("/api/sheets/" + sheet).then().extract().path("studentName");
        List<String> data = List.of(g.code(), ExamFixtures.PERIOD, kz.adal.testing.OfficialDocumentCheck.KAZAKH_PANGRAM, discipline, name,
                s.login(), "42-ext", "B+");
        // who may read the sheet may print it; another student may not
        Api.as(g.student(0).login()).get("/api/sheets/" + sheet + "/sheet.pdf").then().statusCode(200);
        Api.as(ExamFixtures.group("kk", 1, true).student(0).login()).get("/api/sheets/" + sheet + "/sheet.pdf").then().statusCode(404);
        byte[] kk = Api.as("registrar").get("/api/sheets/" + sheet + "/sheet.pdf").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.containsString("application/pdf")).extract().asByteArray();
        String k = kz.adal.testing.OfficialDocumentCheck.check("individualSheet", kk, "kk", data);
        kz.adal.testing.OfficialDocumentCheck.assertKazakhLettersSurvive("individualSheet", k);
        String kflat = k.replaceAll("\\s", "");
        org.junit.jupiter.api.Assertions.assertTrue(kflat.contains("Жекеемтиханпарағы") && kflat.contains("Мерзіміндеқайтарылды")
                && kflat.contains("86,5") && kflat.contains("Академиялықсаясатдиректоры") && kflat.contains("ЖанарҚасымова")
                && kflat.contains("жақсы") && kflat.contains("жылғы"), k);
        org.junit.jupiter.api.Assertions.assertFalse(k.contains("ill"), "the application's reason stays with the dean's office\n" + k);
        byte[] ru = Api.as("dean").get("/api/sheets/" + sheet + "/sheet.pdf?lang=ru").then().statusCode(200).extract().asByteArray();
        String r = kz.adal.testing.OfficialDocumentCheck.check("individualSheet", ru, "ru", data);
        String flat = r.replaceAll("\\s", "");   // a table cell wraps long names across lines
        org.junit.jupiter.api.Assertions.assertTrue(flat.contains("Индивидуальнаяэкзаменационнаяведомость") && flat.contains("Возвращёнвсрок")
                && flat.contains("Проректорпоакадемическойработе") && flat.contains("хорошо") && flat.contains("86,5"), r);
        kz.adal.testing.OfficialDocumentCheck.assertKazakhLettersSurvive("individualSheet (ru, Kazakh title)", r);
    }

    @Test
    void anAisEntryNotMadeWithinTwoDaysOfReturnIsListedAsOverdue() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        UUID sheet = ExamFixtures.issuedSheet(exam, g.student(0), time.today());
        Api.as("registrar").post("/api/sheets/" + sheet + "/return").then().statusCode(200);
        try {
            time.advance(Duration.ofDays(3));
            String token = Api.freshToken("registrar", Api.PASSWORD);
            io.restassured.RestAssured.given().auth().oauth2(token).get("/api/sheets/registrar").then().statusCode(200)
                    .body("find { it.id == '" + sheet + "' }.aisEntryOverdue", equalTo(true));
        } finally {
            time.reset();
        }
    }

    @Test
    void theFourteenDaysLetASheetHolderStartAfterTheExamClosed() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("closesAt", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofHours(2)).toString());
        UUID exam = ExamFixtures.published(body);
        ExamFixtures.admit(exam, g.student(0), true);
        ExamFixtures.admit(exam, g.student(1), true);
        UUID sheet = ExamFixtures.issuedSheet(exam, g.student(0), time.today());
        Instant afterClose = Instant.parse((String) body.get("closesAt")).plus(Duration.ofDays(3));
        StartPermit p = access.requireStartable(exam, g.student(0).id(), afterClose);
        assertEquals(2, p.round());
        assertEquals(sheet, p.individualSheetId());
        AdmissionAndAccessTest.assertCode(ExamAccess.WINDOW_CLOSED, () -> access.requireStartable(exam, g.student(1).id(), afterClose));
        // the personal window ends with the sheet's 14th day
        Instant after15 = time.today().plusDays(15).atStartOfDay(TimeSource.ZONE).toInstant().plusSeconds(60);
        AdmissionAndAccessTest.assertCode(ExamAccess.WINDOW_CLOSED, () -> access.requireStartable(exam, g.student(0).id(), after15));
    }

    @Test
    void thePortalLockClosesControlsButNotAValidIndividualSheet() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("kind", "INTERMEDIATE_CONTROL");
        body.put("academicPeriod", ExamFixtures.PERIOD.replace("/3", "/2"));
        UUID exam = ExamFixtures.published(body);
        UUID sheet = ExamFixtures.issuedSheet(exam, g.student(0), time.today());
        Instant now = Instant.now();
        assertEquals(1, access.requireStartable(exam, g.student(1).id(), now).round());
        Api.as("teacher").body(Map.of("academicPeriod", body.get("academicPeriod"))).post("/api/portal-locks").then().statusCode(403);
        Api.as("portal").body(Map.of("academicPeriod", body.get("academicPeriod"), "note", "deadline passed"))
                .post("/api/portal-locks").then().statusCode(200);
        Instant later = Instant.now().plusSeconds(1);
        AdmissionAndAccessTest.assertCode(ExamAccess.PORTAL_LOCKED, () -> access.requireStartable(exam, g.student(1).id(), later));
        StartPermit p = access.requireStartable(exam, g.student(0).id(), later);
        assertEquals(sheet, p.individualSheetId());
        // the teacher may still grade the valid sheet behind the lock
        Api.as("teacher").body(Map.of("percent", 70)).put("/api/sheets/" + sheet + "/grade").then().statusCode(200);
    }
}
