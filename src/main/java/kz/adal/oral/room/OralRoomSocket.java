package kz.adal.oral.room;

import kz.adal.oral.OralRoomHooks;
import kz.adal.oral.OralRoomQueries;
import kz.adal.oral.OralViews;
import kz.adal.oral.SittingRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.identity.Actor;
import kz.adal.identity.SocketGuard;
import kz.adal.identity.Standing;
import kz.adal.identity.TokenVerifier;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The room over a WebSocket: {@code /ws/oral/{sittingId}}. The token comes as {@code ?token=} or in the
 * first message {@code {"type":"auth","token":"…"}} (browsers can't set headers on sockets). Only people
 * in the sitting are let in; an open socket is presence. The server pushes {@code state} (the room as the
 * viewer may see it, with the server's time) on every change, and {@code draw} to everyone at once.
 *
 * <p>Client messages are validated (size, JSON object, known {@code type}, exact fields, this sitting's
 * id); a bad one gets an {@code error} reply and the session stays open. Actions that change the exam go
 * through REST, so they share authorisation, transactions and problem details.
 */
@ApplicationScoped
public class OralRoomSocket {
    private static final Logger LOG = Logger.getLogger(OralRoomSocket.class);
    /** Client messages are small; snapshots travel over HTTP. */
    public static final int MAX_MESSAGE_CHARS = 4096;
    /** A WebRTC session description is larger (a few kB with audio and video). */
    public static final int MAX_SIGNAL_CHARS = 16384;
    private static final long AUTH_TIMEOUT_MS = 10_000;
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

    private final Vertx vertx;
    private final TokenVerifier tokens;
    private final OralRoomQueries service;
    private final OralRoomHooks hooks;
    private final OralRoomBus bus;
    private final ObjectMapper json;
    private final TimeSource time;
    private final SocketGuard guard;

    OralRoomSocket(Vertx vertx, TokenVerifier tokens, OralRoomQueries service, OralRoomHooks hooks, OralRoomBus bus,
                      ObjectMapper json, TimeSource time, SocketGuard guard) {
        this.hooks = hooks;
        this.guard = guard;
        this.vertx = vertx;
        this.tokens = tokens;
        this.service = service;
        this.bus = bus;
        this.json = json;
        this.time = time;
    }

    void routes(@Observes Router router) {
        router.route("/ws/oral/:sittingId").handler(rc -> {
            UUID sittingId;
            try {
                sittingId = UUID.fromString(rc.pathParam("sittingId"));
            } catch (IllegalArgumentException e) {
                rc.response().setStatusCode(400).end();
                return;
            }
            String token = rc.queryParams().get("token");
            rc.request().toWebSocket()
                    .onSuccess(ws -> new Connection(ws, sittingId).start(token))
                    .onFailure(e -> LOG.debugf("oral socket upgrade failed: %s", e.getMessage()));
        });
    }

    /** One open socket. Vert.x calls its handlers on one event-loop thread; blocking work goes to workers. */
    final class Connection implements SocketGuard.Guarded {
        private final ServerWebSocket ws;
        private final UUID sittingId;
        private final String id = UUID.randomUUID().toString();
        private volatile TokenVerifier.Caller caller;
        private volatile Actor actor;
        private volatile boolean authenticating;
        private volatile boolean closed;
        /** This page takes part in the video mesh (sent rtc.join and was allowed). */
        private volatile boolean inMesh;
        private AutoCloseable subscription;
        private final AtomicBoolean computing = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();

        Connection(ServerWebSocket ws, UUID sittingId) {
            this.ws = ws;
            this.sittingId = sittingId;
        }

        void start(String queryToken) {
            ws.textMessageHandler(this::onText);
            ws.binaryMessageHandler(b -> error("ORAL_WS_BINARY", "Send JSON text messages"));
            kz.adal.platform.OpenSockets.opened("oral");
            ws.closeHandler(v -> {
                kz.adal.platform.OpenSockets.closed("oral");
                onClose();
            });
            ws.exceptionHandler(e -> LOG.debugf("oral socket: %s", e.getMessage()));
            if (queryToken != null) authenticate(queryToken);
            vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
                if (caller == null && !closed) {
                    error("ORAL_WS_AUTH_TIMEOUT", "Send {\"type\":\"auth\",\"token\":…} first");
                    ws.close((short) 4401, "unauthenticated");
                }
            });
        }

        private void onText(String text) {
            if (text.length() > MAX_SIGNAL_CHARS) {
                error("ORAL_WS_TOO_LARGE", "A message is at most " + MAX_MESSAGE_CHARS + " characters");
                return;
            }
            JsonNode msg;
            try {
                msg = json.readTree(text);
            } catch (Exception e) {
                error("ORAL_WS_MALFORMED", "The message is not JSON");
                return;
            }
            if (msg == null || !msg.isObject() || !msg.path("type").isTextual()) {
                error("ORAL_WS_SCHEMA", "A message is a JSON object with a string \"type\"");
                return;
            }
            String type = msg.get("type").asText();
            if (text.length() > MAX_MESSAGE_CHARS && !type.equals("rtc.signal")) {
                error("ORAL_WS_TOO_LARGE", "A message is at most " + MAX_MESSAGE_CHARS + " characters");
                return;
            }
            Set<String> allowed = SCHEMA.get(type);
            if (allowed == null) {
                error("ORAL_WS_UNKNOWN_TYPE", "Unknown message type " + clip(type));
                return;
            }
            for (var it = msg.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("type") && !allowed.contains(f)) {
                    error("ORAL_WS_SCHEMA", "Unexpected field " + clip(f) + " in " + type);
                    return;
                }
            }
            if (msg.has("sittingId") && !sittingId.toString().equals(msg.path("sittingId").asText())) {
                error("ORAL_WS_WRONG_SITTING", "This socket belongs to another sitting");
                return;
            }
            if (type.equals("auth")) {
                if (caller != null || authenticating) {
                    error("ORAL_WS_ALREADY_AUTHENTICATED", "Already authenticated");
                } else if (!msg.path("token").isTextual()) {
                    error("ORAL_WS_SCHEMA", "auth needs a string token");
                } else {
                    authenticate(msg.get("token").asText());
                }
                return;
            }
            if (caller == null) {
                error("ORAL_WS_AUTH_FIRST", "Authenticate first");
                return;
            }
            if (!msg.path("sittingId").isTextual()) {
                error("ORAL_WS_SCHEMA", type + " needs the sittingId");
                return;
            }
            switch (type) {
                case "ping" -> send(Map.of("type", "pong", "serverTime", time.now()));
                case "sync" -> refresh();
                case "snapshot.request" -> requestSnapshot(msg);
                case "rtc.join" -> joinMesh();
                case "rtc.signal" -> signal(msg);
                case "rtc.stats" -> linkReport(msg);
                case "rtc.leave" -> leaveMesh();
                default -> error("ORAL_WS_UNKNOWN_TYPE", "Unknown message type");
            }
        }

        /** The secretary asks the student's page for a frame (fallback video); the page uploads it over HTTP. */
        private void requestSnapshot(JsonNode msg) {
            UUID turnId;
            String kind = msg.path("kind").asText("ROOM");
            try {
                turnId = UUID.fromString(msg.path("turnId").asText());
                if (!OralRoomQueries.isSnapshotKind(kind)) throw new IllegalArgumentException(kind);
            } catch (IllegalArgumentException e) {
                error("ORAL_WS_SCHEMA", "snapshot.request needs a turnId and a kind (IDENTITY, DESK, ROOM)");
                return;
            }
            blocking(() -> {
                Set<SittingRole> roles = service.rolesIn(sittingId, caller.userId());
                if (!roles.contains(SittingRole.SECRETARY)) throw Problem.forbidden("Only the technical secretary asks for snapshots");
                OralViews.Turn turn = service.room(actor, sittingId).turns().stream().filter(t -> t.id().equals(turnId)).findFirst()
                        .orElseThrow(() -> Problem.notFound("Student's turn"));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("type", "snapshot.request");
                out.put("sittingId", sittingId);
                out.put("turnId", turnId);
                out.put("studentId", turn.studentId());
                out.put("kind", kind);
                bus.publish(sittingId, toJson(out));
                return null;
            });
        }

        /**
         * This page's camera and microphone join the room's mesh: the staff always, a student only while their own
         * turn is the current one (a student waiting for a later turn neither sees nor is seen).
         */
        private void joinMesh() {
            vertx.executeBlocking(() -> service.mayJoinVideo(sittingId, caller.userId()), false).onComplete(ar -> {
                if (closed) return;
                if (ar.failed() || !Boolean.TRUE.equals(ar.result())) {
                    error("ORAL_WS_VIDEO_NOT_YET", "You join the video when your turn comes");
                    return;
                }
                inMesh = true;
                bus.publish(sittingId, toJson(Map.of("type", "rtc.join", "from", id, "userId", caller.userId())));
            });
        }

        /** An offer, answer or ICE candidate for one other page of the mesh; the server adds who sent it. */
        private void signal(JsonNode msg) {
            if (!inMesh) {
                error("ORAL_WS_VIDEO_JOIN_FIRST", "Join the video first");
                return;
            }
            if (!msg.path("to").isTextual() || !msg.path("data").isObject()) {
                error("ORAL_WS_SCHEMA", "rtc.signal needs a connection id \"to\" and an object \"data\"");
                return;
            }
            ObjectNode out = json.createObjectNode();
            out.put("type", "rtc.signal");
            out.put("from", id);
            out.put("userId", caller.userId().toString());
            out.put("to", msg.get("to").asText());
            out.set("data", msg.get("data"));
            bus.publish(sittingId, out.toString());
        }

        /**
         * What this page receives from each peer (from getStats) and its own mute state: kept for the "answer needs
         * the link" rule and shown to everyone.
         */
        private void linkReport(JsonNode msg) {
            if (!msg.path("peers").isArray() || msg.path("peers").size() > 20 || (msg.has("muted") && !msg.get("muted").isObject())) {
                error("ORAL_WS_SCHEMA", "rtc.stats needs peers [{userId, audio, video}] and muted {audio, video}");
                return;
            }
            RoomLink.Report r = RoomLink.parse(msg);
            ObjectNode stored = json.createObjectNode();
            var peers = stored.putArray("peers");
            r.receiving().forEach((user, m) -> peers.addObject().put("userId", user.toString()).put("audio", m.audio()).put("video", m.video()));
            stored.putObject("muted").put("audio", r.audioMuted()).put("video", r.videoMuted());
            UUID user = caller.userId();
            vertx.executeBlocking(() -> {
                bus.reportLink(sittingId, user, stored.toString());
                return null;
            }, false);
            stored.put("type", "rtc.status");
            stored.put("from", id);
            stored.put("userId", user.toString());
            stored.put("inMesh", inMesh);
            bus.publish(sittingId, stored.toString());
        }

        private void leaveMesh() {
            if (!inMesh) return;
            inMesh = false;
            bus.publish(sittingId, toJson(Map.of("type", "rtc.leave", "from", id, "userId", caller.userId())));
        }

        private void authenticate(String token) {
            authenticating = true;
            vertx.<Set<SittingRole>>executeBlocking(() -> {
                Optional<TokenVerifier.Caller> c = Arc.container().requestContext().isActive() ? tokens.verify(token) : verifyInContext(token);
                if (c.isEmpty()) throw new Problem(401, "ORAL_WS_TOKEN", "The token is not valid; log in again");
                Set<SittingRole> roles = service.rolesIn(sittingId, c.get().userId());
                if (roles.isEmpty()) throw Problem.forbidden("You are not in this sitting");
                caller = c.get();
                actor = caller.actor();
                // presence is in place before anyone hears of it (with Redis this waits for the node's write)
                bus.join(sittingId, caller.userId(), id);
                hooks.presenceOpened(sittingId, caller.userId(), id);
                return roles;
            }, false).onComplete(ar -> {
                authenticating = false;
                if (closed) {
                    if (ar.succeeded()) leaveRoom();
                    return;
                }
                if (ar.failed()) {
                    Throwable e = ar.cause();
                    boolean known = e instanceof Problem;
                    error(known ? ((Problem) e).code() : "ORAL_WS_ERROR", known ? e.getMessage() : "The room could not be opened");
                    caller = null;
                    int status = known ? ((Problem) e).status() : 500;
                    ws.close((short) (status == 401 ? 4401 : status == 403 ? 4403 : status == 404 ? 4404 : 4500), "refused");
                    return;
                }
                // sitting roles are not standing roles: the room needs a live session of an active account
                guard.watch(this, caller, Set.of());
                subscription = bus.subscribe(sittingId, this::onBus);
                Map<String, Object> welcome = new LinkedHashMap<>();
                welcome.put("type", "welcome");
                welcome.put("sittingId", sittingId);
                welcome.put("userId", caller.userId());
                welcome.put("connectionId", id);
                welcome.put("roles", ar.result());
                welcome.put("serverTime", time.now());
                send(welcome);
                // presence changed for everyone (this includes a fresh state for this socket)
                bus.publish(sittingId, toJson(Map.of("type", "changed", "sittingId", sittingId, "reason", "presence")));
            });
        }

        private Optional<TokenVerifier.Caller> verifyInContext(String token) {
            var ctx = Arc.container().requestContext();
            ctx.activate();
            try {
                return tokens.verify(token);
            } finally {
                ctx.terminate();
            }
        }

        private void onBus(String message) {
            if (closed) return;
            JsonNode msg;
            try {
                msg = json.readTree(message);
            } catch (Exception e) {
                return;
            }
            switch (msg.path("type").asText()) {
                case "changed" -> refresh();
                case "draw" -> ws.writeTextMessage(message);
                case "rtc.join" -> {
                    if (inMesh && !id.equals(msg.path("from").asText())) ws.writeTextMessage(message);
                }
                case "rtc.signal" -> {
                    if (inMesh && id.equals(msg.path("to").asText())) ws.writeTextMessage(message);
                }
                case "rtc.leave" -> {
                    if (!id.equals(msg.path("from").asText())) ws.writeTextMessage(message);
                }
                case "rtc.status" -> ws.writeTextMessage(message);
                case "snapshot.request" -> {
                    if (caller != null && caller.userId().toString().equals(msg.path("studentId").asText())) ws.writeTextMessage(message);
                }
                default -> { }
            }
        }

        /** Recompute this viewer's state; coalesced so a burst of changes costs one or two reads, in order. */
        private void refresh() {
            dirty.set(true);
            if (!computing.compareAndSet(false, true)) return;
            dirty.set(false);
            vertx.<OralViews.Room>executeBlocking(() -> service.room(actor, sittingId), false).onComplete(ar -> {
                if (ar.succeeded() && !closed) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("type", "state");
                    out.put("serverTime", ar.result().serverTime());
                    out.put("view", ar.result());
                    send(out);
                } else if (ar.failed()) {
                    LOG.debugf("oral state failed: %s", ar.cause().getMessage());
                }
                computing.set(false);
                if (dirty.get()) refresh();
            });
        }

        private void blocking(java.util.concurrent.Callable<Void> work) {
            vertx.executeBlocking(work, false).onFailure(e -> {
                if (e instanceof Problem p) error(p.code(), p.getMessage());
                else error("ORAL_WS_ERROR", "The request failed");
            });
        }

        /** Logged out or suspended: the room closes for this person (the page says "signed out"). */
        @Override
        public void accessEnded(Standing why) {
            error("ACCESS_ENDED", "Your session has ended; log in again");
            ws.close(SocketGuard.CLOSE_CODE, why.closeReason());
        }

        private void onClose() {
            LOG.infof("oral socket closed: %s", caller == null ? "-" : caller.login());
            if (closed) return;
            closed = true;
            guard.forget(this);
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // nothing to release
                }
            }
            if (caller != null && !authenticating) {
                if (inMesh) bus.publish(sittingId, toJson(Map.of("type", "rtc.leave", "from", id, "userId", caller.userId())));
                leaveRoom();
            }
        }

        /** Presence gone first, then everyone is told (off the event loop: the Redis bus waits for its write). */
        private void leaveRoom() {
            UUID user = caller.userId();
            vertx.executeBlocking(() -> {
                bus.leave(sittingId, user, id);
                hooks.presenceClosed(id);
                return null;
            }, false).onComplete(ar -> bus.publish(sittingId,
                    toJson(Map.of("type", "changed", "sittingId", sittingId, "reason", "presence"))));
        }

        private void error(String code, String message) {
            ObjectNode n = json.createObjectNode();
            n.put("type", "error");
            n.put("code", code);
            n.put("message", message);
            if (!closed) ws.writeTextMessage(n.toString());
        }

        private void send(Object o) {
            if (!closed) ws.writeTextMessage(toJson(o));
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
