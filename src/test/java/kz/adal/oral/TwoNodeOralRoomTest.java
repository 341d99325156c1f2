package kz.adal.oral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oral room across two real nodes (issue 8): the packaged jar started twice by
 * {@code deploy/multi-node/run-local.sh} (Redis on 127.0.0.1:6379, one shared H2 file as in
 * {@code TwoNodeLiveTest}), the demo sitting of today. The chair's socket is on node A, the student's on node B:
 * the chair sees the student arrive and leave (presence in Redis, "changed" over pub/sub), and the head's
 * REST call on node A that needs the student present (the draw's presence check) sees the student on node B.
 * Needs the jar: {@code mvn -B package -DskipTests} first.
 */
class TwoNodeOralRoomTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT_A = 18591;
    private static final int PORT_B = 18592;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static kz.adal.testing.TwoNodes nodes;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = kz.adal.testing.TwoNodes.start("adal-two-oral-nodes", PORT_A, PORT_B);
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (nodes != null) nodes.close();
    }

    private static HttpResponse<String> call(int port, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(int port, String login) throws Exception {
        HttpResponse<String> r = call(port, "POST", "/api/auth/login", null, Map.of("login", login, "password", "demo1234"));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("accessToken").asText();
    }

    private static boolean studentPresent(JsonNode state) {
        for (JsonNode p : state.path("view").path("students")) {
            if (p.path("present").asBoolean()) return true;
        }
        return false;
    }

    @Test
    void theChairOnNodeASeesTheStudentOnNodeBArriveAndLeave() throws Exception {
        String chair = login(PORT_A, "chair");
        String head = login(PORT_A, "head");
        String student = login(PORT_B, "student");
        JsonNode sittings = JSON.readTree(call(PORT_A, "GET", "/api/oral/sittings", chair, null).body());
        String sitting = sittings.get(0).path("id").asText();
        JsonNode room = JSON.readTree(call(PORT_A, "GET", "/api/oral/sittings/" + sitting, head, null).body());
        assertTrue(room.path("turns").size() > 0, "the demo sitting's turns, as the head sees them: " + room);
        String turn = room.path("turns").get(0).path("id").asText();

        // the secretary (node A) passes the check; the draw then waits for the student to be in the room
        String secretary = login(PORT_A, "secretary");
        HttpResponse<byte[]> snap = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_A + "/api/oral/turns/" + turn
                        + "/snapshots?kind=IDENTITY")).header("Authorization", "Bearer " + secretary).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(OralFixture.jpeg())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, snap.statusCode());
        assertEquals(200, call(PORT_A, "POST", "/api/oral/turns/" + turn + "/check", secretary, OralFixture.passingCheck()).statusCode());
        HttpResponse<String> absent = call(PORT_A, "POST", "/api/oral/turns/" + turn + "/draw", head, null);
        assertEquals("ORAL_STUDENT_ABSENT", JSON.readTree(absent.body()).path("code").asText(), absent.body());

        try (RoomSocket onA = RoomSocket.join(new URL("http://127.0.0.1:" + PORT_A + "/"), sitting, chair)) {
            onA.await(m -> m.path("type").asText().equals("state") && !studentPresent(m));
            long sent = System.nanoTime();
            try (RoomSocket onB = RoomSocket.join(new URL("http://127.0.0.1:" + PORT_B + "/"), sitting, student)) {
                onA.await(m -> m.path("type").asText().equals("state") && studentPresent(m));
                System.out.printf("two nodes: the student's arrival on node B reached the chair on node A in %d ms%n",
                        (System.nanoTime() - sent) / 1_000_000);
                // the draw on node A sees the student present on node B, and its broadcast reaches node B
                HttpResponse<String> draw = call(PORT_A, "POST", "/api/oral/turns/" + turn + "/draw", head, null);
                assertEquals(200, draw.statusCode(), draw.body());
                int ticket = JSON.readTree(draw.body()).path("ticketNumber").asInt();
                assertEquals(ticket, onB.await(m -> m.path("type").asText().equals("draw")).path("draw").path("ticketNumber").asInt());
            }
            onA.await(m -> m.path("type").asText().equals("state") && !studentPresent(m));
        }
        assertTrue(Files.readString(nodes.log("node-a")).contains("oral room bus: Redis"), "node A uses the Redis room bus");
    }
}
