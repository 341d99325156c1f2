package kz.adal.oral.room;

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
import kz.adal.oral.OralRoomHooks;
import kz.adal.oral.OralRoomQueries;
import kz.adal.oral.OralViews;
import kz.adal.oral.SittingRole;
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
 * <p>Client messages are validated ({@link RoomMessages}: size, JSON object, known {@code type}, exact fields, this
 * sitting's id); a bad one gets an {@code error} reply and the session stays open. The video mesh's messages are a
 * {@link MeshPeer}'s. Actions that change the exam go through REST, so they share authorisation, transactions and
 * problem details.
 */
@ApplicationScoped
public class OralRoomSocket {
    private static final Logger LOG = Logger.getLogger(OralRoomSocket.class);
    private static final long AUTH_TIMEOUT_MS = 10_000;
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
        /** This page's part in the video mesh. */
        private final MeshPeer mesh;
        private AutoCloseable subscription;
        private final AtomicBoolean computing = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();

        Connection(ServerWebSocket ws, UUID sittingId) {
            this.ws = ws;
            this.sittingId = sittingId;
            this.mesh = new MeshPeer(vertx, service, bus, json, sittingId, id, () -> caller.userId(), new MeshPeer.Page() {
                @Override
                public void error(String code, String message) {
                    Connection.this.error(code, message);
                }

                @Override
                public boolean closed() {
                    return closed;
                }

                @Override
                public void write(String message) {
                    ws.writeTextMessage(message);
                }
            });
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
            RoomMessages.Checked checked = RoomMessages.check(text, sittingId, json);
            if (!checked.ok()) {
                error(checked.errorCode(), checked.errorMessage());
                return;
            }
            JsonNode msg = checked.message();
            String type = checked.type();
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
                case "rtc.join" -> mesh.join();
                case "rtc.signal" -> mesh.signal(msg);
                case "rtc.stats" -> mesh.linkReport(msg);
                case "rtc.leave" -> mesh.leave();
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
                case "rtc.join", "rtc.signal", "rtc.leave", "rtc.status" -> mesh.deliver(msg.path("type").asText(), msg, message);
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
                mesh.closed();
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
        return RoomMessages.toJson(json, o);
    }
}
