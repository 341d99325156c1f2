package kz.adal.proctoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client for the live sockets: the JDK's WebSocket, messages queued for assertions. */
final class LiveSocket implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;

    LiveSocket(URL base, String path) throws Exception {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + path);
        ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, new WebSocket.Listener() {
            final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    try {
                        inbox.add(JSON.readTree(buf.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    buf.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                closed.complete(status);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed.complete(-1);
            }
        }).get(5, TimeUnit.SECONDS);
    }

    /** A student's socket, authenticated, after {@code ready}. */
    static LiveSocket student(URL base, String attemptId, String token, String tab) throws Exception {
        LiveSocket s = new LiveSocket(base, "/ws/attempts/" + attemptId);
        s.send(Map.of("type", "auth", "attemptId", attemptId, "token", token, "tab", tab));
        return s;
    }

    static LiveSocket proctor(URL base, String token) throws Exception {
        LiveSocket s = new LiveSocket(base, "/ws/proctor");
        s.send(Map.of("type", "auth", "token", token));
        s.await(m -> type(m, "ready"));
        return s;
    }

    static boolean type(JsonNode m, String type) {
        return m.path("type").asText().equals(type);
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    void send(Map<String, ?> message) {
        try {
            send(JSON.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a client event with this seq. */
    void event(String attemptId, long seq, String kind, Map<String, ?> data) {
        send(Map.of("type", "event", "attemptId", attemptId, "seq", seq, "kind", kind,
                "at", java.time.Instant.now().toString(), "data", data));
    }

    JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
        return await(p, 10);
    }

    JsonNode await(Predicate<JsonNode> p, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < until) {
            JsonNode m = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (m == null) continue;
            if (p.test(m)) return m;
            seen.add(m.path("type").asText() + (m.has("code") ? ":" + m.get("code").asText() : ""));
        }
        throw new AssertionError("no matching message in " + seconds + " s; saw " + seen);
    }

    JsonNode error(String code) throws InterruptedException {
        return await(m -> type(m, "error") && m.path("code").asText().equals(code));
    }

    JsonNode ack(long seq) throws InterruptedException {
        return await(m -> type(m, "ack") && m.path("seq").asLong() == seq);
    }

    /** The next tile of this attempt that satisfies p. */
    JsonNode tile(String attemptId, Predicate<JsonNode> p) throws InterruptedException {
        return await(m -> type(m, "tile") && m.path("tile").path("attemptId").asText().equals(attemptId) && p.test(m.path("tile")), 15)
                .path("tile");
    }

    void drain() {
        inbox.clear();
    }

    boolean isOpen() {
        return !closed.isDone() && !ws.isInputClosed();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
