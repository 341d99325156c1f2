package kz.adal.proctoring;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.identity.Role;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import kz.adal.testing.DemoModeProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo mode only (bin/demo): the demo proctor watches every exam, the demo's own and those made later. */
@QuarkusTest
@TestProfile(DemoModeProfile.class)
class DemoProctoringTest {

    @Test
    void inDemoModeTheDemoProctorWatchesAnExamOnceItsFirstAttemptStarts() {
        // as in bin/demo, a proctored exam starts only after consent to recording (DemoModeProfile)
        String group = Fixtures.group("DP");
        UUID exam = Proctored.exam(group);
        Proctored.Person student = Proctored.person("dstu", Set.of(Role.STUDENT), group);
        Fixtures.admit(exam, student.id(), "all control tasks done");
        String attempt = student.api().post("/api/exams/" + exam + "/attempt").then().statusCode(200).extract().path("id");
        student.api().body(Map.of("decision", "GRANTED", "rulesAcknowledged", true, "noticeVersion", "2026-2"))
                .put("/api/exams/" + exam + "/recording-consent").then().statusCode(200);
        student.api().body(Map.of()).post("/api/attempts/" + attempt + "/start").then().statusCode(200);
        List<String> ids = Api.as("proctor").get("/api/proctor/sessions").then().statusCode(200)
                .extract().jsonPath().getList("attemptId");
        assertTrue(ids.contains(attempt), "the demo proctor's grid: " + ids.size() + " sessions");
    }
}
