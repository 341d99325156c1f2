package kz.adal.oral;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.adal.casework.IncompleteJob;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An oral turn's technical failure (001 §6.15.6): the act is drafted when the secretary records the failure,
 * signed and sent to the commission, voted; the chair's decision gives another time with a ticket other than
 * the one seen; the grade is "I" until then (001 §6.15.2), and the job turns it into "F" after its due date.
 */
@QuarkusTest
class OralActTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    TimeSource time;
    @Inject
    IncompleteJob job;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = kz.adal.casework.inbox.TestSmtp.fresh();
    }

    @AfterEach
    void stop() {
        time.reset();
    }

    @Test
    void aFailedTurnGetsAnActAVoteAResitWithANewTicketAndIUntilThenThenF() throws Exception {
        JsonPath room = OralFixture.create(OralFixture.setup());
        String sitting = room.getString("sittingId");
        String turn = OralFixture.firstTurn(room);
        OralFixture.check(turn);
        int seen;
        try (RoomSocket student = RoomSocket.join(base, sitting, Api.token("student"))) {
            seen = Api.as("head").post("/api/oral/turns/" + turn + "/draw").then().statusCode(200).extract().path("ticketNumber");
        }
        Api.as("secretary").body(Map.of("note", "The student's connection was lost during preparation"))
                .post("/api/oral/turns/" + turn + "/technical-failure").then().statusCode(200);

        // the act was drafted with the failure
        String act = Api.as("secretary").get("/api/acts").then().statusCode(200).extract().jsonPath()
                .getString("find { it.turnId == '" + turn + "' }.id");
        Api.as("secretary").get("/api/acts/" + act).then().statusCode(200).body("kind", equalTo("ORAL")).body("state", equalTo("DRAFT"))
                .body("evidence.errors[0].text", org.hamcrest.Matchers.containsString("connection was lost"))
                .body("incomplete.grade", equalTo("I")).body("can.sign", equalTo(true));
        Api.as("chair").post("/api/acts/" + act + "/sign").then().statusCode(403);
        Api.as("secretary").post("/api/acts/" + act + "/sign").then().statusCode(200).body("state", equalTo("SIGNED"));
        // the chair's own mail, not just any four (other tests' notices may be mailed by the sweeper meanwhile)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
            try { return m.getAllRecipients()[0].toString().equals("chair@demo.adal.kz"); } catch (Exception e) { return false; }
        }));

        // "I" with its due date, shown to the student
        JsonPath mine = Api.as("student").get("/api/incompletes/mine").then().statusCode(200).extract().jsonPath();
        assertEquals("I", mine.getString("find { it.turnId == '" + turn + "' }.grade"));
        LocalDate due = LocalDate.parse(mine.getString("find { it.turnId == '" + turn + "' }.dueOn"));

        for (String m : new String[]{"chair", "member1", "member2"}) {
            Api.as(m).body(Map.of("choice", "RESIT")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        }
        Api.as("chair").body(Map.of("decision", "VOID")).post("/api/acts/" + act + "/decision").then().statusCode(409);
        String resit = Api.as("chair").body(Map.of("decision", "RESIT", "reason", "Another time on the same sitting day"))
                .post("/api/acts/" + act + "/decision").then().statusCode(200)
                .body("decision", equalTo("RESIT")).extract().path("resitTurnId");
        Api.as("chair").get("/api/oral/sittings/" + sitting).then()
                .body("turns.find { it.id == '" + resit + "' }.resitOf", equalTo(turn))
                .body("turns.find { it.id == '" + resit + "' }.excludedTickets", equalTo(java.util.List.of(seen)))
                .body("turns.find { it.id == '" + turn + "' }.failure.grade", equalTo("I"));
        OralFixture.check(resit);
        try (RoomSocket student = RoomSocket.join(base, sitting, Api.token("student"))) {
            JsonPath draw = Api.as("head").post("/api/oral/turns/" + resit + "/draw").then().statusCode(200).extract().jsonPath();
            assertFalse(draw.getList("availableTickets", Integer.class).contains(seen));
            assertNotEquals(seen, draw.getInt("ticketNumber"));
        }
        job.sweep();
        assertEquals("I", Api.as("student").get("/api/incompletes/mine").then().extract().jsonPath()
                .getString("find { it.turnId == '" + turn + "' }.grade"));

        // the re-sit never happened: past the due date the job makes it F, audited in the sitting's trail
        time.advance(Duration.ofDays(ChronoUnit.DAYS.between(time.today(), due) + 1));
        assertTrue(job.sweep() >= 1);
        // back to today's clock (the sessions live on it): the F is stored, not computed from the clock
        time.reset();
        assertEquals("F", Api.as("student").get("/api/incompletes/mine").then().extract().jsonPath()
                .getString("find { it.turnId == '" + turn + "' }.grade"));
        Api.as("student").get("/api/inbox").then().body("kind", org.hamcrest.Matchers.hasItem("incomplete.lapsed"));
        Api.as("admin").queryParam("scope", sitting).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
