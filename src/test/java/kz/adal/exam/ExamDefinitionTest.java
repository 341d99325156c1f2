package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.bank.BankVersionState;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exam definitions against the rules: 001 §5.20.3 limits, §7.6 pool, §5.23.5 language, §5.26 review. */
@QuarkusTest
class ExamDefinitionTest {

    @Test
    void refusesThirtyOneQuestionsForAnAttestationNamingTheClause() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("questionCount", 31);
        ExamFixtures.create("teacher", body).then().statusCode(400)
                .body("code", equalTo("EXAM_ATTESTATION_TOO_MANY_QUESTIONS"))
                .body("detail", containsString("001 §5.20.3"))
                .body("errors.field", hasItem("questionCount"));
    }

    @Test
    void refusesSixtyMinutesForAnAttestation() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("durationMinutes", 60);
        ExamFixtures.create("teacher", body).then().statusCode(400)
                .body("code", equalTo("EXAM_ATTESTATION_DURATION_FIXED"))
                .body("detail", containsString("50 minutes"));
    }

    @Test
    void acceptsSixtyMinutesForAnIntermediateControlWhereTheLimitIsOnlyADefault() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("kind", "INTERMEDIATE_CONTROL");
        body.put("durationMinutes", 60);
        ExamFixtures.create("teacher", body).then().statusCode(200).body("durationMinutes", equalTo(60))
                .body("state", equalTo("DRAFT"));
    }

    @Test
    void refusesASecondAttestationForTheSameDisciplinePeriodAndGroup() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID bank = ExamFixtures.demoBank("kk");
        ExamFixtures.create("teacher", ExamFixtures.attestation(g, bank)).then().statusCode(200);
        ExamFixtures.create("head", ExamFixtures.attestation(g, bank)).then().statusCode(409)
                .body("code", equalTo("ATTESTATION_EXISTS"));
        // another period is fine, and so is a control in the same period
        Map<String, Object> nextTerm = ExamFixtures.attestation(g, bank);
        nextTerm.put("academicPeriod", "2098-2099/1");
        ExamFixtures.create("teacher", nextTerm).then().statusCode(200);
        Map<String, Object> control = ExamFixtures.attestation(g, bank);
        control.put("kind", "INTERMEDIATE_CONTROL");
        ExamFixtures.create("teacher", control).then().statusCode(200);
    }

    @Test
    void aCancelledAttestationFreesItsPlace() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        UUID bank = ExamFixtures.demoBank("kk");
        String id = ExamFixtures.create("teacher", ExamFixtures.attestation(g, bank)).then().statusCode(200).extract().path("id");
        Api.as("teacher").body(Map.of()).post("/api/exams/" + id + "/cancel").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("FIELD_REQUIRED"));
        Api.as("teacher").body(Map.of("reason", "wrong date")).post("/api/exams/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        ExamFixtures.create("teacher", ExamFixtures.attestation(g, bank)).then().statusCode(200);
    }

    @Test
    void refusesABankWithoutAnExpertConclusionAndADraftBank() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        ExamFixtures.create("teacher", ExamFixtures.attestation(g, ExamFixtures.bankWithoutReview("kk", BankVersionState.APPROVED)))
                .then().statusCode(409).body("code", equalTo("BANK_NOT_REVIEWED"));
        ExamFixtures.create("teacher", ExamFixtures.attestation(g, ExamFixtures.bankWithoutReview("kk", BankVersionState.DRAFT)))
                .then().statusCode(409).body("code", equalTo("BANK_NOT_APPROVED"));
    }

    @Test
    void refusesABankInAnotherLanguageThanTheGroups() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        ExamFixtures.create("teacher", ExamFixtures.attestation(g, ExamFixtures.demoBank("ru"))).then().statusCode(409)
                .body("code", equalTo("BANK_LANGUAGE_MISMATCH"))
                .body("detail", containsString("001 §5.23.5"));
    }

    @Test
    void refusesTopicsThatLeaveFewerThanAHundredEligibleQuestions() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("topics", List.copyOf(ExamFixtures.weeks(1, 3)));
        ExamFixtures.create("teacher", body).then().statusCode(409)
                .body("code", equalTo("POOL_TOO_SMALL"))
                .body("detail", containsString("001 §7.6"));
        body.put("topics", List.copyOf(ExamFixtures.weeks(1, 10)));
        ExamFixtures.create("teacher", body).then().statusCode(200).body("topics.size()", equalTo(10));
    }

    @Test
    void refusesAnUnknownTopic() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("topics", List.of("week-1", "week-99"));
        ExamFixtures.create("teacher", body).then().statusCode(400).body("code", equalTo("TOPIC_UNKNOWN"));
    }

    @Test
    void proctoringIsOffOnlyForASupervisedSittingWithAReason() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        body.put("deliveryMode", "REMOTE_UNPROCTORED");
        ExamFixtures.create("teacher", body).then().statusCode(400).body("code", equalTo("EXAM_PROCTORING_REQUIRED"));
        body.put("deliveryMode", "SUPERVISED_ON_CAMPUS");
        ExamFixtures.create("teacher", body).then().statusCode(400).body("code", equalTo("EXAM_PROCTORING_REASON_REQUIRED"));
        body.put("deliveryReason", "Computer room 204, invigilated by the department");
        ExamFixtures.create("teacher", body).then().statusCode(200).body("deliveryMode", equalTo("SUPERVISED_ON_CAMPUS"));
    }

    @Test
    void theLiveCheckListsEveryProblemWithoutSaving() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("ru"));
        body.put("questionCount", 31);
        body.put("title", "");
        long before = countExams();
        List<String> codes = Api.as("teacher").body(body).post("/api/exams/check").then().statusCode(200)
                .body("ok", equalTo(false)).extract().path("problems.code");
        assertEquals(List.of("FIELD_REQUIRED", "EXAM_ATTESTATION_TOO_MANY_QUESTIONS", "BANK_LANGUAGE_MISMATCH"), codes);
        Api.as("teacher").body(body).post("/api/exams/check").then().body("problems[0].field", equalTo("title"));
        assertEquals(before, countExams());
        body.put("title", "fine");
        body.put("questionCount", 30);
        body.put("bankVersionId", ExamFixtures.demoBank("kk").toString());
        Api.as("teacher").body(body).post("/api/exams/check").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void onlyADraftIsEditedAndPublishingIsAudited() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        Map<String, Object> body = ExamFixtures.attestation(g, ExamFixtures.demoBank("kk"));
        String id = ExamFixtures.create("teacher", body).then().statusCode(200).extract().path("id");
        body.put("questionCount", 25);
        Api.as("teacher").body(body).put("/api/exams/" + id).then().statusCode(200).body("questionCount", equalTo(25));
        Api.as("member1").body(body).put("/api/exams/" + id).then().statusCode(403);
        Api.as("teacher").post("/api/exams/" + id + "/publish").then().statusCode(200).body("state", equalTo("PUBLISHED"));
        Api.as("teacher").body(body).put("/api/exams/" + id).then().statusCode(409).body("code", equalTo("EXAM_NOT_EDITABLE"));
        List<String> actions = Api.as("admin").get("/api/audit?scope=" + id).then().statusCode(200).extract().path("action");
        assertEquals(true, actions.contains("exam.created") && actions.contains("exam.updated") && actions.contains("exam.published"),
                actions.toString());
    }

    private static long countExams() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Exam.count());
    }
}
