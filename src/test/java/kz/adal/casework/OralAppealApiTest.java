package kz.adal.casework;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.audit.AuditRows;
import kz.adal.identity.Role;
import kz.adal.oral.OralCatalog;
import kz.adal.oral.OralRows;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An appeal against an announced oral grade: filed within 48 hours of the announcement, upheld with new points (001 §6.15.4–6.15.5). */
@QuarkusTest
class OralAppealApiTest {

    @Inject
    TimeSource time;

    @Inject
    OralCatalog oral;

    @Test
    void anUpheldOralAppealChangesThePointsThroughTheAuditedAction() {
        Fixtures.Person student = AppealGiven.finalYearStudent("oappeal");
        Fixtures.Person chair = Fixtures.person("ochair", Set.of(Role.TEACHER), null);
        String sittingId = (String) AppealGiven.sitting(time.today(), chair.id(), List.of(student.id()), "Oral sitting appealed").get("id");
        Instant announced = time.now().minus(Duration.ofHours(2));
        // the turn as the oral feature leaves it after grading and the chair's announcement
        UUID turnId = OralRows.announced(UUID.fromString(sittingId), student.id(), announced, 62, "C-");
        student.api().get("/api/appeals/options").then().statusCode(200)
                .body("find { it.turnId == '" + turnId + "' }.open", equalTo(true));
        // the commission for the sitting: the admin sets it up
        Fixtures.Person deputy = Fixtures.person("odeputy", Set.of(Role.TEACHER), null);
        // the sitting's own chair graded it: the appeal commission is independent (001 §6.15.4)
        Api.as("admin").body(Map.of("sittingId", sittingId, "chairId", chair.id(), "deputyId", deputy.id()))
                .post("/api/appeal-commissions").then().statusCode(422).body("code", equalTo("COMMISSION_NOT_INDEPENDENT"))
                .body("detail", org.hamcrest.Matchers.containsString("independent"));
        Fixtures.Person examiner = chair;
        chair = Fixtures.person("oachair", Set.of(Role.TEACHER), null);
        String commission = Api.as("admin").body(Map.of("sittingId", sittingId, "chairId", chair.id(), "deputyId", deputy.id()))
                .post("/api/appeal-commissions").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(examiner.id(), chair.id());
        String id = student.api().body(Map.of("turnId", turnId, "reason", "The commission did not hear my answer to question 2"))
                .post("/api/appeals").then().statusCode(201).body("kind", equalTo("ORAL")).body("commission.id", equalTo(commission))
                .extract().path("id");
        chair.api().body(Map.of("at", time.now().toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(200);
        chair.api().body(Map.of("decision", "UPHELD", "note", "Question 2 was answered", "newPercent", 80))
                .post("/api/appeals/" + id + "/decision").then().statusCode(400).body("code", equalTo("APPEAL_NEW_GRADE_REQUIRED"));
        chair.api().body(Map.of("decision", "UPHELD", "note", "Question 2 was answered", "newPoints", 78))
                .post("/api/appeals/" + id + "/decision").then().statusCode(200)
                .body("gradeChange.before", equalTo("62 C-")).body("gradeChange.after", equalTo("78 B-"))
                .body("currentGrade", equalTo("78 B-"));
        assertEquals(78, oral.turn(turnId).orElseThrow().finalPoints());
        assertTrue(AuditRows.countInScope(sittingId, "oral.grade-changed-on-appeal") > 0);
        Api.as("admin").get("/api/audit/verify?scope=" + sittingId).then().statusCode(200).body("intact", equalTo(true));
    }
}
