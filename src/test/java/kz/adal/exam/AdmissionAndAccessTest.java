package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.platform.Problem;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admission (001 §5.30, §5.39.4), accommodations (001 §5.8.2) and the start gate the attempt feature calls. */
@QuarkusTest
class AdmissionAndAccessTest {
    @Inject
    ExamAccess access;

    @Test
    void importsAGoodAdmissionListAndRefusesABadOneWholeWithLineNumbers() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 3, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        String bad = "login,admitted,reason\n" + g.student(0).login() + ",yes,\n" + "nobody.here,yes,\n"
                + g.student(1).login() + ",maybe,\n" + g.student(2).login() + ",no,\n";
        Api.as("teacher").contentType("text/csv; charset=UTF-8").body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/exams/" + exam + "/admissions/import").then().statusCode(422)
                .body("code", equalTo("IMPORT_REJECTED"))
                .body("errors[0].line", equalTo(3)).body("errors[0].message", containsString("nobody.here"))
                .body("errors[1].line", equalTo(4)).body("errors[1].message", containsString("yes or no"))
                .body("errors[2].line", equalTo(5)).body("errors[2].message", containsString("reason"));
        // nothing was written
        Api.as("teacher").get("/api/exams/" + exam + "/students").then().statusCode(200)
                .body("find { it.login == '" + g.student(0).login() + "' }.admitted", equalTo(null));

