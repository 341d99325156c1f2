package kz.adal.testing;

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

/**
 * A test client for the app's JSON WebSockets (live proctoring, the oral room): the JDK's WebSocket, every
 * message parsed and queued so a test can wait for the one it expects.
 */
public class JsonSocket implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    /** Completes with the close status (-1 on a transport error). */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The reason the server gave with its close frame. */
    public volatile String closeReason;
    private final WebSocket ws;

    protected JsonSocket(URL base, String pathAndQuery) throws Exception {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + pathAndQuery);
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

            final java.io.ByteArrayOutputStream bin = new java.io.ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onBinary(WebSocket w, java.nio.ByteBuffer data, boolean last) {
                byte[] part = new byte[data.remaining()];
                data.get(part);
                bin.writeBytes(part);
                if (last) {
                    inbox.add(binary(bin.toByteArray()));
                    bin.reset();
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                closeReason = reason;
                closed.complete(status);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed.complete(-1);
            }
        }).get(5, TimeUnit.SECONDS);
    }

    /** A binary message as the tests read it; a socket with a binary format of its own decodes it here. */
    protected JsonNode binary(byte[] message) {
        return JSON.createObjectNode().put("type", "binary").put("bytes", message.length);
    }

    public void sendBinary(byte[] message) {
        ws.sendBinary(java.nio.ByteBuffer.wrap(message), true).join();
    }

    public static boolean type(JsonNode m, String type) {
        return m.path("type").asText().equals(type);
    }

    public void send(String text) {
        ws.sendText(text, true).join();
    }

    public void send(Map<String, ?> message) {
        try {
            send(JSON.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
        return await(p, 10);
    }

    /** The next message satisfying p; the ones passed over are dropped (and named if none matches). */
    public JsonNode await(Predicate<JsonNode> p, int seconds) throws InterruptedException {
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

    public JsonNode error(String code) throws InterruptedException {
        return await(m -> type(m, "error") && m.path("code").asText().equals(code));
    }

    public void drain() {
        inbox.clear();
    }

    public boolean isOpen() {
        return !closed.isDone() && !ws.isInputClosed();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
