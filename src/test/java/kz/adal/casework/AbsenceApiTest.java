package kz.adal.casework;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.casework.absence.AbsenceDocument;
import kz.adal.identity.Role;
import kz.adal.oral.OralCatalog;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Absence for a valid reason (001 §6.15.3): via the dean to the chair's visa; allowed → a re-sit on another sitting day. */
@QuarkusTest
class AbsenceApiTest {

    @Inject
    TimeSource time;

    @Inject
    OralCatalog oral;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes();

    private static Map<String, Object> application(String turnId, String name, byte[] doc) {
        return Map.of("turnId", turnId, "reason", "I was in hospital (certificate attached)", "documentName", name,
                "documentBase64", Base64.getEncoder().encodeToString(doc));
    }

    @Test
    void theDeanForwardsTheChairAllowsAndAReSitIsScheduled() {
        LocalDate today = time.today();
        Fixtures.Person student = AppealGiven.finalYearStudent("absent");
        Fixtures.Person chair = Fixtures.person("ochair", Set.of(Role.TEACHER), null);
        String missed = (String) AppealGiven.sitting(today, chair.id(), List.of(student.id()), "Missed sitting").get("id");
        String later = (String) AppealGiven.sitting(today.plusDays(2), chair.id(),
                List.of(AppealGiven.finalYearStudent("other").id()), "Re-sit day").get("id");
        String turnId = student.api().get("/api/absences/options").then().statusCode(200)
                .extract().jsonPath().getString("find { it.sittingId == '" + missed + "' }.turnId");

        String id = student.api().body(application(turnId, "certificate.pdf", PDF)).post("/api/absences").then().log().ifValidationFails().statusCode(201)
                .body("state", equalTo("APPLIED")).body("documentType", equalTo("application/pdf")).extract().path("id");
        // the chair can't sign before the dean's office forwards it
        chair.api().body(Map.of("allowed", true, "resitSittingId", later)).post("/api/absences/" + id + "/visa").then()
                .statusCode(409).body("code", equalTo("ABSENCE_NOT_FORWARDED"));
        student.api().body(Map.of()).post("/api/absences/" + id + "/forward").then().statusCode(403);
        Api.as("dean").get("/api/absences/dean").then().statusCode(200).body("id", hasItem(id));
        Api.as("dean").body(Map.of("note", "certificate checked")).post("/api/absences/" + id + "/forward").then().statusCode(200)
                .body("state", equalTo("FORWARDED")).body("forwardedBy", notNullValue());
        chair.api().get("/api/inbox").then().body("kind", hasItem("absence.forwarded"));
        // only the sitting's chair gives the visa
        Api.as("chair").body(Map.of("allowed", true, "resitSittingId", later)).post("/api/absences/" + id + "/visa").then().statusCode(403);
        chair.api().get("/api/absences/" + id + "/resit-sittings").then().statusCode(200).body("id", hasItem(later));
        chair.api().body(Map.of("allowed", true, "resitSittingId", missed)).post("/api/absences/" + id + "/visa").then()
                .statusCode(422).body("code", equalTo("ORAL_RESIT_SAME_SITTING"));
        String resitTurn = chair.api().body(Map.of("allowed", true, "note", "valid certificate", "resitSittingId", later))
                .post("/api/absences/" + id + "/visa").then().statusCode(200)
                .body("state", equalTo("ALLOWED")).body("visaBy", notNullValue()).body("visaAt", notNullValue())
                .body("resitSittingId", equalTo(later)).extract().path("resitTurnId");
        OralCatalog.TurnRecord t = oral.turn(UUID.fromString(resitTurn)).orElseThrow();
        assertEquals(student.id(), t.studentId());
        assertEquals(UUID.fromString(later), t.sittingId());
        student.api().get("/api/inbox").then().body("find { it.kind == 'absence.visa' }.body", containsString("Re-sit day"));
        student.api().get("/api/absences/mine").then().body("[0].state", equalTo("ALLOWED"));
        Api.as("admin").get("/api/audit/verify?scope=" + missed).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aNotAllowedVisaNeedsAReasonAndTellsTheStudent() {
        LocalDate today = time.today();
        Fixtures.Person student = AppealGiven.finalYearStudent("absent");
        Fixtures.Person chair = Fixtures.person("ochair", Set.of(Role.TEACHER), null);
        String missed = (String) AppealGiven.sitting(today, chair.id(), List.of(student.id()), "Missed sitting").get("id");
        String turnId = student.api().get("/api/absences/options").then().extract().jsonPath()
                .getString("find { it.sittingId == '" + missed + "' }.turnId");
        String id = student.api().body(application(turnId, "note.pdf", PDF)).post("/api/absences").then().statusCode(201).extract().path("id");
        Api.as("dean").body(Map.of()).post("/api/absences/" + id + "/forward").then().statusCode(200);
        chair.api().body(Map.of("allowed", false)).post("/api/absences/" + id + "/visa").then().statusCode(400)
                .body("code", equalTo("ABSENCE_VISA_NOTE"));
        chair.api().body(Map.of("allowed", false, "note", "The certificate covers another day")).post("/api/absences/" + id + "/visa")
                .then().statusCode(200).body("state", equalTo("NOT_ALLOWED")).body("resitTurnId", org.hamcrest.Matchers.nullValue());
        student.api().get("/api/inbox").then().body("find { it.kind == 'absence.visa' }.body", containsString("another day"));
    }

    @Test
    void aBadUploadIsRefusedClearlyAndLosesNothing() {
        LocalDate today = time.today();
        Fixtures.Person student = AppealGiven.finalYearStudent("absent");
        Fixtures.Person chair = Fixtures.person("ochair", Set.of(Role.TEACHER), null);
        String first = (String) AppealGiven.sitting(today, chair.id(), List.of(student.id()), "First sitting").get("id");
        String second = (String) AppealGiven.sitting(today.plusDays(1), chair.id(), List.of(student.id()), "Second sitting").get("id");
        var options = student.api().get("/api/absences/options").then().extract().jsonPath();
        String firstTurn = options.getString("find { it.sittingId == '" + first + "' }.turnId");
        String secondTurn = options.getString("find { it.sittingId == '" + second + "' }.turnId");
        String saved = student.api().body(application(firstTurn, "certificate.pdf", PDF)).post("/api/absences").then().statusCode(201)
                .extract().path("id");

        byte[] exe = "MZ\u0090\u0000this is not a scan".getBytes();
        student.api().body(application(secondTurn, "certificate.pdf", exe)).post("/api/absences").then().statusCode(415)
                .body("code", equalTo("DOCUMENT_TYPE")).body("detail", containsString("PDF, JPEG or PNG"));
        byte[] huge = new byte[AbsenceDocument.MAX_BYTES + 10];
        huge[0] = '%'; huge[1] = 'P'; huge[2] = 'D'; huge[3] = 'F'; huge[4] = '-';
        student.api().body(application(secondTurn, "scan.pdf", huge)).post("/api/absences").then().statusCode(413)
                .body("code", equalTo("DOCUMENT_TOO_LARGE"));
        student.api().body(Map.of("turnId", secondTurn, "reason", "ill")).post("/api/absences").then().statusCode(400)
                .body("code", equalTo("DOCUMENT_REQUIRED"));

        student.api().get("/api/absences/mine").then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(saved));
        byte[] kept = student.api().get("/api/absences/" + saved + "/document").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(PDF, kept);
        // the second sitting can still be applied about with a proper scan
        student.api().body(application(secondTurn, "certificate.pdf", PDF)).post("/api/absences").then().statusCode(201);
        // someone else's document is not shown
        Fixtures.student("nosy", Fixtures.group("abs")).api().get("/api/absences/" + saved + "/document").then().statusCode(404);
    }
}
