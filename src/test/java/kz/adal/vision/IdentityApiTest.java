package kz.adal.vision;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static kz.adal.testing.Prerequisites.require;

/**
 * Enrollment, the identity gate, the proctor's decision and face-check records over HTTP (000 §4.5, §4.7). Faces from
 * the kphotoalbum demo album ({@link RealPhotos}): Anne Helene on bar55.jpg and bar55_2.jpg (the same evening, ≈ 0.94),
 * Jesper on jesper.jpg and jesper_2.jpg (eight days apart, ≈ 0.50); Jesper against Anne Helene ≈ 0.13.
 */
@QuarkusTest
class IdentityApiTest {

    @Inject
    FaceEngine engine;

    @BeforeEach
    void needsModelsAndFaces() {
        require(engine.available(), () -> "Face models absent: " + engine.unavailableReason());
        RealPhotos.cropsOrSkip();
    }

    private static Path anneHelene(int n) {
        return RealPhotos.crop("annehelene", n);
    }

    private static Path jesper(int n) {
        return RealPhotos.crop("jesper", n);
    }

    static void consent(VisionFixtures.Sitting s) {
        s.api().body(Map.of("given", true)).put("/api/vision/enrollments/" + s.studentId() + "/consent").then().statusCode(200)
                .body("consent", equalTo("GIVEN"));
    }

    static void enroll(VisionFixtures.Sitting s, Path photo) {
        Api.as("registrar").contentType("image/png").body(VisionFixtures.read(photo))
                .put("/api/vision/enrollments/" + s.studentId() + "/photo").then().log().ifValidationFails().statusCode(200).body("enrolled", equalTo(true));
    }

    static String open(VisionFixtures.Sitting s) {
        return s.api().post("/api/exams/" + s.examId() + "/attempt").then().log().ifValidationFails().statusCode(200).extract().path("id");
    }

    static io.restassured.response.Response frame(VisionFixtures.Sitting s, String attemptId, byte[] jpeg) {
        return s.api().contentType("image/jpeg").body(jpeg).post("/api/attempts/" + attemptId + "/identity-check");
    }

