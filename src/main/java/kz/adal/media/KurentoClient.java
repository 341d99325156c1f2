package kz.adal.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A small client for Kurento Media Server's JSON-RPC 2.0 protocol over a WebSocket (the protocol the official
 * {@code kurento-client} speaks: {@code create}, {@code invoke}, {@code subscribe}, {@code release},
 * {@code ping}; server events arrive as {@code onEvent}). Only what recording and the live view need; written
 * here rather than adding the SDK, which brings its own JSON-RPC and WebSocket stack for these few calls.
 *
 * <p>Verified against a fake JSON-RPC server in the tests (the messages and their order), <em>not</em> against a
 * real KMS: none can be installed on the build machines (docs/media.md "Kurento").
 */
public final class KurentoClient implements AutoCloseable {

    /** An ICE candidate as WebRTC's RTCIceCandidateInit. */
    public record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> listeners = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final WebSocket socket;
    private volatile String sessionId;

    private KurentoClient(WebSocket socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** Connects to {@code ws://host:8888/kurento}. */
    public static KurentoClient connect(URI uri, Duration timeout) {
        KurentoClient[] holder = new KurentoClient[1];
        Listener listener = new Listener(holder);
        try {
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(uri, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            KurentoClient client = new KurentoClient(ws, timeout);
            holder[0] = client;
            listener.ready.complete(null);
            return client;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaError.STORAGE_FAILURE, "Interrupted while connecting to Kurento", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot reach Kurento at " + uri + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- the calls

    /** {@code create MediaPipeline}: returns the pipeline's object id. */
    public String createPipeline() {
        return create("MediaPipeline", Map.of());
    }

    public String createWebRtcEndpoint(String pipeline) {
        return create("WebRtcEndpoint", Map.of("mediaPipeline", pipeline));
    }

    /** A recorder writing WebM (VP8/Opus) to {@code uri}, e.g. {@code file:///recordings/<attempt>/camera.webm}. */
    public String createRecorder(String pipeline, String uri) {
        return create("RecorderEndpoint", Map.of("mediaPipeline", pipeline, "uri", uri, "mediaProfile", "WEBM",
                "stopOnEndOfStream", true));
    }

    /** Media flows from {@code source} to {@code sink}. */
    public void connect(String source, String sink) {
        invoke(source, "connect", Map.of("sink", sink));
    }

    /** The browser's SDP offer in, Kurento's answer out. */
    public String processOffer(String endpoint, String offer) {
        return invoke(endpoint, "processOffer", Map.of("offer", offer)).asText();
    }

    public void gatherCandidates(String endpoint) {
        invoke(endpoint, "gatherCandidates", Map.of());
    }

    public void addIceCandidate(String endpoint, IceCandidate c) {
        invoke(endpoint, "addIceCandidate", Map.of("candidate",
                Map.of("candidate", c.candidate(), "sdpMid", c.sdpMid(), "sdpMLineIndex", c.sdpMLineIndex())));
    }

    /** Kurento's own ICE candidates for an endpoint, as they are found (trickle ICE). */
    public void onIceCandidate(String endpoint, Consumer<IceCandidate> consumer) {
        subscribe(endpoint, "IceCandidateFound", data -> {
            JsonNode c = data.path("candidate");
            consumer.accept(new IceCandidate(c.path("candidate").asText(), c.path("sdpMid").asText(), c.path("sdpMLineIndex").asInt()));
        });
    }

    public void record(String recorder) {
        invoke(recorder, "record", Map.of());
    }

    public void stop(String recorder) {
        invoke(recorder, "stop", Map.of());
    }

    /** Releases an object; releasing a pipeline releases everything in it. */
    public void release(String object) {
        ObjectNode params = json.createObjectNode().put("object", object);
        call("release", params);
    }

    public void ping() {
        call("ping", json.createObjectNode().put("interval", 240000));
    }

    // ---------------------------------------------------------------- the protocol

    private String create(String type, Map<String, Object> constructorParams) {
        ObjectNode params = json.createObjectNode().put("type", type);
        params.set("constructorParams", json.valueToTree(constructorParams));
        params.set("properties", json.createObjectNode());
        return call("create", params).path("value").asText();
    }

    private JsonNode invoke(String object, String operation, Map<String, Object> operationParams) {
        ObjectNode params = json.createObjectNode().put("object", object).put("operation", operation);
        if (!operationParams.isEmpty()) params.set("operationParams", json.valueToTree(operationParams));
        return call("invoke", params).path("value");
    }

    private void subscribe(String object, String type, Consumer<JsonNode> handler) {
        listeners.put(object + "/" + type, handler);
        ObjectNode params = json.createObjectNode().put("type", type).put("object", object);
        call("subscribe", params);
    }

    private JsonNode call(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        if (sessionId != null && !params.has("sessionId")) params.put("sessionId", sessionId);
        ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        request.set("params", params);
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        calls.put(id, result);
        try {
            synchronized (socket) {
                socket.sendText(json.writeValueAsString(request), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonNode r = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.hasNonNull("sessionId")) sessionId = r.get("sessionId").asText();
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaError.STORAGE_FAILURE, "Interrupted during Kurento " + method, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof MediaException m ? m
                    : new MediaException(MediaError.STORAGE_FAILURE, "Kurento " + method + " failed: " + cause.getMessage(), cause);
        } catch (TimeoutException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Kurento " + method + " gave no answer in " + timeout, e);
        } finally {
            calls.remove(id);
        }
    }

    void received(String text) {
        JsonNode msg;
        try {
            msg = json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // not JSON: ignore
        }
        if (msg.has("id") && (msg.has("result") || msg.has("error"))) {
            CompletableFuture<JsonNode> f = calls.get(msg.get("id").asLong());
            if (f == null) return;
            if (msg.has("error")) {
                JsonNode err = msg.get("error");
                f.completeExceptionally(new MediaException(MediaError.STORAGE_FAILURE,
                        "Kurento refused: " + err.path("message").asText() + " (" + err.path("code").asInt() + ")"));
            } else {
                f.complete(msg.get("result"));
            }
        } else if ("onEvent".equals(msg.path("method").asText())) {
            JsonNode value = msg.path("params").path("value");
            String key = value.path("object").asText() + "/" + value.path("type").asText();
            Consumer<JsonNode> l = listeners.get(key);
            if (l != null) l.accept(value.path("data"));
        }
    }

    public String sessionId() {
        return sessionId;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    private static final class Listener implements WebSocket.Listener {
        private final KurentoClient[] holder;
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        Listener(KurentoClient[] holder) {
            this.holder = holder;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            webSocket.request(1);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                ready.thenRun(() -> Objects.requireNonNull(holder[0]).received(text));
            }
            return null;
        }
    }
}
