package kz.adal;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import kz.adal.testing.Api;
import kz.adal.testing.DemoModeProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code bin/demo} (demo mode) seeds at its first start, beyond the people and banks the tests' own fixture also
 * has: the demo exams, the oral sitting and the sample working calendar. The other test boots run without them
 * (issue #19); the banks are checked by {@code DemoBanksTest}, the demo proctor by {@code DemoProctoringTest}.
 */
@QuarkusTest
@TestProfile(DemoModeProfile.class)
class DemoDataTest {
    static final List<String> LOGINS = List.of("admin", "student", "student.ru", "student.en", "teacher", "author", "head",
            "expert", "dean", "policy", "vicerector", "registrar", "portal", "proctor", "secretary", "reviewer", "chair",
            "member1", "member2");

    @Test
    void everyDemoLoginOpensWithTheDemoPassword() {
        for (String login : LOGINS) Api.freshToken(login, Api.PASSWORD);
        Api.as("teacher").get("/api/auth/me").then().statusCode(200).body("fullName", equalTo("Ерлан Тоқтаров"));
    }

    @Test
    void eachDemoGroupHasAnAttestationOpenNowAndTheKazakhGroupAControlFromTomorrow() {
        List<Map<String, Object>> exams = Api.as("teacher").get("/api/exams").then().statusCode(200).extract().jsonPath().getList("$");
        Instant now = Instant.now();
        for (String group : List.of("IS-22-1k", "IS-22-1r", "IS-22-1e")) {
            assertTrue(exams.stream().anyMatch(e -> group.equals(e.get("groupCode")) && "INTERMEDIATE_ATTESTATION".equals(e.get("kind"))
                    && "PUBLISHED".equals(e.get("state")) && Instant.parse((String) e.get("opensAt")).isBefore(now)
                    && Instant.parse((String) e.get("closesAt")).isAfter(now)), group + ": " + exams);
        }
        assertTrue(exams.stream().anyMatch(e -> "IS-22-1k".equals(e.get("groupCode")) && "INTERMEDIATE_CONTROL".equals(e.get("kind"))
                && Instant.parse((String) e.get("opensAt")).isAfter(now)), exams.toString());
        // each demo student's group has its exam: the group's bank is open to them for practice (typical tasks 1–20)
        for (String student : List.of("student", "student.ru", "student.en")) {
            Api.as(student).get("/api/practice").then().statusCode(200).body("size()", greaterThan(0)).body("[0].tasks", equalTo(20));
        }
    }

    @Test
    void theDemoCommissionHasAnOralSittingToday() {
        JsonPath sittings = Api.as("chair").get("/api/oral/sittings").then().statusCode(200).extract().jsonPath();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString();
        List<Map<String, Object>> demo = sittings.<Map<String, Object>>getList("$").stream()
                .filter(x -> ((String) x.get("title")).contains("(ауызша, демо)")).toList();
        assertEquals(1, demo.size(), sittings.prettify());
        assertEquals(today, demo.get(0).get("date"));
    }

    @Test
    void theSampleWorkingCalendarOf2026IsThere() {
        Api.as("admin").get("/api/calendar").then().statusCode(200).body("$", hasItem(2026));
        Api.as("admin").get("/api/calendar/2026").then().statusCode(200).body("configured", equalTo(true))
                .body("sample", equalTo(true)).body("days.size()", greaterThan(10));
    }
}