        String good = "login,admitted,reason\n" + g.student(0).login() + ",yes,\n" + g.student(1).login() + ",иә,\n"
                + g.student(2).login() + ",no,\"2 of 6 control tasks missing\"\n";
        Api.as("teacher").contentType("text/csv; charset=UTF-8").body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/exams/" + exam + "/admissions/import").then().statusCode(200)
                .body("rows", equalTo(3)).body("admitted", equalTo(2)).body("notAdmitted", equalTo(1));
        Api.as("teacher").get("/api/exams/" + exam + "/students").then().statusCode(200)
                .body("find { it.login == '" + g.student(2).login() + "' }.admitted", equalTo(false))
                .body("find { it.login == '" + g.student(2).login() + "' }.admissionReason", equalTo("2 of 6 control tasks missing"))
                .body("find { it.login == '" + g.student(0).login() + "' }.mayStart", equalTo(true))
                .body("find { it.login == '" + g.student(0).login() + "' }.admissionSource", equalTo("CSV"));
    }

    @Test
    void aDecisionByHandNeedsAReason() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        Api.as("teacher").body(Map.of("admitted", true)).put("/api/exams/" + exam + "/admissions/" + g.student(0).id())
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("errors.field", equalTo(List.of("reason")));
        Api.as("teacher").body(Map.of("admitted", true, "reason", "completed the missing task on 12 May"))
                .put("/api/exams/" + exam + "/admissions/" + g.student(0).id()).then().statusCode(200)
                .body("admitted", equalTo(true)).body("admissionSource", equalTo("MANUAL"));
    }

    @Test
    void aStudentWhoIsNotAdmittedCannotStart() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        ExamFixtures.admit(exam, g.student(0), true);
        ExamFixtures.admit(exam, g.student(1), false);
        Instant now = Instant.now();
        StartPermit permit = access.requireStartable(exam, g.student(0).id(), now);
        assertEquals(Duration.ofMinutes(50), permit.duration());
        assertEquals(1, permit.round());
        assertNull(permit.cutAt());
        assertCode(ExamAccess.NOT_ADMITTED, () -> access.requireStartable(exam, g.student(1).id(), now));
        // no decision at all is no admission for the session exam (001 §5.30)
        ExamFixtures.Group other = ExamFixtures.group("kk", 1, true);
        assertCode(ExamAccess.NOT_IN_GROUP, () -> access.requireStartable(exam, other.student(0).id(), now));
    }

    @Test
    void theGateRefusesADraftAndOutsideTheWindow() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        String id = ExamFixtures.create("teacher", body).then().statusCode(200).extract().path("id");
        UUID exam = UUID.fromString(id);
        ExamFixtures.admit(exam, g.student(0), true);
        assertCode(ExamAccess.EXAM_NOT_PUBLISHED, () -> access.requireStartable(exam, g.student(0).id(), Instant.now()));
        Api.as("teacher").post("/api/exams/" + id + "/publish").then().statusCode(200);
        Instant opens = Instant.parse((String) body.get("opensAt"));
        Instant closes = Instant.parse((String) body.get("closesAt"));
        assertCode(ExamAccess.WINDOW_NOT_OPEN, () -> access.requireStartable(exam, g.student(0).id(), opens.minusSeconds(1)));
        // refuse after close − duration (the default policy): everyone who starts gets the full 50 minutes
        assertCode(ExamAccess.TOO_LATE_TO_START, () -> access.requireStartable(exam, g.student(0).id(), closes.minus(Duration.ofMinutes(49))));
        assertCode(ExamAccess.WINDOW_CLOSED, () -> access.requireStartable(exam, g.student(0).id(), closes));
    }

    @Test
    void cutAtClosePolicyWarnsAndCuts() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("lateStartPolicy", "CUT_AT_CLOSE");
        UUID exam = ExamFixtures.published(body);
        ExamFixtures.admit(exam, g.student(0), true);
        Instant closes = Instant.parse((String) body.get("closesAt"));
        StartPermit p = access.requireStartable(exam, g.student(0).id(), closes.minus(Duration.ofMinutes(20)));
        assertTrue(p.mustWarnCut());
        assertEquals(closes, p.cutAt());
    }

    @Test
    void finalAttestationNeedsTheCompletedCurriculum() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, false);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("kind", "FINAL_ATTESTATION_TEST");
        UUID exam = ExamFixtures.published(body);
        ExamFixtures.admit(exam, g.student(0), true);
        assertCode(ExamAccess.CURRICULUM_NOT_COMPLETED, () -> access.requireStartable(exam, g.student(0).id(), Instant.now()));
        Api.as("teacher").get("/api/exams/" + exam + "/students").then().statusCode(200).body("[0].mayStart", equalTo(false));

        ExamFixtures.Group done = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body2 = ExamFixtures.attestation(done, ExamFixtures.demoBank("kk"));
        body2.put("kind", "FINAL_ATTESTATION_TEST");
        UUID exam2 = ExamFixtures.published(body2);
        assertEquals(1, access.requireStartable(exam2, done.student(0).id(), Instant.now()).round());
    }

    @Test
    void aDeanApprovesExtraTimeWithItsBasisAndItLengthensTheStudentsTime() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        ExamFixtures.admit(exam, g.student(0), true);
        String path = "/api/exams/" + exam + "/accommodations/" + g.student(0).id();
        Api.as("teacher").body(Map.of("extraMinutes", 15, "basis", "PMPC recommendation No. 7")).put(path).then().statusCode(403);
        Api.as("dean").body(Map.of("extraMinutes", 15)).put(path).then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("errors.field", equalTo(List.of("basis"))).body("errors[0].code", equalTo("FIELD_REQUIRED"));
        Api.as("dean").body(Map.of("extraMinutes", 15, "basis", "PMPC recommendation No. 7 of 2026-09-01")).put(path)
                .then().statusCode(200).body("extraMinutes", equalTo(15));
        Api.as("teacher").get("/api/exams/" + exam + "/students").then().statusCode(200)
                .body("[0].accommodationBasis", containsString("PMPC"));
        assertEquals(Duration.ofMinutes(65), access.requireStartable(exam, g.student(0).id(), Instant.now()).duration());
        java.util.List<String> actions = Api.as("admin").get("/api/audit?scope=" + exam).then().extract().path("action");
        assertTrue(actions.contains("exam.accommodation-approved"), actions.toString());
    }

    static void assertCode(String code, org.junit.jupiter.api.function.Executable call) {
        Problem p = assertThrows(Problem.class, call);
        assertEquals(code, p.code(), p.getMessage());
    }
}
