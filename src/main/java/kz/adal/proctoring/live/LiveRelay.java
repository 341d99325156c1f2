package kz.adal.proctoring.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@link LiveHub}'s messages to and from the {@link LiveBus}: what each kind carries and how it is written (JSON
 * text, short keys). Every node hears every message, its own included; what this node has already delivered to its
 * own proctors (a stored event, a snapshot) is not delivered twice, and on the in-memory bus (one node) is not
 * published at all. What a message means for this node's sockets is the hub's ({@link Listener}).
 */
final class LiveRelay {
    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /** What arrives from the bus, for this node's sockets. */
    interface Listener {
        /** Another node's stored event, as {@link LiveEventJson} wrote it. */
        void event(UUID attemptId, JsonNode event);

        /** A snapshot from another node's student. */
        void snapshot(UUID attemptId, BusSnapshot snapshot);

        /** A message for the attempt's student socket, if it is here. */
        void toStudent(UUID attemptId, JsonNode message);

        /** A live view's signal from the student page, for one proctor socket, if it is here. */
        void liveSignal(UUID attemptId, String proctorConnection, JsonNode data);

        /** A tab took over: the old connection, if it is here, is closed. */
        void replaced(UUID attemptId, String oldConnection);

        /** The attempt's state or clock changed. */
        void attemptChanged(UUID attemptId);
    }

    /** A snapshot message from another node, read as far as the hub needs it (the JPEG is base64 on the bus). */
    record BusSnapshot(JsonNode message) {
        Instant at() {
            return Instant.parse(message.get("at").asText());
        }

        byte[] jpeg() {
            return Base64.getDecoder().decode(message.get("jpeg").asText());
        }

        boolean screen() {
            return "screen".equals(message.path("src").asText());
        }

        Instant clientAt() {
            return message.hasNonNull("clientAt") ? Instant.parse(message.get("clientAt").asText()) : null;
        }
    }

    private final LiveBus bus;
    private final ObjectMapper json;
    private final String node;

    LiveRelay(LiveBus bus, ObjectMapper json, String node) {
        this.bus = bus;
        this.json = json;
        this.node = node;
    }

    void subscribe(Listener listener) {
        bus.subscribe(text -> onBus(text, listener));
    }

    String kind() {
        return bus.kind();
    }

    // ------------------------------------------------------------------ to the bus

    /** A stored event, already delivered to this node's proctors: for the other nodes' (none on the in-memory bus). */
    void event(UUID attemptId, ObjectNode event) {
        if (bus.kind().equals("memory")) return;
        ObjectNode m = json.createObjectNode().put("t", "ev").put("a", attemptId.toString()).put("n", node);
        m.set("e", event);
        bus.publish(m.toString());
    }

    /** A snapshot, already sent to this node's proctors: for the other nodes' (none on the in-memory bus). */
    void snapshot(UUID attemptId, boolean screen, Instant at, Instant clientAt, byte[] jpeg, int offset, int length) {
        if (!bus.kind().equals("memory")) {
            // other nodes' proctors: the bus carries text, so base64 here (and only here)
            ObjectNode m = json.createObjectNode().put("t", "snap").put("a", attemptId.toString()).put("at", at.toString())
                    .put("n", node).put("jpeg", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(jpeg, offset, offset + length)));
            if (screen) m.put("src", "screen");
            if (clientAt != null) m.put("clientAt", clientAt.toString());
            bus.publish(m.toString());
        }
    }

    /** A message for the attempt's student socket, wherever it is. */
    void toStudent(UUID attemptId, ObjectNode message) {
        ObjectNode m = json.createObjectNode().put("t", "stu").put("a", attemptId.toString());
        m.set("m", message);
        bus.publish(m.toString());
    }

    /** A live view's signal from the student page, for the proctor socket that opened it, wherever it is. */
    void liveToProctor(UUID attemptId, String proctorConnection, JsonNode data) {
        ObjectNode m = json.createObjectNode().put("t", "live").put("a", attemptId.toString()).put("c", proctorConnection);
        m.set("d", data);
        bus.publish(m.toString());
    }

    void attemptChanged(UUID attemptId) {
        bus.publish(json.createObjectNode().put("t", "att").put("a", attemptId.toString()).toString());
    }

    void replaced(UUID attemptId, String oldConnection) {
        bus.publish(json.createObjectNode().put("t", "rep").put("a", attemptId.toString()).put("c", oldConnection).toString());
    }

    // ------------------------------------------------------------------ from the bus

    private void onBus(String text, Listener to) {
        JsonNode m;
        try {
            m = json.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.warnf("live bus: unreadable message dropped");
            return;
        }
        UUID a = UUID.fromString(m.path("a").asText());
        switch (m.path("t").asText()) {
            case "ev" -> {
                if (node.equals(m.path("n").asText())) return;   // this node's own: delivered when published
                to.event(a, m.get("e"));
            }
            case "snap" -> {
                // a snapshot from another node's student (this node's own went to its proctors directly)
                if (node.equals(m.path("n").asText())) return;
                to.snapshot(a, new BusSnapshot(m));
            }
            case "stu" -> to.toStudent(a, m.get("m"));
            case "live" -> to.liveSignal(a, m.path("c").asText(), m.get("d"));
            case "rep" -> to.replaced(a, m.path("c").asText());
            case "att" -> to.attemptChanged(a);
            default -> LOG.debugf("live bus: unknown message %s", m.path("t").asText());
        }
    }
}
