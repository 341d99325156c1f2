package kz.adal.exam;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Practice on typical tasks (001 §5.23.2): only the group's banks, answers only after answering. */
@QuarkusTest
class PracticeTest {

    @Test
    void aStudentPractisesTheTypicalTasksOfTheirGroupsBanksAndSeesRightOrWrong() {
        UUID kk = ExamFixtures.demoBank("kk");
        ExamFixtures.Group g = ExamFixtures.group("kk", 1, true);
        ExamFixtures.published(ExamFixtures.attestation(g, kk));
        String student = g.student(0).login();
        Api.as(student).get("/api/practice").then().statusCode(200)
                .body("find { it.versionId == '" + kk + "' }.tasks", equalTo(20));
        List<Map<String, Object>> tasks = Api.as(student).get("/api/practice/" + kk + "/tasks").then().statusCode(200)
                .body("size()", equalTo(20)).extract().path("$");
        Map<String, Object> first = tasks.get(0);
        assertFalse(first.containsKey("correct"), "no answers before answering: " + first.keySet());
        String qid = (String) first.get("id");
        List<Integer> correct = Api.as(student).body(Map.of("chosen", List.of(0))).post("/api/practice/" + kk + "/tasks/" + qid + "/check")
                .then().statusCode(200).extract().path("correctOptions");
        assertTrue(!correct.isEmpty());
        Api.as(student).body(Map.of("chosen", correct)).post("/api/practice/" + kk + "/tasks/" + qid + "/check")
                .then().statusCode(200).body("correct", equalTo(true));
        List<Integer> wrong = correct.contains(4) ? List.of(0, 1, 2, 3, 4) : List.of(4);
        Api.as(student).body(Map.of("chosen", wrong)).post("/api/practice/" + kk + "/tasks/" + qid + "/check")
                .then().statusCode(200).body("correct", equalTo(false));
    }

    @Test
    void aBankOfAnotherGroupIsClosed() {
        ExamFixtures.Group kkGroup = ExamFixtures.group("kk", 1, true);
        ExamFixtures.published(ExamFixtures.attestation(kkGroup, ExamFixtures.demoBank("kk")));
        UUID ru = ExamFixtures.demoBank("ru");
        Api.as(kkGroup.student(0).login()).get("/api/practice/" + ru + "/tasks").then().statusCode(403);
        ExamFixtures.Group g = ExamFixtures.group("en", 1, true);
        Api.as(g.student(0).login()).get("/api/practice").then().statusCode(200).body("size()", equalTo(0));
        ExamFixtures.Group ruGroup = ExamFixtures.group("ru", 1, true);
        ExamFixtures.published(ExamFixtures.attestation(ruGroup, ru));
        Api.as(ruGroup.student(0).login()).get("/api/practice").then().statusCode(200).body("size()", greaterThan(0));
        Api.as(ruGroup.student(0).login()).get("/api/practice/" + ru + "/tasks").then().statusCode(200);
    }
}
