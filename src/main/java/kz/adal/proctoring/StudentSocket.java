package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveHub;
import kz.adal.proctoring.live.LiveEvent;
import kz.adal.proctoring.live.AttemptFacts;
import kz.adal.proctoring.live.SnapshotFrame;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.attempt.AttemptState;
import kz.adal.identity.Role;
import kz.adal.identity.SocketGuard;
import kz.adal.identity.Standing;
import kz.adal.identity.TokenVerifier;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The student's live stream: {@code /ws/attempts/{id}}, one per attempt. The first message is
 * {@code {"type":"auth","attemptId","token","tab","takeover"}}; only the attempt's own student, while it
 * runs. A second tab is refused ({@code PROCTORING_SESSION_ELSEWHERE}, close 4409) unless it asks to take
 * over ({@code takeover:true}); then the first tab gets {@code replaced} and is closed (4410).
 *
 * <p>Every message is validated — size, JSON object, known type, exact fields, this attempt's id, a
 * per-connection rate limit — and a bad one gets an {@code error} reply while the session stays open.
 * Events are sequence-numbered by the browser and acknowledged once stored; the browser keeps the
 * unacknowledged ones and replays them after a reconnect (the database refuses a repeated seq).
 */
@ApplicationScoped
public class StudentSocket {
    private static final Logger LOG = Logger.getLogger(StudentSocket.class);
    private static final long AUTH_TIMEOUT_MS = 10_000;
    private static final int MAX_TEXT_FIELD = 500;
    private static final Duration EVIDENCE_EVERY = Duration.ofSeconds(20);
    /** Kinds that open a flag: the latest snapshot is kept as evidence when one arrives. */
    private static final Set<String> OPENING = Set.of("visibility.hidden", "focus.lost", "fullscreen.exit", "clipboard.copy",
            "clipboard.cut", "clipboard.paste", "window.small", "screens", "screen.ended", "screen.surface", "camera.ended",
            "camera.muted", "shortcut.print", "shortcut.save");
    static final Map<String, Set<String>> FIELDS = Map.of(
            "auth", Set.of("attemptId", "token", "tab", "takeover"),
            "hb", Set.of("attemptId", "at"),
            "event", Set.of("attemptId", "seq", "kind", "at", "data"),
            // source: "camera" (the default) or "screen" (the tile's screen thumbnail, issue 14)
            "snapshot", Set.of("attemptId", "at", "jpeg", "source"),
            "ack", Set.of("attemptId", "messageId"),
            "answer", Set.of("attemptId", "messageId", "text", "mode"),
            // a proctor's live view (issue 14): this page's answer and candidates, to the proctor socket that asked
            "live.signal", Set.of("attemptId", "to", "data"));

    private final Vertx vertx;
    private final TokenVerifier tokens;
    private final LiveHub hub;
    private final SessionClaims claims;
    private final AttemptDirectory directory;
    private final EventStore store;
    private final ProctorMessages proctors;
    private final ProctoringConfig config;
    private final ObjectMapper json;
    private final SocketGuard guard;

    StudentSocket(Vertx vertx, TokenVerifier tokens, LiveHub hub, SessionClaims claims, AttemptDirectory directory, EventStore store,
                  ProctorMessages proctors, ProctoringConfig config, ObjectMapper json, SocketGuard guard) {
        this.guard = guard;
        this.vertx = vertx;
        this.tokens = tokens;
        this.hub = hub;
        this.claims = claims;
        this.directory = directory;
        this.store = store;
        this.proctors = proctors;
        this.config = config;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route("/ws/attempts/:id").handler(rc -> {
            UUID attemptId;
            try {
                attemptId = UUID.fromString(rc.pathParam("id"));
            } catch (IllegalArgumentException e) {
                rc.response().setStatusCode(400).end();
                return;
            }
            rc.request().toWebSocket()
                    .onSuccess(ws -> new Connection(ws, attemptId).start())
                    .onFailure(e -> LOG.debugf("attempt socket upgrade failed: %s", e.getMessage()));
        });
    }

