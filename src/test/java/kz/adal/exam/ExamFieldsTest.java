package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An exam's, an admission's and an accommodation's bad fields are refused by their constraints, answered once by the
 * problem mapper: 400 problem+json INVALID_REQUEST naming each field in the reader's language (kk, ru); the live check
 * lists the same field problems with the exam's other problems; made right, the request passes.
 */
@QuarkusTest
class ExamFieldsTest {

    @Test
    void anExamWithABadPeriodAndNoQuestionsIsRefusedNamingTheFields() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("academicPeriod", "2026/1");
        body.put("questionCount", 0);
        body.put("topics", List.of(" "));
        long before = countExams();
        Api.as("teacher").header("Accept-Language", "kk").body(body).post("/api/exams").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("detail", equalTo("Сұраудың мына өрістері дұрыс толтырылмаған: академиялық кезең, сұрақтар саны, тақырыптар."))
                .body("errors.field", equalTo(List.of("academicPeriod", "questionCount", "topics")))
                .body("errors.code", equalTo(List.of("FIELD_FORMAT", "FIELD_RANGE", "FIELD_REQUIRED")))
                .body("errors[0].message", equalTo("Академиялық кезең 2026-2027/1 түрінде жазылады."))
                .body("errors[1].message", equalTo("«сұрақтар саны» өрісінің мәні рұқсат етілген аралықтан тыс."));
        Api.as("teacher").header("Accept-Language", "ru").body(body).post("/api/exams").then()
                .statusCode(400).body("detail", equalTo("В запросе неверно заполнены поля: академический период, количество вопросов, темы."))
                .body("errors[2].message", equalTo("Заполните поле «темы»."));
        assertEquals(before, countExams(), "nothing saved");

        // the live check: the same field problems, worded the same, then the others (none here)
        List<String> fields = Api.as("teacher").header("Accept-Language", "ru").body(body).post("/api/exams/check").then()
                .statusCode(200).body("ok", equalTo(false))
                .body("problems[1].message", equalTo("Значение поля «количество вопросов» вне допустимого диапазона."))
                .extract().path("problems.field");
        assertEquals(List.of("academicPeriod", "questionCount", "topics"), fields);

        body.put("academicPeriod", ExamFixtures.PERIOD);
        body.put("questionCount", 30);
        body.put("topics", List.of());
        ExamFixtures.create("teacher", body).then().statusCode(200).body("academicPeriod", equalTo(ExamFixtures.PERIOD));
    }

    @Test
    void anEditIsRefusedTheSameWayAndLeavesTheExamAsItWas() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        String id = ExamFixtures.create("teacher", body).then().statusCode(200).extract().path("id");
        body.put("title", "");
        body.remove("opensAt");
        Api.as("teacher").header("Accept-Language", "ru").body(body).put("/api/exams/" + id).then()
                .statusCode(400).body("errors.field", equalTo(List.of("opensAt", "title")))
                .body("errors[0].message", equalTo("Заполните поле «время открытия»."));
        Api.as("teacher").get("/api/exams/" + id).then().statusCode(200).body("title", equalTo("Attestation for " + g.code()));
    }

    @Test
    void anAdmissionAndExtraTimeAreRefusedNamingTheField() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("kk")));
        String admission = "/api/exams/" + exam + "/admissions/" + g.student(0).id();
        Api.as("teacher").header("Accept-Language", "kk").body(Map.of("reason", "by hand")).put(admission).then()
                .statusCode(400).body("errors.field", equalTo(List.of("admitted")))
                .body("errors[0].message", equalTo("«жіберу туралы шешім» өрісін толтырыңыз."));
        Api.as("teacher").body(Map.of("admitted", true, "reason", "by hand")).put(admission).then().statusCode(200);

        String path = "/api/exams/" + exam + "/accommodations/" + g.student(0).id();
        Api.as("dean").header("Accept-Language", "ru").body(Map.of("extraMinutes", 500, "basis", "PMPC No. 7")).put(path).then()
                .statusCode(400).body("detail", equalTo("В запросе неверно заполнены поля: дополнительное время."))
                .body("errors[0].code", equalTo("FIELD_RANGE"))
                .body("errors[0].message", equalTo("Дополнительное время вне допустимого диапазона."));
        Api.as("dean").body(Map.of("extraMinutes", 20, "basis", "abc")).put(path).then()
                .statusCode(400).body("errors.field", equalTo(List.of("basis")));
        Api.as("dean").body(Map.of("extraMinutes", 120, "basis", "PMPC No. 7")).put(path).then()
                .statusCode(200).body("extraMinutes", equalTo(120));
    }

    private static long countExams() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Exam.count());
    }
}
