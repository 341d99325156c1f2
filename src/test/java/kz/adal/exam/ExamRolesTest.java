package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what: every exam-administration endpoint against the roles that must be refused. */
@QuarkusTest
class ExamRolesTest {
    static UUID exam;
    static ExamFixtures.Group group;
    static UUID sheet;

    static void anExamAndASheet() {
        group = ExamFixtures.group("kk", 2, true);
        exam = ExamFixtures.published(ExamFixtures.attestation(group, ExamFixtures.demoBank("kk")));
        String doc = java.util.Base64.getEncoder().encodeToString("%PDF-1.4".getBytes());
        sheet = UUID.fromString(Api.as(group.student(0).login()).body(Map.of("examId", exam.toString(), "reason", "ill",
                "documentName", "c.pdf", "documentType", "application/pdf", "documentBase64", doc)).post("/api/sheets")
                .then().statusCode(200).extract().path("id"));
    }

    record Call(String who, String method, String path, Object body, int expected) {}

    @Test
    void eachRoleReachesOnlyItsOwnEndpoints() {
        anExamAndASheet();
        String s0 = group.student(0).login();
        String s1 = group.student(1).login();
        UUID st = group.student(1).id();
        String otherTeacher = kz.adal.testing.Fixtures.person("tch", java.util.Set.of(kz.adal.identity.Role.TEACHER), null).login();
        Map<String, Object> def = ExamFixtures.attestation(group, ExamFixtures.demoBank("kk"));
        List<Call> calls = List.of(
                new Call(null, "GET", "/api/exams", null, 401),
                new Call(s0, "GET", "/api/exams", null, 403),
                new Call(s0, "POST", "/api/exams", def, 403),
                new Call("dean", "POST", "/api/exams", def, 403),
                new Call("registrar", "POST", "/api/exams", def, 403),
                new Call("proctor", "GET", "/api/exams/" + exam, null, 403),
                new Call("member1", "GET", "/api/exams/" + exam, null, 403),
                new Call("member1", "POST", "/api/exams/" + exam + "/publish", null, 403),
                new Call("head", "GET", "/api/exams/" + exam, null, 200),
                new Call("dean", "GET", "/api/exams/" + exam + "/students", null, 200),
                new Call(s0, "PUT", "/api/exams/" + exam + "/admissions/" + st, Map.of("admitted", true, "reason", "x"), 403),
                new Call("dean", "PUT", "/api/exams/" + exam + "/admissions/" + st, Map.of("admitted", true, "reason", "x"), 403),
                new Call("member1", "PUT", "/api/exams/" + exam + "/admissions/" + st, Map.of("admitted", true, "reason", "x"), 403),
                new Call("teacher", "PUT", "/api/exams/" + exam + "/accommodations/" + st, Map.of("extraMinutes", 10, "basis", "PMPC 1"), 403),
                new Call("head", "PUT", "/api/exams/" + exam + "/accommodations/" + st, Map.of("extraMinutes", 10, "basis", "PMPC 1"), 403),
                new Call(s0, "PUT", "/api/exams/" + exam + "/accommodations/" + st, Map.of("extraMinutes", 10, "basis", "PMPC 1"), 403),
                new Call(s0, "GET", "/api/exams/" + exam + "/grades", null, 403),
                new Call("proctor", "GET", "/api/exams/" + exam + "/grades.csv", null, 403),
                new Call("registrar", "GET", "/api/exams/" + exam + "/ais-export", null, 403),
                new Call("teacher", "POST", "/api/sheets", Map.of("examId", exam.toString()), 403),
                // the application (reason, document): the applicant, the dean chain, the exam's teacher, the registrar only
                new Call(s1, "GET", "/api/sheets/" + sheet, null, 404),
                new Call(s1, "GET", "/api/sheets/" + sheet + "/document", null, 404),
                new Call(otherTeacher, "GET", "/api/sheets/" + sheet, null, 404),
                new Call(otherTeacher, "GET", "/api/sheets/" + sheet + "/document", null, 404),
                new Call("head", "GET", "/api/sheets/" + sheet, null, 404),
                new Call("admin", "GET", "/api/sheets/" + sheet + "/document", null, 404),
                new Call("proctor", "GET", "/api/sheets/" + sheet, null, 404),
                new Call("reviewer", "GET", "/api/sheets/" + sheet + "/document", null, 404),
                new Call(s0, "GET", "/api/sheets/" + sheet + "/document", null, 200),
                new Call("teacher", "GET", "/api/sheets/" + sheet, null, 200),
                new Call("policy", "GET", "/api/sheets/" + sheet + "/document", null, 200),
                new Call("registrar", "GET", "/api/sheets/" + sheet, null, 200),
                new Call(s0, "POST", "/api/sheets/" + sheet + "/sign", null, 403),
                new Call("teacher", "POST", "/api/sheets/" + sheet + "/sign", null, 403),
                new Call("registrar", "POST", "/api/sheets/" + sheet + "/sign", null, 403),
                new Call("teacher", "POST", "/api/sheets/" + sheet + "/order", Map.of("orderNumber", "1"), 403),
                new Call(s0, "PUT", "/api/sheets/" + sheet + "/grade", Map.of("percent", 90), 403),
                new Call("dean", "POST", "/api/sheets/" + sheet + "/return", null, 403),
                new Call("teacher", "GET", "/api/sheets/registrar", null, 403),
                new Call(s0, "GET", "/api/sheets/queue", null, 403),
                new Call(s0, "POST", "/api/portal-locks", Map.of("academicPeriod", "2090-2091/1"), 403),
                new Call("admin", "POST", "/api/portal-locks", Map.of("academicPeriod", "2090-2091/1"), 403),
                new Call("teacher", "GET", "/api/practice", null, 403),
                new Call(s0, "GET", "/api/practice", null, 200),
                new Call(s0, "GET", "/api/sheets/mine", null, 200),
                new Call("dean", "GET", "/api/sheets/queue", null, 200),
                new Call("registrar", "GET", "/api/sheets/registrar", null, 200));
        List<String> wrong = new ArrayList<>();
        for (Call c : calls) {
            RequestSpecification req = c.who() == null ? Api.anonymous() : Api.as(c.who());
            if (c.body() != null) req = req.body(c.body());
            int status = req.request(c.method(), c.path()).statusCode();
            if (status != c.expected()) wrong.add(c.who() + " " + c.method() + " " + c.path() + " → " + status + ", expected " + c.expected());
        }
        assertEquals(List.of(), wrong);
    }
}
