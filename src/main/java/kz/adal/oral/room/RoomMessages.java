package kz.adal.oral.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a page may send over the room's socket, checked before anything acts on it: size, a JSON object, a known
 * {@code type}, exactly the fields that type carries, this sitting's id. A message that fails gets an {@code error}
 * reply and the session stays open.
 */
final class RoomMessages {
    /** Client messages are small; snapshots travel over HTTP. */
    static final int MAX_MESSAGE_CHARS = 4096;
    /** A WebRTC session description is larger (a few kB with audio and video). */
    static final int MAX_SIGNAL_CHARS = 16384;
    /** type → the fields it may carry (besides "type"). */
    private static final Map<String, Set<String>> SCHEMA = Map.of(
            "auth", Set.of("token", "sittingId"),
            "ping", Set.of("sittingId"),
            "sync", Set.of("sittingId"),
            "snapshot.request", Set.of("sittingId", "turnId", "kind"),
            // the built-in video room (issue 14): a WebRTC mesh signalled through here, across nodes through the bus
            "rtc.join", Set.of("sittingId"),
            "rtc.signal", Set.of("sittingId", "to", "data"),
            "rtc.stats", Set.of("sittingId", "muted", "peers"),
            "rtc.leave", Set.of("sittingId"));

    private RoomMessages() {
    }

    /** A message that passed (with its type), or the error to answer. */
    record Checked(JsonNode message, String type, String errorCode, String errorMessage) {
        boolean ok() {
            return errorCode == null;
        }

        static Checked refused(String code, String message) {
            return new Checked(null, null, code, message);
        }
    }

    static Checked check(String text, UUID sittingId, ObjectMapper json) {
        if (text.length() > MAX_SIGNAL_CHARS) {
            return Checked.refused("ORAL_WS_TOO_LARGE", "A message is at most " + MAX_MESSAGE_CHARS + " characters");
        }
        JsonNode msg;
        try {
            msg = json.readTree(text);
        } catch (Exception e) {
            return Checked.refused("ORAL_WS_MALFORMED", "The message is not JSON");
        }
        if (msg == null || !msg.isObject() || !msg.path("type").isTextual()) {
            return Checked.refused("ORAL_WS_SCHEMA", "A message is a JSON object with a string \"type\"");
        }
        String type = msg.get("type").asText();
        if (text.length() > MAX_MESSAGE_CHARS && !type.equals("rtc.signal")) {
            return Checked.refused("ORAL_WS_TOO_LARGE", "A message is at most " + MAX_MESSAGE_CHARS + " characters");
        }
        Set<String> allowed = SCHEMA.get(type);
        if (allowed == null) {
            return Checked.refused("ORAL_WS_UNKNOWN_TYPE", "Unknown message type " + clip(type));
        }
        for (var it = msg.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("type") && !allowed.contains(f)) {
                return Checked.refused("ORAL_WS_SCHEMA", "Unexpected field " + clip(f) + " in " + type);
            }
        }
        if (msg.has("sittingId") && !sittingId.toString().equals(msg.path("sittingId").asText())) {
            return Checked.refused("ORAL_WS_WRONG_SITTING", "This socket belongs to another sitting");
        }
        return new Checked(msg, type, null, null);
    }

    static String toJson(ObjectMapper json, Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