    @Test
    void enrollmentNeedsTheStudentsConsent() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        Api.as("registrar").contentType("image/png").body(VisionFixtures.read(anneHelene(1)))
                .put("/api/vision/enrollments/" + s.studentId() + "/photo").then().statusCode(409).body("code", equalTo("BIOMETRIC_CONSENT_MISSING"));
        consent(s);
        enroll(s, anneHelene(1));
        // re-enrollment is allowed and counted (audited as face.re-enrolled)
        Api.as("registrar").contentType("image/png").body(VisionFixtures.read(anneHelene(2)))
                .put("/api/vision/enrollments/" + s.studentId() + "/photo").then().statusCode(200).body("revision", equalTo(2));
        List<String> actions = kz.adal.audit.AuditRows.actionsAbout(s.studentId().toString());
        assertEquals(List.of("user.created", "biometrics.consented", "face.enrolled", "face.re-enrolled"), actions);
        // a group photo is no reference
        Api.as("registrar").contentType("image/jpeg").body(VisionFixtures.read(VisionFixtures.groupPhoto()))
                .put("/api/vision/enrollments/" + s.studentId() + "/photo").then().statusCode(422).body("code", equalTo("ENROLL_FACE_COUNT"));
        // another student cannot consent for them; a student cannot upload
        VisionFixtures.Sitting other = VisionFixtures.sitting();
        other.api().body(Map.of("given", true)).put("/api/vision/enrollments/" + s.studentId() + "/consent").then().statusCode(403);
        s.api().contentType("image/png").body(VisionFixtures.read(anneHelene(1)))
                .put("/api/vision/enrollments/" + s.studentId() + "/photo").then().statusCode(403);
    }

    @Test
    void theEnrolledPersonPassesTheGateAndStarts() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        consent(s);
        enroll(s, anneHelene(2));
        String id = open(s);
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(409)
                .body("code", equalTo("ATTEMPT_CHECKS_PENDING")).body("errors.code", hasItem("IDENTITY_NOT_CHECKED"));
        frame(s, id, VisionFixtures.paddedJpeg(anneHelene(3))).then().statusCode(200)
                .body("status", equalTo("PASSED")).body("similarity", greaterThan(0.34f)).body("liveness", equalTo("not available"));
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void anotherPersonWaitsForAProctorWhoseApprovalLetsThemStart() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        consent(s);
        enroll(s, anneHelene(2));
        String id = open(s);
        String checkId = frame(s, id, VisionFixtures.paddedJpeg(jesper(2))).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reason", equalTo("MISMATCH")).extract().path("id");
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(409).body("errors.code", hasItem("IDENTITY_PENDING"));
        Api.as("proctor").get("/api/proctor/identity-checks").then().statusCode(200).body("id", hasItem(checkId));
        Api.as("proctor").get("/api/proctor/identity-checks/" + checkId + "/frame").then().statusCode(200).contentType("image/jpeg");
        Api.as("proctor").get("/api/vision/enrollments/" + s.studentId() + "/photo").then().statusCode(200);
        s.api().get("/api/proctor/identity-checks").then().statusCode(403);
        Api.as("proctor").body(Map.of("approve", true, "reason", " ")).post("/api/proctor/identity-checks/" + checkId + "/decision")
                .then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        Api.as("proctor").body(Map.of("approve", true, "reason", "Compared with the ID card shown to the camera"))
                .post("/api/proctor/identity-checks/" + checkId + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));
        Api.as("proctor").body(Map.of("approve", false, "reason", "again")).post("/api/proctor/identity-checks/" + checkId + "/decision")
                .then().statusCode(409).body("code", equalTo("IDENTITY_ALREADY_DECIDED"));
        s.api().get("/api/attempts/" + id + "/identity-check").then().statusCode(200).body("status", equalTo("APPROVED"));
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void aStudentWhoRefusesBiometricsGoesToTheManualCheckAndADenialBlocks() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        s.api().body(Map.of("given", false)).put("/api/vision/enrollments/" + s.studentId() + "/consent").then().statusCode(200)
                .body("consent", equalTo("REFUSED"));
        String id = open(s);
        String checkId = frame(s, id, VisionFixtures.paddedJpeg(anneHelene(1))).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reason", equalTo("BIOMETRICS_REFUSED")).body("similarity", nullValue())
                .extract().path("id");
        Api.as("proctor").body(Map.of("approve", false, "reason", "No ID document shown"))
                .post("/api/proctor/identity-checks/" + checkId + "/decision").then().statusCode(200);
        s.api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(409).body("errors.code", hasItem("IDENTITY_DENIED"));
        // never a dead end: a new capture goes back to the queue
        frame(s, id, VisionFixtures.paddedJpeg(anneHelene(1))).then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void twoFacesInTheFrameAreFlaggedAsMultipleFaces() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        String id = open(s);
        frame(s, id, VisionFixtures.read(VisionFixtures.groupPhoto())).then().statusCode(200).body("reason", equalTo("MULTIPLE_FACES"));
        s.api().contentType("image/jpeg").body(VisionFixtures.read(VisionFixtures.groupPhoto()))
                .post("/api/attempts/" + id + "/snapshots/face-check").then().statusCode(200).body("outcome", equalTo("MULTIPLE_FACES"));
        List<String> outcomes = Api.as("proctor").get("/api/attempts/" + id + "/face-checks").then().statusCode(200).extract().path("outcome");
        assertEquals(List.of("MULTIPLE_FACES"), outcomes);
        String flag = Api.as("reviewer").get("/api/attempts/" + id + "/face-checks").then().statusCode(200).extract().path("[0].id");
        Api.as("reviewer").get("/api/face-checks/" + flag + "/frame").then().statusCode(200).contentType("image/jpeg");
        s.api().get("/api/attempts/" + id + "/face-checks").then().statusCode(403);
    }

    @Test
    void aBlankFrameIsCoveredAndTheSameFrameTwiceIsFrozen() {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        consent(s);
        enroll(s, jesper(1));
        String id = open(s);
        String path = "/api/attempts/" + id + "/snapshots/face-check";
        s.api().contentType("image/jpeg").body(VisionFixtures.blankJpeg()).post(path).then().statusCode(200).body("outcome", equalTo("COVERED"));
        byte[] me = VisionFixtures.paddedJpeg(jesper(2));
        s.api().contentType("image/jpeg").body(me).post(path).then().statusCode(200).body("outcome", equalTo("OK"));
        s.api().contentType("image/jpeg").body(me).post(path).then().statusCode(200).body("outcome", equalTo("FROZEN"));
        s.api().contentType("image/jpeg").body(new byte[]{1, 2, 3}).post(path).then().statusCode(400).body("code", equalTo("IMAGE_UNREADABLE"));
        List<String> outcomes = Api.as("proctor").get("/api/attempts/" + id + "/face-checks").then().statusCode(200).extract().path("outcome");
        assertEquals(List.of("COVERED", "FROZEN"), outcomes); // OK is not stored
        VisionFixtures.Sitting other = VisionFixtures.sitting();
        other.api().contentType("image/jpeg").body(me).post(path).then().statusCode(404); // another student's attempt does not exist for them
    }
}