    /** The largest text message: a snapshot's base64 plus its envelope. */
    int maxSnapshotChars() {
        return config.maxSnapshotBytes() / 3 * 4 + 4 + 512;
    }

    /** One student socket; Vert.x calls its handlers on one event-loop thread, blocking work goes to workers. */
    final class Connection implements LiveHub.StudentClient, SocketGuard.Guarded {
        private final ServerWebSocket ws;
        private final UUID attemptId;
        private final String id = UUID.randomUUID().toString();
        private volatile TokenVerifier.Caller caller;
        private volatile boolean authenticating;
        private volatile boolean closed;
        private volatile boolean replaced;
        private volatile long lastSeenNanos = System.nanoTime();
        private double tokensLeft;
        private long refilledNanos = System.nanoTime();
        private long lastSnapshotNanos;
        private long lastScreenSnapshotNanos;
        private long lastRateErrorNanos;
        private Instant lastEvidence = Instant.EPOCH;
        /** The highest seq accepted on this attempt (from the database at auth, then as events arrive). */
        private long highestSeq;
        private Instant attemptStartedAt;
        private String closeReason = "closed";
        private long watchdog;

        Connection(ServerWebSocket ws, UUID attemptId) {
            this.ws = ws;
            this.attemptId = attemptId;
            this.tokensLeft = config.rateBurst();
        }

        @Override
        public String connectionId() {
            return id;
        }

