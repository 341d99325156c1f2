package kz.adal.oral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client for /ws/oral/{sitting}: the JDK's WebSocket, messages queued for assertions. */
final class RoomSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;

    private RoomSocket(URL base, String sittingId, String query) throws Exception {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/oral/" + sittingId + query);
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
        }).get(5, TimeUnit.SECONDS);
    }

    /** Opens with ?token= and waits for the welcome. */
    static RoomSocket join(URL base, String sittingId, String token) throws Exception {
        RoomSocket s = new RoomSocket(base, sittingId, "?token=" + token);
        s.await(m -> m.path("type").asText().equals("welcome"));
        return s;
    }

    /** Opens without a token (it must then come as the first message). */
    static RoomSocket open(URL base, String sittingId) throws Exception {
        return new RoomSocket(base, sittingId, "");
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<JsonNode> seen = new ArrayList<>();
        while (System.nanoTime() < until) {
            JsonNode m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (m == null) continue;
            if (p.test(m)) return m;
            seen.add(m);
        }
        throw new AssertionError("no matching message in 10 s; saw types " + seen.stream().map(m -> m.path("type").asText()).toList());
    }

    JsonNode error(String code) throws InterruptedException {
        return await(m -> m.path("type").asText().equals("error") && m.path("code").asText().equals(code));
    }

    /** The next state whose view satisfies p. */
    JsonNode state(Predicate<JsonNode> p) throws InterruptedException {
        return await(m -> m.path("type").asText().equals("state") && p.test(m.path("view")));
    }

    boolean isOpen() {
        return !closed.isDone() && !ws.isInputClosed();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
