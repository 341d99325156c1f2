package kz.adal.oral;

import com.fasterxml.jackson.databind.JsonNode;
import kz.adal.testing.JsonSocket;

import java.net.URL;
import java.util.function.Predicate;

/** A test client for /ws/oral/{sitting}. */
final class RoomSocket extends JsonSocket {

    private RoomSocket(URL base, String sittingId, String query) throws Exception {
        super(base, "/ws/oral/" + sittingId + query);
    }

    /** Opens with ?token= and waits for the welcome. */
    static RoomSocket join(URL base, String sittingId, String token) throws Exception {
        RoomSocket s = new RoomSocket(base, sittingId, "?token=" + token);
        s.await(m -> type(m, "welcome"));
        return s;
    }

    /** Opens without a token (it must then come as the first message). */
    static RoomSocket open(URL base, String sittingId) throws Exception {
        return new RoomSocket(base, sittingId, "");
    }

    /**
     * Reports, as a page's getStats() would, that this socket's user receives live audio and video from
     * {@code fromUserId} (the answer needs the student's media at every grader, issue 14).
     */
    void receives(String sittingId, String fromUserId) {
        send(java.util.Map.of("type", "rtc.stats", "sittingId", sittingId,
                "peers", java.util.List.of(java.util.Map.of("userId", fromUserId, "audio", true, "video", true)),
                "muted", java.util.Map.of("audio", false, "video", false)));
    }

    /** The next state whose view satisfies p. */
    JsonNode state(Predicate<JsonNode> p) throws InterruptedException {
        return await(m -> type(m, "state") && p.test(m.path("view")));
    }
}
