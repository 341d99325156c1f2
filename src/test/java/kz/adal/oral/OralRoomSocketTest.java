package kz.adal.oral;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room socket refuses outsiders and bad messages, and a bad message never closes a good session. */
@QuarkusTest
class OralRoomSocketTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void refusesAnyoneNotInTheSittingAndABadToken() throws Exception {
        String sitting = OralFixture.create(OralFixture.setup()).getString("sittingId");
        try (RoomSocket outsider = RoomSocket.open(base, sitting)) {
            outsider.send("{\"type\":\"auth\",\"token\":\"" + Api.token("teacher") + "\",\"sittingId\":\"" + sitting + "\"}");
            outsider.error("FORBIDDEN");
            assertEquals(4403, outsider.closed.get(5, TimeUnit.SECONDS));
        }
        try (RoomSocket forged = RoomSocket.open(base, sitting)) {
            forged.send("{\"type\":\"auth\",\"token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\"}");
            forged.error("ORAL_WS_TOKEN");
            assertEquals(4401, forged.closed.get(5, TimeUnit.SECONDS));
        }
        try (RoomSocket early = RoomSocket.open(base, sitting)) {
            early.send("{\"type\":\"ping\",\"sittingId\":\"" + sitting + "\"}");
            early.error("ORAL_WS_AUTH_FIRST");
            assertTrue(early.isOpen());
        }
    }

    @Test
    void badMessagesAreRefusedWithoutClosingAGoodSession() throws Exception {
        JsonPath room = OralFixture.create(OralFixture.setup());
        String sitting = room.getString("sittingId");
        String other = OralFixture.create(OralFixture.setup()).getString("sittingId");
        try (RoomSocket s = RoomSocket.open(base, sitting)) {
            s.send("{\"type\":\"auth\",\"token\":\"" + Api.token("member1") + "\"}");
            JsonNode welcome = s.await(m -> m.path("type").asText().equals("welcome"));
            assertEquals("MEMBER", welcome.path("roles").get(0).asText());
            s.state(v -> v.path("sittingId").asText().equals(sitting));

            s.send("{\"type\":\"ping\",\"sittingId\":\"" + sitting + "\",\"pad\":\"" + "x".repeat(5000) + "\"}");
            s.error("ORAL_WS_TOO_LARGE");
            s.send("{not json");
            s.error("ORAL_WS_MALFORMED");
            s.send("[1,2,3]");
            s.error("ORAL_WS_SCHEMA");
            s.send("{\"type\":42}");
            s.error("ORAL_WS_SCHEMA");
            s.send("{\"type\":\"grade.everyone\",\"sittingId\":\"" + sitting + "\"}");
            s.error("ORAL_WS_UNKNOWN_TYPE");
            s.send("{\"type\":\"ping\",\"sittingId\":\"" + other + "\"}");
            s.error("ORAL_WS_WRONG_SITTING");
            s.send("{\"type\":\"ping\",\"sittingId\":\"" + sitting + "\",\"extra\":1}");
            s.error("ORAL_WS_SCHEMA");
            s.send("{\"type\":\"ping\"}");
            s.error("ORAL_WS_SCHEMA");
            s.send("{\"type\":\"auth\",\"token\":\"x\"}");
            s.error("ORAL_WS_ALREADY_AUTHENTICATED");
            // only the secretary may ask the student's page for a snapshot
            s.send("{\"type\":\"snapshot.request\",\"sittingId\":\"" + sitting + "\",\"turnId\":\"" + OralFixture.firstTurn(room) + "\",\"kind\":\"ROOM\"}");
            s.error("FORBIDDEN");

            // still open and answering
            s.send("{\"type\":\"ping\",\"sittingId\":\"" + sitting + "\"}");
            JsonNode pong = s.await(m -> m.path("type").asText().equals("pong"));
            assertTrue(pong.hasNonNull("serverTime"));
            assertTrue(s.isOpen());
        }
    }

    @Test
    void anOpenSocketIsPresenceAndTheSecretaryReachesTheStudentsPage() throws Exception {
        JsonPath room = OralFixture.create(OralFixture.setup());
        String sitting = room.getString("sittingId");
        String turn = OralFixture.firstTurn(room);
        String student = OralFixture.id("student");
        try (RoomSocket secretary = RoomSocket.join(base, sitting, Api.token("secretary"))) {
            try (RoomSocket st = RoomSocket.join(base, sitting, Api.token("student"))) {
                secretary.state(v -> v.path("turns").get(0).path("present").asBoolean());
                secretary.send("{\"type\":\"snapshot.request\",\"sittingId\":\"" + sitting + "\",\"turnId\":\"" + turn + "\",\"kind\":\"DESK\"}");
                JsonNode req = st.await(m -> m.path("type").asText().equals("snapshot.request"));
                assertEquals("DESK", req.path("kind").asText());
                assertEquals(student, req.path("studentId").asText());
                // the student sees only their own turn and no one else's check details
                st.send("{\"type\":\"sync\",\"sittingId\":\"" + sitting + "\"}");
                JsonNode own = st.state(v -> true).path("view");
                assertTrue(own.path("turns").get(0).path("check").path("snapshots").isEmpty());
                assertEquals(1, own.path("turns").size());
            }
            secretary.state(v -> !v.path("turns").get(0).path("present").asBoolean());
        }
    }
}
