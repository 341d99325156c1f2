package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveHub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.identity.Role;
import kz.adal.identity.SocketGuard;
import kz.adal.identity.Standing;
import kz.adal.identity.TokenVerifier;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The proctor console's live feed: {@code /ws/proctor}. First message {@code {"type":"auth","token"}}
 * (role PROCTOR). The server sends a {@code tile} for each assigned attempt and again on every change
 * (within a second), {@code snapshot}s, {@code gone} when an attempt leaves the grid, and for the attempt
 * the proctor opened ({@code {"type":"focus","attemptId"}}) its {@code timeline} and each new {@code event}.
 * Actions go through REST ({@code /api/proctor/...}).
 */
@ApplicationScoped
public class ProctorSocket {
    private static final Logger LOG = Logger.getLogger(ProctorSocket.class);
    private static final long AUTH_TIMEOUT_MS = 10_000;
    /** How often the assigned attempts are re-read (new attempts appear, finished ones stay 15 min). */
    static final long REFRESH_MS = 3_000;
    private static final int MAX_CHARS = 2048;
    /** A live view's session description is larger (a few kB). */
    private static final int MAX_SIGNAL_CHARS = 16384;
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "auth", Set.of("token"),
            "hb", Set.of(),
            "focus", Set.of("attemptId"),
            "unfocus", Set.of("attemptId"),
            "live.signal", Set.of("attemptId", "data"));

    private final Vertx vertx;
    private final TokenVerifier tokens;
    private final LiveHub hub;
    private final AttemptDirectory directory;
    private final ObjectMapper json;
    private final SocketGuard guard;

    ProctorSocket(Vertx vertx, TokenVerifier tokens, LiveHub hub, AttemptDirectory directory, ObjectMapper json, SocketGuard guard) {
        this.guard = guard;
        this.vertx = vertx;
        this.tokens = tokens;
        this.hub = hub;
        this.directory = directory;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route("/ws/proctor").handler(rc -> rc.request().toWebSocket()
                .onSuccess(ws -> new Connection(ws).start())
                .onFailure(e -> LOG.debugf("proctor socket upgrade failed: %s", e.getMessage())));
    }

    final class Connection implements LiveHub.ProctorClient, SocketGuard.Guarded {
        private final ServerWebSocket ws;
        private volatile TokenVerifier.Caller caller;
        private volatile boolean closed;
        private boolean authenticating;
        private long refresher = -1;
        private final AtomicBoolean refreshing = new AtomicBoolean();
        private final String connectionId = UUID.randomUUID().toString();

        Connection(ServerWebSocket ws) {
            this.ws = ws;
        }

        @Override
        public UUID proctorId() {
            return caller.userId();
        }

        @Override
        public String connectionId() {
            return connectionId;
        }

        @Override
        public void send(String text) {
            if (!closed) ws.writeTextMessage(text);
        }

        @Override
        public void sendBinary(io.vertx.core.buffer.Buffer frame) {
            if (!closed) ws.writeBinaryMessage(frame);
        }

        /** Logged out, suspended or no longer a proctor: the feed stops at once. */
        @Override
        public void accessEnded(Standing why) {
            error("ACCESS_ENDED", "Your session has ended; log in again");
            ws.close(SocketGuard.CLOSE_CODE, why.closeReason());
        }

        void start() {
            ws.textMessageHandler(this::onText);
            kz.adal.platform.OpenSockets.opened("proctor");
            ws.closeHandler(v -> {
                kz.adal.platform.OpenSockets.closed("proctor");
                closed = true;
                guard.forget(this);
                if (refresher >= 0) vertx.cancelTimer(refresher);
                if (caller != null) hub.proctorGone(this);
            });
            ws.exceptionHandler(e -> LOG.debugf("proctor socket: %s", e.getMessage()));
            vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
                if (caller == null && !closed) ws.close((short) 4401, "unauthenticated");
            });
        }

        private void onText(String text) {
            if (text.length() > MAX_SIGNAL_CHARS) {
                error("PROCTOR_WS_TOO_LARGE", "A message is at most " + MAX_CHARS + " characters");
                return;
            }
            JsonNode msg;
            try {
                msg = json.readTree(text);
            } catch (Exception e) {
                error("PROCTOR_WS_MALFORMED", "The message is not JSON");
                return;
            }
            if (msg == null || !msg.isObject() || !FIELDS.containsKey(msg.path("type").asText())) {
                error("PROCTOR_WS_UNKNOWN_TYPE", "Unknown message type");
                return;
            }
            String type = msg.get("type").asText();
            if (text.length() > MAX_CHARS && !type.equals("live.signal")) {
                error("PROCTOR_WS_TOO_LARGE", "A message is at most " + MAX_CHARS + " characters");
                return;
            }
            for (var it = msg.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("type") && !FIELDS.get(type).contains(f)) {
                    error("PROCTOR_WS_SCHEMA", "Unexpected field in " + type);
                    return;
                }
            }
            if (type.equals("auth")) {
                auth(msg.path("token").asText(null));
                return;
            }
            if (caller == null) {
                error("PROCTOR_WS_NOT_AUTHENTICATED", "Send auth first");
                return;
            }
            switch (type) {
                case "hb" -> send(json.createObjectNode().put("type", "hb").put("serverNow", hub.now().toString()).toString());
                case "focus", "unfocus" -> {
                    UUID id;
                    try {
                        id = UUID.fromString(msg.path("attemptId").asText());
                    } catch (IllegalArgumentException e) {
                        error("PROCTOR_WS_SCHEMA", "attemptId must be a UUID");
                        return;
                    }
                    if (!hub.focus(this, id, type.equals("focus"))) error("PROCTOR_WS_NOT_WATCHED", "This attempt is not on your grid");
                }
                case "live.signal" -> {
                    UUID id;
                    try {
                        id = UUID.fromString(msg.path("attemptId").asText());
                    } catch (IllegalArgumentException e) {
                        error("PROCTOR_WS_SCHEMA", "attemptId must be a UUID");
                        return;
                    }
                    if (!msg.path("data").isObject()) {
                        error("PROCTOR_WS_SCHEMA", "live.signal needs an object \"data\"");
                        return;
                    }
                    if (!hub.liveToStudent(this, id, msg.get("data"))) error("PROCTOR_WS_NOT_WATCHED", "This attempt is not on your grid");
                }
                default -> error("PROCTOR_WS_UNKNOWN_TYPE", "Unknown message type");
            }
        }

        private void auth(String token) {
            if (caller != null || authenticating) {
                error("PROCTOR_WS_ALREADY_AUTHENTICATED", "Already authenticated");
                return;
            }
            authenticating = true;
            vertx.executeBlocking(() -> tokens.verify(token), false).onComplete(ar -> {
                authenticating = false;
                Optional<TokenVerifier.Caller> c = ar.succeeded() ? ar.result() : Optional.empty();
                if (c.isEmpty() || !c.get().has(Role.PROCTOR)) {
                    error("PROCTOR_WS_UNAUTHENTICATED", "A proctor's valid token is required");
                    ws.close((short) 4401, "unauthenticated");
                    return;
                }
                if (closed) return;
                caller = c.get();
                guard.watch(this, caller, Set.of(Role.PROCTOR));
                hub.proctorConnected(this);
                send(json.createObjectNode().put("type", "ready").put("serverNow", hub.now().toString()).put("node", hub.node()).toString());
                refresh();
                refresher = vertx.setPeriodic(REFRESH_MS, t -> refresh());
            });
        }

        private void refresh() {
            if (closed || !refreshing.compareAndSet(false, true)) return;
            vertx.executeBlocking(() -> {
                hub.watch(this, directory.watchedBy(caller.userId(), hub.now()));
                return null;
            }, false).onComplete(ar -> {
                refreshing.set(false);
                if (ar.failed()) LOG.warnf("proctor grid refresh: %s", ar.cause().getMessage());
            });
        }

        private void error(String code, String message) {
            send(json.createObjectNode().put("type", "error").put("code", code).put("message", message).toString());
        }
    }
}