        void start() {
            ws.textMessageHandler(this::onText);
            ws.binaryMessageHandler(this::onBinary);
            kz.adal.platform.OpenSockets.opened("student");
            ws.closeHandler(v -> {
                kz.adal.platform.OpenSockets.closed("student");
                onClose();
            });
            ws.exceptionHandler(e -> LOG.debugf("attempt socket: %s", e.getMessage()));
            vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
                if (caller == null && !closed) {
                    error("PROCTORING_WS_AUTH_TIMEOUT", "Send {\"type\":\"auth\",…} first");
                    ws.close((short) 4401, "unauthenticated");
                }
            });
            long timeout = config.heartbeatTimeout().toNanos();
            watchdog = vertx.setPeriodic(Math.max(500, config.heartbeatTimeout().toMillis() / 3), t -> {
                if (caller != null && !closed && System.nanoTime() - lastSeenNanos > timeout) {
                    closeReason = "heartbeat-timeout";
                    ws.close((short) 4408, "no heartbeat");
                }
            });
        }

        @Override
        public void send(String text) {
            if (!closed) ws.writeTextMessage(text);
        }

        /** Logged out, suspended or no longer a student: the page shows "signed out" and does not reconnect. */
        @Override
        public void accessEnded(Standing why) {
            closeReason = why.closeReason();
            error("ACCESS_ENDED", "Your session has ended; log in again");
            ws.close(SocketGuard.CLOSE_CODE, why.closeReason());
        }

        @Override
        public void replaced() {
            replaced = true;
            send(json.createObjectNode().put("type", "replaced").toString());
            ws.close((short) 4410, "continued in another tab");
        }

        /** A snapshot as a binary frame ({@link SnapshotFrame}): no JSON, no base64. Nothing else comes as binary. */
        private void onBinary(io.vertx.core.buffer.Buffer b) {
            lastSeenNanos = System.nanoTime();
            if (caller == null) {
                error("PROCTORING_WS_NOT_AUTHENTICATED", "Send auth first");
                return;
            }
            if (!allow()) return;
            if (b.length() > SnapshotFrame.FROM_STUDENT_HEADER + config.maxSnapshotBytes()) {
                error("PROCTORING_WS_TOO_LARGE", "A snapshot frame is at most " + (SnapshotFrame.FROM_STUDENT_HEADER + config.maxSnapshotBytes()) + " bytes");
                return;
            }
            byte[] frame = b.getBytes();
            if (frame.length < SnapshotFrame.FROM_STUDENT_HEADER || (frame[0] != SnapshotFrame.CAMERA && frame[0] != SnapshotFrame.SCREEN)) {
                error("PROCTORING_WS_BINARY", "A binary message is a snapshot frame: source (1 camera, 2 screen), time, JPEG");
                return;
            }
            snapshot(frame[0] == SnapshotFrame.SCREEN, SnapshotFrame.clientAt(frame), frame, SnapshotFrame.FROM_STUDENT_HEADER,
                    frame.length - SnapshotFrame.FROM_STUDENT_HEADER);
        }

        private void onText(String text) {
            lastSeenNanos = System.nanoTime();
            if (text.length() > maxSnapshotChars()) {
                error("PROCTORING_WS_TOO_LARGE", "A message is at most " + maxSnapshotChars() + " characters");
                return;
            }
            if (caller != null && !allow()) return;
            JsonNode msg;
            try {
                msg = json.readTree(text);
            } catch (Exception e) {
                error("PROCTORING_WS_MALFORMED", "The message is not JSON");
                return;
            }
            if (msg == null || !msg.isObject() || !msg.path("type").isTextual()) {
                error("PROCTORING_WS_SCHEMA", "A message is a JSON object with a string \"type\"");
                return;
            }
            String type = msg.get("type").asText();
            Set<String> allowed = FIELDS.get(type);
            if (allowed == null) {
                error("PROCTORING_WS_UNKNOWN_TYPE", "Unknown message type " + clip(type));
                return;
            }
            if (!type.equals("snapshot") && text.length() > (type.equals("live.signal") ? 16384 : config.maxMessageChars())) {
                error("PROCTORING_WS_TOO_LARGE", "A " + clip(type) + " message is at most " + config.maxMessageChars() + " characters");
                return;
            }
            for (Iterator<String> it = msg.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("type") && !allowed.contains(f)) {
                    error("PROCTORING_WS_SCHEMA", "Unexpected field " + clip(f) + " in " + type);
                    return;
                }
            }
            if (!attemptId.toString().equals(msg.path("attemptId").asText())) {
                error("PROCTORING_WS_WRONG_ATTEMPT", "This socket belongs to another attempt");
                return;
            }
            if (type.equals("auth")) {
                auth(msg);
                return;
            }
            if (caller == null) {
                error("PROCTORING_WS_NOT_AUTHENTICATED", "Send auth first");
                return;
            }
            switch (type) {
                case "hb" -> send(json.createObjectNode().put("type", "hb").put("serverNow", hub.now().toString()).toString());
                case "event" -> event(msg);
                case "snapshot" -> snapshot(msg);
                case "ack" -> messageReply(msg, false);
                case "answer" -> messageReply(msg, true);
                case "live.signal" -> {
                    if (!msg.path("to").isTextual() || !msg.path("data").isObject()) {
                        error("PROCTORING_WS_SCHEMA", "live.signal needs \"to\" and an object \"data\"");
                        return;
                    }
                    hub.liveToProctor(attemptId, msg.get("to").asText(), msg.get("data"));
                }
                default -> error("PROCTORING_WS_UNKNOWN_TYPE", "Unknown message type");
            }
        }

        /** Token bucket per connection: a flood is refused message by message; the session stays. */
        private boolean allow() {
            long now = System.nanoTime();
            tokensLeft = Math.min(config.rateBurst(), tokensLeft + (now - refilledNanos) / 1e9 * config.ratePerSecond());
            refilledNanos = now;
            if (tokensLeft >= 1) {
                tokensLeft -= 1;
                return true;
            }
            if (now - lastRateErrorNanos > 1_000_000_000L) {
                lastRateErrorNanos = now;
                error("PROCTORING_WS_RATE_LIMITED", "Too many messages; slow down (at most " + config.ratePerSecond() + " a second)");
            }
            return false;
        }

        private void auth(JsonNode msg) {
            if (caller != null || authenticating) {
                error("PROCTORING_WS_ALREADY_AUTHENTICATED", "Already authenticated");
                return;
            }
            if (!msg.path("token").isTextual() || !msg.path("tab").isTextual() || msg.get("tab").asText().length() > 64) {
                error("PROCTORING_WS_SCHEMA", "auth needs a string token and a tab id (at most 64 characters)");
                return;
            }
            authenticating = true;
            String tab = msg.get("tab").asText();
            boolean takeover = msg.path("takeover").asBoolean(false);
            String token = msg.get("token").asText();
            vertx.executeBlocking(() -> authorise(token, tab, takeover), false).onComplete(ar -> {
                authenticating = false;
                if (ar.failed()) {
                    LOG.errorf(ar.cause(), "attempt socket auth");
                    error("PROCTORING_WS_SERVER_ERROR", "Could not open the session; try again");
                    ws.close((short) 1011, "server error");
                    return;
                }
                Ready r = ar.result();
                if (r.code != null) {
                    error(r.code, r.message);
                    ws.close((short) r.closeCode, r.code);
                    return;
                }
                if (closed) { // the browser left while we were checking
                    vertx.executeBlocking(() -> release(), false);
                    return;
                }
                caller = r.caller;
                highestSeq = r.lastSeq;
                attemptStartedAt = r.startedAt;
                lastSeenNanos = System.nanoTime();
                guard.watch(this, caller, Set.of(Role.STUDENT));
                hub.studentConnected(attemptId, this);
                if (r.replaced != null) hub.replaced(attemptId, r.replaced);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("node", hub.node());
                data.put("tab", tab);
                if (takeover && r.replaced != null) data.put("takeover", true);
                hub.recordServerEvent(attemptId, "connection.opened", data);  // before "ready": it precedes every event of this connection
                ObjectNode ready = json.createObjectNode().put("type", "ready").put("attemptId", attemptId.toString())
                        .put("lastSeq", r.lastSeq).put("serverNow", hub.now().toString()).put("state", r.state.name())
                        .put("heartbeatEverySeconds", config.heartbeatEvery().toSeconds())
                        .put("snapshotEverySeconds", config.snapshotEvery().toSeconds())
                        .put("screenSnapshotEverySeconds", config.screenSnapshotEvery().toSeconds())
                        .put("liveViewKbps", config.liveViewKbps())
                        .put("windowMinFraction", config.windowMinFraction()).put("node", hub.node());
                send(ready.toString());
                r.pending.forEach(m -> send(m.toString()));
            });
        }

        private record Ready(TokenVerifier.Caller caller, String code, String message, int closeCode, String replaced, long lastSeq,
                             AttemptState state, java.util.List<ObjectNode> pending, Instant startedAt) {
            static Ready refused(String code, String message, int closeCode) {
                return new Ready(null, code, message, closeCode, null, 0, null, java.util.List.of(), null);
            }
        }

        private Ready authorise(String token, String tab, boolean takeover) {
            Optional<TokenVerifier.Caller> c = tokens.verify(token);
            if (c.isEmpty()) return Ready.refused("PROCTORING_WS_UNAUTHENTICATED", "The token is not valid", 4401);
            Optional<AttemptFacts> f = directory.facts(attemptId);
            // another student's attempt is answered like a missing one
            if (!c.get().has(Role.STUDENT) || f.isEmpty() || !f.get().studentId().equals(c.get().userId())) {
                return Ready.refused("PROCTORING_WS_NOT_FOUND", "Attempt not found", 4404);
            }
            AttemptState state = f.get().state();
            if (state != AttemptState.IN_PROGRESS && state != AttemptState.SUSPENDED) {
                return Ready.refused("PROCTORING_WS_NOT_RUNNING", "The attempt is " + state, 4409);
            }
            SessionClaims.Claim claim = claims.claim(attemptId, tab, id, hub.node(), takeover, hub.now(), config.heartbeatTimeout().multipliedBy(2));
            if (!claim.taken()) {
                return Ready.refused("PROCTORING_SESSION_ELSEWHERE", "This exam is open in another tab or window; take over to continue here", 4409);
            }
            java.util.List<ObjectNode> pending = proctors.pendingFor(attemptId).stream().map(proctors::studentMessage).toList();
            Instant startedAt = f.get().clock() == null ? null : f.get().clock().startedAt();
            return new Ready(c.get(), null, null, 0, claim.replacedConnection(), store.lastSeq(attemptId), state, pending, startedAt);
        }

        private void event(JsonNode msg) {
            JsonNode seqNode = msg.get("seq");
            if (seqNode == null || !seqNode.canConvertToLong() || !seqNode.isIntegralNumber() || seqNode.asLong() < 1) {
                error("PROCTORING_WS_SCHEMA", "seq must be a positive whole number");
                return;
            }
            long seq = seqNode.asLong();
            if (!EventBounds.DEFAULT.seqAcceptable(seq, highestSeq)) {
                error("PROCTORING_WS_SEQ_OUT_OF_RANGE", "seq may run at most " + EventBounds.DEFAULT.seqWindow()
                        + " ahead of the last accepted one (" + highestSeq + ")", seq);
                return;
            }
            String kind = msg.path("kind").asText();
            Set<String> dataFields = EventKinds.CLIENT.get(kind);
            if (dataFields == null) {
                error("PROCTORING_WS_UNKNOWN_KIND", "Unknown event kind " + clip(kind), seq);
                return;
            }
            Instant clientAt;
            try {
                clientAt = msg.hasNonNull("at") ? Instant.parse(msg.get("at").asText()) : null;
            } catch (DateTimeParseException e) {
                error("PROCTORING_WS_SCHEMA", "at must be an ISO-8601 instant", seq);
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            JsonNode d = msg.get("data");
            if (d != null && !d.isNull()) {
                if (!d.isObject()) {
                    error("PROCTORING_WS_SCHEMA", "data must be an object", seq);
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    if (!dataFields.contains(e.getKey()) || !(v.isNumber() || v.isBoolean() || v.isTextual())
                            || (v.isTextual() && v.asText().length() > MAX_TEXT_FIELD)) {
                        error("PROCTORING_WS_SCHEMA", "Unexpected data " + clip(e.getKey()) + " for " + kind, seq);
                        return;
                    }
                    data.put(e.getKey(), v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.asText());
                }
            }
            Instant now = hub.now();
            Instant believed = EventBounds.DEFAULT.believedClientTime(clientAt, now, attemptStartedAt);
            if (clientAt != null && believed == null) {
                // kept for the reviewer, never used for timing
                data.put("clientTimeIgnored", clip(clientAt.toString()));
            }
            highestSeq = Math.max(highestSeq, seq);
            LiveEvent e = new LiveEvent(UUID.randomUUID(), attemptId, seq, kind, believed, now, data);
            hub.record(e, outcome -> {
                if (outcome == EventStore.Outcome.FAILED) return; // not acknowledged: the browser sends it again
                send(json.createObjectNode().put("type", "ack").put("seq", seq)
                        .put("duplicate", outcome == EventStore.Outcome.DUPLICATE).toString());
                if (outcome == EventStore.Outcome.STORED && OPENING.contains(kind) && now.isAfter(lastEvidence.plus(EVIDENCE_EVERY))) {
                    lastEvidence = now;
                    hub.keepEvidence(attemptId, kind);
                }
            });
        }

        /** The JSON form ({@code jpeg} in base64), still accepted from pages loaded before binary frames. */
        private void snapshot(JsonNode msg) {
            String source = msg.path("source").asText("camera");
            boolean screen = source.equals("screen");
            if (!screen && !source.equals("camera")) {
                error("PROCTORING_WS_SCHEMA", "source is camera or screen");
                return;
            }
            byte[] jpeg;
            try {
                jpeg = Base64.getDecoder().decode(msg.path("jpeg").asText(""));
            } catch (IllegalArgumentException e) {
                error("PROCTORING_WS_SCHEMA", "jpeg must be base64");
                return;
            }
            Instant clientAt;
            try {
                clientAt = msg.hasNonNull("at") ? Instant.parse(msg.get("at").asText()) : null;
            } catch (DateTimeParseException e) {
                clientAt = null;
            }
            snapshot(screen, clientAt, jpeg, 0, jpeg.length);
        }

        private void snapshot(boolean screen, Instant clientAt, byte[] jpeg, int offset, int length) {
            long now = System.nanoTime();
            // at most twice the fastest rate a proctor can ask for (the screen: twice its own low rate)
            long minGap = Math.max(500, (screen ? config.screenSnapshotEvery() : config.focusedSnapshotEvery()).toMillis() / 2) * 1_000_000L;
            long last = screen ? lastScreenSnapshotNanos : lastSnapshotNanos;
            if (last != 0 && now - last < minGap) {
                error("PROCTORING_WS_SNAPSHOT_TOO_FREQUENT", "Snapshots come at most every " + minGap / 1_000_000 + " ms");
                return;
            }
            if (length < 4 || length > config.maxSnapshotBytes() || (jpeg[offset] & 0xff) != 0xFF || (jpeg[offset + 1] & 0xff) != 0xD8) {
                error("PROCTORING_WS_SNAPSHOT_INVALID", "A snapshot is a JPEG of at most " + config.maxSnapshotBytes() + " bytes");
                return;
            }
            clientAt = EventBounds.DEFAULT.believedClientTime(clientAt, hub.now(), attemptStartedAt);
            if (screen) lastScreenSnapshotNanos = now;
            else lastSnapshotNanos = now;
            hub.snapshot(attemptId, screen, clientAt, jpeg, offset, length);
        }

        private void messageReply(JsonNode msg, boolean answer) {
            UUID messageId;
            try {
                messageId = UUID.fromString(msg.path("messageId").asText());
            } catch (IllegalArgumentException e) {
                error("PROCTORING_WS_SCHEMA", "messageId must be a UUID");
                return;
            }
            String text = msg.path("text").asText("");
            if (text.length() > ProctorChecks.MAX_TEXT) {
                error("PROCTORING_WS_SCHEMA", "The answer is at most " + ProctorChecks.MAX_TEXT + " characters");
                return;
            }
            String mode = msg.path("mode").asText("TEXT");
            vertx.executeBlocking(() -> answer ? proctors.answer(attemptId, messageId, text, mode) : proctors.acknowledge(attemptId, messageId), false)
                    .onComplete(ar -> {
                        if (ar.succeeded() && Boolean.TRUE.equals(ar.result())) {
                            send(json.createObjectNode().put("type", "acked").put("messageId", messageId.toString()).toString());
                        } else {
                            error("PROCTORING_WS_MESSAGE_UNKNOWN", "No such message for this attempt");
                        }
                    });
        }

        private void onClose() {
            closed = true;
            guard.forget(this);
            vertx.cancelTimer(watchdog);
            if (caller == null || replaced) return;
            hub.studentGone(attemptId, this);
            String reason = closeReason;
            vertx.executeBlocking(() -> {
                if (claims.release(attemptId, id)) hub.recordServerEvent(attemptId, "connection.closed", Map.of("reason", reason));
                return null;
            }, false);
        }

        private Object release() {
            claims.release(attemptId, id);
            return null;
        }

        private void error(String code, String message) {
            error(code, message, null);
        }

        private void error(String code, String message, Long seq) {
            ObjectNode e = json.createObjectNode().put("type", "error").put("code", code).put("message", message);
            if (seq != null) e.put("seq", seq);
            send(e.toString());
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
