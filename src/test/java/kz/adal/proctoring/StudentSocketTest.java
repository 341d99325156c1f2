package kz.adal.proctoring;

import kz.adal.proctoring.live.SnapshotStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The student's live socket: authentication, validation, replay without duplicates, the second tab. */
@QuarkusTest
class StudentSocketTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventStore store;

    @Inject
    SnapshotStore snapshots;

    private List<String> clientKinds(Proctored.Sitting s, Proctored.Person proctor) {
        return proctor.api().get("/api/proctor/attempts/" + s.attemptId() + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("events.findAll { it.seq != null }.kind");
    }

    @Test
    void replaysAfterAReconnectWithoutCountingTwice() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (LiveSocket ws = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            assertEquals(0, ws.await(m -> LiveSocket.type(m, "ready")).path("lastSeq").asLong());
            ws.event(a, 1, "visibility.hidden", Map.of());
            ws.event(a, 2, "visibility.visible", Map.of());
            ws.event(a, 3, "clipboard.copy", Map.of());
            for (long i = 1; i <= 3; i++) assertFalse(ws.ack(i).path("duplicate").asBoolean());
        }
        // the browser did not see the ack of 2 and 3 (say): it replays them with a new one
        try (LiveSocket ws = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            assertEquals(3, ws.await(m -> LiveSocket.type(m, "ready")).path("lastSeq").asLong());
            ws.event(a, 2, "visibility.visible", Map.of());
            ws.event(a, 3, "clipboard.copy", Map.of());
            ws.event(a, 4, "clipboard.paste", Map.of());
            assertTrue(ws.ack(2).path("duplicate").asBoolean());
            assertTrue(ws.ack(3).path("duplicate").asBoolean());
            assertFalse(ws.ack(4).path("duplicate").asBoolean());
        }
        for (long i = 1; i <= 4; i++) assertEquals(1, store.countSeq(UUID.fromString(a), i));
        assertEquals(List.of("visibility.hidden", "visibility.visible", "clipboard.copy", "clipboard.paste"), clientKinds(s, proctor));
        JsonNode timeline = LiveSocket.JSON.readTree(proctor.api().get("/api/proctor/attempts/" + a + "/timeline").asString());
        // two clipboard flags and one tab flag, not four and two
        assertEquals(3, timeline.path("flags").size());
    }

    @Test
    void aHugeSeqCannotMakeTheBrowsersLaterEventsUnsendable() throws Exception {
        Proctored.Sitting s = Proctored.started();
        String a = s.attemptId();
        try (LiveSocket ws = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            ws.await(m -> LiveSocket.type(m, "ready"));
            ws.event(a, Long.MAX_VALUE, "visibility.visible", Map.of());
            assertEquals(Long.MAX_VALUE, ws.error("PROCTORING_WS_SEQ_OUT_OF_RANGE").path("seq").asLong());
            ws.event(a, 1, "clipboard.copy", Map.of());
            assertFalse(ws.ack(1).path("duplicate").asBoolean());
        }
        // after a reconnect the stock client numbers on from lastSeq: still small, so its events go on being stored
        try (LiveSocket ws = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            assertEquals(1, ws.await(m -> LiveSocket.type(m, "ready")).path("lastSeq").asLong());
            ws.event(a, 2, "clipboard.paste", Map.of());
            assertFalse(ws.ack(2).path("duplicate").asBoolean());
        }
        assertEquals(0, store.countSeq(UUID.fromString(a), Long.MAX_VALUE));
    }

    @Test
    void aClientTimeOutsideTheAttemptCannotMakeADecadesLongFlag() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (LiveSocket ws = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            ws.await(m -> LiveSocket.type(m, "ready"));
            ws.send(Map.of("type", "event", "attemptId", a, "seq", 1, "kind", "visibility.hidden",
                    "at", "1970-01-01T00:00:00Z", "data", Map.of()));
            ws.ack(1);
            ws.event(a, 2, "visibility.visible", Map.of());
            ws.ack(2);
        }
        JsonNode timeline = LiveSocket.JSON.readTree(proctor.api().get("/api/proctor/attempts/" + a + "/timeline").asString());
        JsonNode flag = timeline.path("flags").get(0);
        java.time.Duration length = java.time.Duration.between(java.time.Instant.parse(flag.path("startAt").asText()),
                java.time.Instant.parse(flag.path("endAt").asText()));
        assertTrue(length.compareTo(java.time.Duration.ofMinutes(1)) < 0, "flag length " + length);
        assertTrue(timeline.path("score").asInt() > 90, timeline.path("score").toString());
        // the claim is kept for the reviewer, not used for timing
        assertTrue(timeline.toString().contains("1970-01-01T00:00:00Z"), "the ignored client time is noted");
    }

    @Test
    void refusesBadMessagesWithoutHarmingTheSession() throws Exception {
        Proctored.Sitting s = Proctored.started();
        String a = s.attemptId();
        try (LiveSocket ws = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            ws.await(m -> LiveSocket.type(m, "ready"));
            ws.send("x".repeat(100_000));
            ws.error("PROCTORING_WS_TOO_LARGE");
            ws.send("{\"type\":\"event\",\"attemptId\":\"" + a + "\",\"seq\":1,\"kind\":\"" + "y".repeat(5000) + "\"}");
            ws.error("PROCTORING_WS_TOO_LARGE");
            ws.send("{not json");
            ws.error("PROCTORING_WS_MALFORMED");
            ws.send("[1,2]");
            ws.error("PROCTORING_WS_SCHEMA");
            ws.send(Map.of("type", "teleport", "attemptId", a));
            ws.error("PROCTORING_WS_UNKNOWN_TYPE");
            ws.event(a, 1, "mind.read", Map.of());
            assertEquals(1, ws.error("PROCTORING_WS_UNKNOWN_KIND").path("seq").asLong());
            ws.event(UUID.randomUUID().toString(), 1, "clipboard.copy", Map.of());
            ws.error("PROCTORING_WS_WRONG_ATTEMPT");
            ws.event(a, 1, "screens", Map.of("count", 2, "password", "x"));
            ws.error("PROCTORING_WS_SCHEMA");
            ws.send(Map.of("type", "event", "attemptId", a, "seq", -5, "kind", "clipboard.copy"));
            ws.error("PROCTORING_WS_SCHEMA");
            ws.send(Map.of("type", "event", "attemptId", a, "seq", 1, "kind", "clipboard.copy", "extra", 1));
            ws.error("PROCTORING_WS_SCHEMA");
            ws.send(Map.of("type", "snapshot", "attemptId", a, "jpeg", Base64.getEncoder().encodeToString("not a jpeg".getBytes())));
            ws.error("PROCTORING_WS_SNAPSHOT_INVALID");
            // the page's binary frames (SnapshotFrame): a frame that is no snapshot, and one that holds no JPEG
            ws.sendBinary(new byte[]{9, 0, 0});
            ws.error("PROCTORING_WS_BINARY");
            ws.snapshot(false, "not a jpeg".getBytes());
            ws.error("PROCTORING_WS_SNAPSHOT_INVALID");
            ws.send(Map.of("type", "auth", "attemptId", a, "token", "again", "tab", "t"));
            ws.error("PROCTORING_WS_ALREADY_AUTHENTICATED");
            // a flood: far more than the burst in no time
            for (int i = 0; i < 400; i++) ws.send(Map.of("type", "hb", "attemptId", a));
            ws.error("PROCTORING_WS_RATE_LIMITED");
            assertTrue(ws.isOpen());
            // the limiter's bucket refills with time: a duration under test, not a condition to poll for
            Thread.sleep(1500);
            ws.drain();
            ws.event(a, 7, "clipboard.copy", Map.of());
            assertFalse(ws.ack(7).path("duplicate").asBoolean());
            assertTrue(ws.isOpen());
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
            ws.snapshot(false, jpeg);
            await().atMost(Duration.ofSeconds(5)).until(() -> !snapshots.latest(UUID.fromString(a)).isEmpty());
            assertEquals(7, snapshots.latest(UUID.fromString(a)).get(0).jpeg().length);
        }
        assertEquals(0, store.countSeq(UUID.fromString(a), 1));
        assertEquals(1, store.countSeq(UUID.fromString(a), 7));
    }

    @Test
    void onlyTheAttemptsOwnStudentWithAValidTokenGetsIn() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Sitting other = Proctored.started();
        try (LiveSocket ws = LiveSocket.student(base, s.attemptId(), other.student().token(), "tab-1")) {
            ws.error("PROCTORING_WS_NOT_FOUND");
            assertEquals(4404, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (LiveSocket ws = LiveSocket.student(base, s.attemptId(), "not-a-token", "tab-1")) {
            ws.error("PROCTORING_WS_UNAUTHENTICATED");
            assertEquals(4401, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (LiveSocket ws = new LiveSocket(base, "/ws/attempts/" + s.attemptId())) {
            ws.event(s.attemptId(), 1, "clipboard.copy", Map.of());
            ws.error("PROCTORING_WS_NOT_AUTHENTICATED");
        }
    }

    @Test
    void aSecondTabIsRefusedUntilItTakesOverExplicitly() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (LiveSocket first = LiveSocket.student(base, a, s.student().token(), "tab-A")) {
            first.await(m -> LiveSocket.type(m, "ready"));
            try (LiveSocket second = LiveSocket.student(base, a, s.student().token(), "tab-B")) {
                second.error("PROCTORING_SESSION_ELSEWHERE");
                assertEquals(4409, second.closed.get(5, TimeUnit.SECONDS));
            }
            assertTrue(first.isOpen());
            try (LiveSocket second = new LiveSocket(base, "/ws/attempts/" + a)) {
                second.send(Map.of("type", "auth", "attemptId", a, "token", s.student().token(), "tab", "tab-B", "takeover", true));
                second.await(m -> LiveSocket.type(m, "ready"));
                first.await(m -> LiveSocket.type(m, "replaced"));
                assertEquals(4410, first.closed.get(5, TimeUnit.SECONDS));
                second.event(a, 1, "clipboard.copy", Map.of());
                second.ack(1);
            }
        }
        // the closes are recorded after the sockets went away
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> kinds = proctor.api().get("/api/proctor/attempts/" + a + "/timeline").then().statusCode(200)
                    .extract().jsonPath().getList("events.kind");
            // the replaced tab's close is not a disconnection; the taking-over tab's own close is
            assertEquals(List.of("connection.opened", "connection.opened", "clipboard.copy", "connection.closed"),
                    kinds.stream().filter(k -> k.startsWith("connection") || k.startsWith("clipboard")).toList());
        });
    }
}
