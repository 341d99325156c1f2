package kz.adal.proctoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptState;
import kz.adal.audit.AuditRows;
import kz.adal.identity.Role;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proctor's console feed and actions: live tiles, messages, presence checks, suspend/resume, termination, audit. */
@QuarkusTest
class ProctorActionsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TimeSource time;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    private static AttemptCatalog.AttemptRecord attempt(String id) {
        return Arc.container().instance(AttemptCatalog.class).get().find(UUID.fromString(id)).orElseThrow();
    }

    private static List<String> auditActions(UUID examId) {
        return AuditRows.actionsInScope(examId.toString());
    }

    @Test
    void aStudentsEventReachesTheAssignedProctorsGridWithinASecond() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (LiveSocket console = LiveSocket.proctor(base, proctor.token());
             LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            student.await(m -> LiveSocket.type(m, "ready"));
            console.tile(a, t -> t.path("connection").asText().equals("online"));
            long sent = System.nanoTime();
            student.event(a, 1, "visibility.hidden", Map.of());
            JsonNode tile = console.tile(a, t -> t.path("openFlags").asInt() == 1);
            long ms = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(ms < 1000, "the tile took " + ms + " ms");
            assertEquals("TAB_LEFT", tile.path("flags").get(0).path("type").asText());
            assertEquals(s.student().login(), tile.path("studentLogin").asText());
            assertTrue(tile.path("score").asInt() < 100);
            student.event(a, 2, "visibility.visible", Map.of());
            console.tile(a, t -> t.path("openFlags").asInt() == 0 && t.path("flags").size() == 1);
            // the proctor opens it: the whole timeline, and the student is asked for faster snapshots
            console.send(Map.of("type", "focus", "attemptId", a));
            JsonNode timeline = console.await(m -> LiveSocket.type(m, "timeline"));
            assertTrue(timeline.path("events").size() >= 3);
            assertEquals(2, student.await(m -> LiveSocket.type(m, "rate")).path("snapshotEverySeconds").asInt());
            student.event(a, 3, "clipboard.paste", Map.of());
            // events already on their way (visibility.visible) may arrive first; the paste must follow
            assertEquals("clipboard.paste", console.await(m -> LiveSocket.type(m, "event")
                    && m.path("event").path("kind").asText().equals("clipboard.paste")).path("event").path("kind").asText());
        }
    }

    @Test
    void aSubmittedAttemptStopsTheStreamAndUpdatesTheTile() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (LiveSocket console = LiveSocket.proctor(base, proctor.token());
             LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            student.await(m -> LiveSocket.type(m, "ready"));
            console.tile(a, t -> t.path("state").asText().equals("IN_PROGRESS"));
            s.student().api().post("/api/attempts/" + a + "/submit").then().statusCode(200);
            assertEquals("SUBMITTED", student.await(m -> LiveSocket.type(m, "state"), 30).path("state").asText());
            console.tile(a, t -> t.path("state").asText().equals("SUBMITTED"));
        }
    }

    @Test
    void outsideDemoModeNoProctorIsAssignedByItself() {
        // the tests are not in demo mode (DemoProctoringTest is): the demo proctor watches only what they are assigned
        Proctored.Sitting s = Proctored.started();
        List<String> ids = Api.as("proctor").get("/api/proctor/sessions").then().statusCode(200)
                .extract().jsonPath().getList("attemptId");
        assertTrue(!ids.contains(s.attemptId()), "an attempt of an exam nobody assigned the demo proctor to");
    }

    @Test
    void aProctorNotAssignedSeesNothing() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person stranger = Proctored.proctor();
        stranger.api().get("/api/proctor/attempts/" + s.attemptId() + "/timeline").then().statusCode(404);
        stranger.api().body(Map.of("reason", "x")).post("/api/proctor/attempts/" + s.attemptId() + "/suspend").then().statusCode(404);
        stranger.api().get("/api/proctor/sessions").then().statusCode(200).body("size()", equalTo(0));
        s.student().api().get("/api/proctor/sessions").then().statusCode(403);
        stranger.api().body(Map.of("proctorLogin", stranger.login(), "examId", s.examId().toString()))
                .post("/api/proctor/assignments").then().statusCode(403);
    }

    @Test
    void aWarningMustBeAcknowledgedAndAPresenceCheckAnsweredAndBothAreKept() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            student.await(m -> LiveSocket.type(m, "ready"));
            String id = proctor.api().body(Map.of("kind", "WARNING", "text", "Look at your screen, please"))
                    .post("/api/proctor/attempts/" + a + "/messages").then().statusCode(200).extract().path("id");
            JsonNode shown = student.await(m -> LiveSocket.type(m, "message"));
            assertEquals("WARNING", shown.path("kind").asText());
            assertEquals(id, shown.path("id").asText());
            student.send(Map.of("type", "ack", "attemptId", a, "messageId", id));
            student.await(m -> LiveSocket.type(m, "acked"));

            String check = proctor.api().body(Map.of("question", "Say the number on your screen", "answerWithinSeconds", 30))
                    .post("/api/proctor/attempts/" + a + "/presence-checks").then().statusCode(200).extract().path("id");
            assertEquals(30, student.await(m -> LiveSocket.type(m, "message") && m.path("kind").asText().equals("PRESENCE_CHECK"))
                    .path("answerWithinSeconds").asInt());
            student.send(Map.of("type", "answer", "attemptId", a, "messageId", check, "text", "forty-two", "mode", "TEXT"));
            student.await(m -> LiveSocket.type(m, "acked"));
        }
        // a message sent while the student is away is delivered when the socket comes back
        String later = proctor.api().body(Map.of("kind", "MESSAGE", "text", "Welcome back"))
                .post("/api/proctor/attempts/" + a + "/messages").then().statusCode(200).extract().path("id");
        try (LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            assertEquals(later, student.await(m -> LiveSocket.type(m, "message")).path("id").asText());
        }
        JsonNode t = LiveSocket.JSON.readTree(proctor.api().get("/api/proctor/attempts/" + a + "/timeline").asString());
        JsonNode messages = t.path("messages");
        assertEquals(3, messages.size());
        assertNotNull(messages.get(0).get("acknowledgedAt").textValue());
        assertEquals("forty-two", messages.get(1).path("answer").asText());
        assertTrue(messages.get(1).path("answeredInTime").asBoolean());
        assertTrue(messages.get(2).path("acknowledgedAt").isNull());
        List<String> audit = auditActions(s.examId());
        assertTrue(audit.containsAll(List.of("proctoring.assigned", "proctoring.message.sent", "proctoring.presence.asked")), audit.toString());
        proctor.api().body(Map.of("kind", "WARNING", "text", " ")).post("/api/proctor/attempts/" + a + "/messages").then().statusCode(400);
        proctor.api().body(Map.of("question", "q", "answerWithinSeconds", 3)).post("/api/proctor/attempts/" + a + "/presence-checks")
                .then().statusCode(400).body("code", equalTo("PRESENCE_CHECK_TIME_INVALID"));
    }

    @Test
    void timeDoesNotRunWhileSuspended() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        Instant deadline = attempt(a).deadlineAt();
        try (LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            student.await(m -> LiveSocket.type(m, "ready"));
            proctor.api().body(Map.of("reason", "second person in the room")).post("/api/proctor/attempts/" + a + "/suspend")
                    .then().statusCode(204);
            assertEquals("SUSPENDED", student.await(m -> LiveSocket.type(m, "state")).path("state").asText());
            s.student().api().body(Map.of("selected", List.of(0), "marked", false, "seq", 1))
                    .put("/api/attempts/" + a + "/answers/0").then().statusCode(409).body("code", equalTo("ATTEMPT_NOT_ACCEPTING_ANSWERS"));
            time.advance(Duration.ofMinutes(10));
            proctor.api().post("/api/proctor/attempts/" + a + "/resume").then().statusCode(204);
            JsonNode resumed = student.await(m -> LiveSocket.type(m, "state") && m.path("state").asText().equals("IN_PROGRESS"));
            AttemptCatalog.AttemptRecord after = attempt(a);
            assertEquals(AttemptState.IN_PROGRESS, after.state());
            long moved = Duration.between(deadline, after.deadlineAt()).toSeconds();
            assertTrue(moved >= 600 && moved <= 602, "deadline moved by " + moved + " s");
            assertEquals(after.deadlineAt().toString(), resumed.path("deadlineAt").asText());
        }
        proctor.api().post("/api/proctor/attempts/" + a + "/resume").then().statusCode(409).body("code", equalTo("ATTEMPT_CANNOT_RESUME"));
        assertTrue(auditActions(s.examId()).containsAll(List.of("attempt.suspended", "attempt.resumed")));
    }

    @Test
    void terminationNeedsAcademicAdministrativeAuthority() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.Person otherProctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        Proctored.assign(otherProctor, s.examId());
        String a = s.attemptId();
        proctor.api().body(Map.of("reason", " ")).post("/api/proctor/attempts/" + a + "/terminate").then().statusCode(400);
        String request = proctor.api().body(Map.of("reason", "an outsider answered for the student"))
                .post("/api/proctor/attempts/" + a + "/terminate").then().statusCode(202)
                .body("state", equalTo("PENDING")).body("rule", equalTo("001 §6.14")).extract().path("id");
        assertEquals(AttemptState.IN_PROGRESS, attempt(a).state());
        // the requester can't confirm their own request, nor can a proctor without authority
        proctor.api().post("/api/proctor/terminations/" + request + "/confirm").then().statusCode(403);
        otherProctor.api().post("/api/proctor/terminations/" + request + "/confirm").then().statusCode(403)
                .body("code", equalTo("TERMINATION_NEEDS_AUTHORITY"));
        assertEquals(AttemptState.IN_PROGRESS, attempt(a).state());
        // the exam's teacher confirms
        try (LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            student.await(m -> LiveSocket.type(m, "ready"));
            Api.as("teacher").post("/api/proctor/terminations/" + request + "/confirm").then().statusCode(200)
                    .body("state", equalTo("CONFIRMED")).body("absence", equalTo("UNEXCUSED")).body("gradeEffect", equalTo("F"));
            assertEquals("TERMINATED", student.await(m -> LiveSocket.type(m, "state")).path("state").asText());
        }
        AttemptCatalog.AttemptRecord done = attempt(a);
        assertEquals(AttemptState.TERMINATED, done.state());
        assertEquals("F", done.letter());
        assertTrue(done.finishReason().contains("001 §6.14"));
        Api.as("teacher").post("/api/proctor/terminations/" + request + "/confirm").then().statusCode(409);
        assertTrue(auditActions(s.examId()).containsAll(List.of("proctoring.termination.requested", "attempt.terminated",
                "proctoring.termination.confirmed")));
    }

    @Test
    void aProctorWhoIsAlsoATeacherTerminatesAtOnce() {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person teacherProctor = Proctored.person("tp", Set.of(Role.PROCTOR, Role.TEACHER), null);
        Proctored.assign(teacherProctor, s.examId());
        teacherProctor.api().body(Map.of("reason", "used a phone")).post("/api/proctor/attempts/" + s.attemptId() + "/terminate")
                .then().statusCode(200).body("state", equalTo("CONFIRMED"));
        assertEquals(AttemptState.TERMINATED, attempt(s.attemptId()).state());
    }
}
