package kz.adal.vision;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.identity.Role;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Only the proctors assigned to an exam work its identity gate and face evidence: a proctor of another
 * exam neither lists nor downloads nor approves a check, nor reads or adds face evidence (404, like the
 * rest of the proctor API). Works without face models: an unsettled check always waits for a proctor.
 */
@QuarkusTest
class ProctorScopeTest {

    @Test
    void aProctorOfAnotherExamCannotSeeOrDecideThisExamsIdentityChecks() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();  // the demo proctor is assigned
        Fixtures.Person stranger = Fixtures.person("px", Set.of(Role.PROCTOR), null);
        String attemptId = s.api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(200).extract().path("id");
        String checkId = s.api().contentType("image/jpeg").body(VisionFixtures.paddedJpegOrNoise())
                .post("/api/attempts/" + attemptId + "/identity-check").then().statusCode(200)
                .body("status", equalTo("PENDING")).extract().path("id");

        stranger.api().get("/api/proctor/identity-checks").then().statusCode(200).body("id", not(hasItem(checkId)));
        stranger.api().get("/api/proctor/identity-checks/" + checkId + "/frame").then().statusCode(404);
        stranger.api().body(Map.of("approve", true, "reason", "looks fine")).post("/api/proctor/identity-checks/" + checkId + "/decision")
                .then().statusCode(404);
        stranger.api().get("/api/attempts/" + attemptId + "/face-checks").then().statusCode(404);
        stranger.api().contentType("image/jpeg").body(VisionFixtures.blankJpeg())
                .post("/api/attempts/" + attemptId + "/snapshots/face-check").then().statusCode(404);
        stranger.api().get("/api/vision/enrollments/" + s.studentId()).then().statusCode(404);
        stranger.api().get("/api/vision/enrollments/" + s.studentId() + "/photo").then().statusCode(404);
        s.api().body(Map.of()).post("/api/attempts/" + attemptId + "/start").then().statusCode(409);

        Api.as("proctor").get("/api/proctor/identity-checks").then().statusCode(200).body("id", hasItem(checkId));
        Api.as("proctor").get("/api/proctor/identity-checks/" + checkId + "/frame").then().statusCode(200);
        Api.as("proctor").get("/api/attempts/" + attemptId + "/face-checks").then().statusCode(200);
        Api.as("proctor").get("/api/vision/enrollments/" + s.studentId()).then().statusCode(200);
        Api.as("proctor").body(Map.of("approve", true, "reason", "Compared with the ID card"))
                .post("/api/proctor/identity-checks/" + checkId + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));
    }
}
