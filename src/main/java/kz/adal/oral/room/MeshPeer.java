package kz.adal.oral.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import kz.adal.oral.OralRoomQueries;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One page's part in the room's video mesh (issue 14): its camera and microphone join the WebRTC mesh, its offers,
 * answers and ICE candidates go to one other page through the bus (so across nodes), and its link reports feed the
 * "answer needs the link" rule. The socket's {@link OralRoomSocket.Connection} owns it; its handlers run on the
 * connection's event-loop thread.
 */
final class MeshPeer {
    /** What the mesh needs of the page's socket. */
    interface Page {
        void error(String code, String message);

        boolean closed();

        void write(String message);
    }

    private final Vertx vertx;
    private final OralRoomQueries rooms;
    private final OralRoomBus bus;
    private final ObjectMapper json;
    private final UUID sittingId;
    /** The socket's connection id: how the other pages address this one. */
    private final String id;
    /** The signed-in person; asked only once the socket is authenticated. */
    private final Supplier<UUID> user;
    private final Page page;
    /** This page takes part in the video mesh (sent rtc.join and was allowed). */
    private volatile boolean inMesh;

    MeshPeer(Vertx vertx, OralRoomQueries rooms, OralRoomBus bus, ObjectMapper json, UUID sittingId, String id, Supplier<UUID> user, Page page) {
        this.vertx = vertx;
        this.rooms = rooms;
        this.bus = bus;
        this.json = json;
        this.sittingId = sittingId;
        this.id = id;
        this.user = user;
        this.page = page;
    }

    /**
     * This page's camera and microphone join the room's mesh: the staff always, a student only while their own
     * turn is the current one (a student waiting for a later turn neither sees nor is seen).
     */
    void join() {
        vertx.executeBlocking(() -> rooms.mayJoinVideo(sittingId, user.get()), false).onComplete(ar -> {
            if (page.closed()) return;
            if (ar.failed() || !Boolean.TRUE.equals(ar.result())) {
                page.error("ORAL_WS_VIDEO_NOT_YET", "You join the video when your turn comes");
                return;
            }
            inMesh = true;
            bus.publish(sittingId, RoomMessages.toJson(json, Map.of("type", "rtc.join", "from", id, "userId", user.get())));
        });
    }

    /** An offer, answer or ICE candidate for one other page of the mesh; the server adds who sent it. */
    void signal(JsonNode msg) {
        if (!inMesh) {
            page.error("ORAL_WS_VIDEO_JOIN_FIRST", "Join the video first");
            return;
        }
        if (!msg.path("to").isTextual() || !msg.path("data").isObject()) {
            page.error("ORAL_WS_SCHEMA", "rtc.signal needs a connection id \"to\" and an object \"data\"");
            return;
        }
        ObjectNode out = json.createObjectNode();
        out.put("type", "rtc.signal");
        out.put("from", id);
        out.put("userId", user.get().toString());
        out.put("to", msg.get("to").asText());
        out.set("data", msg.get("data"));
        bus.publish(sittingId, out.toString());
    }

    /**
     * What this page receives from each peer (from getStats) and its own mute state: kept for the "answer needs
     * the link" rule and shown to everyone.
     */
    void linkReport(JsonNode msg) {
        if (!msg.path("peers").isArray() || msg.path("peers").size() > 20 || (msg.has("muted") && !msg.get("muted").isObject())) {
            page.error("ORAL_WS_SCHEMA", "rtc.stats needs peers [{userId, audio, video}] and muted {audio, video}");
            return;
        }
        RoomLink.Report r = RoomLink.parse(msg);
        ObjectNode stored = json.createObjectNode();
        var peers = stored.putArray("peers");
        r.receiving().forEach((u, m) -> peers.addObject().put("userId", u.toString()).put("audio", m.audio()).put("video", m.video()));
        stored.putObject("muted").put("audio", r.audioMuted()).put("video", r.videoMuted());
        UUID me = user.get();
        vertx.executeBlocking(() -> {
            bus.reportLink(sittingId, me, stored.toString());
            return null;
        }, false);
        stored.put("type", "rtc.status");
        stored.put("from", id);
        stored.put("userId", me.toString());
        stored.put("inMesh", inMesh);
        bus.publish(sittingId, stored.toString());
    }

    void leave() {
        if (!inMesh) return;
        inMesh = false;
        bus.publish(sittingId, RoomMessages.toJson(json, Map.of("type", "rtc.leave", "from", id, "userId", user.get())));
    }

    /** The socket closed: the other pages drop this one's video. */
    void closed() {
        if (inMesh) bus.publish(sittingId, RoomMessages.toJson(json, Map.of("type", "rtc.leave", "from", id, "userId", user.get())));
    }

    /** A mesh message from the bus, passed to this page when it is meant for it. */
    void deliver(String type, JsonNode msg, String message) {
        switch (type) {
            case "rtc.join" -> {
                if (inMesh && !id.equals(msg.path("from").asText())) page.write(message);
            }
            case "rtc.signal" -> {
                if (inMesh && id.equals(msg.path("to").asText())) page.write(message);
            }
            case "rtc.leave" -> {
                if (!id.equals(msg.path("from").asText())) page.write(message);
            }
            case "rtc.status" -> page.write(message);
            default -> { }
        }
    }
}
