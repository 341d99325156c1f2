package kz.adal.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kurento path's contract, without a Kurento server: a fake JSON-RPC 2.0 WebSocket server answers like KMS
 * 7 and records every message, so the test asserts what the client sends and in which order.
 */
class KurentoClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vertx vertx;
    private HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger objects = new AtomicInteger();
    private URI uri;

    @BeforeEach
    void startFakeKurento() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(req -> req.toWebSocket().onSuccess(this::serve).onFailure(e -> req.response().setStatusCode(400).end()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        uri = URI.create("ws://127.0.0.1:" + server.actualPort() + "/kurento");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Answers like KMS: ids for created objects, an SDP answer, an ICE candidate event after gatherCandidates. */
    private void serve(ServerWebSocket ws) {
        ws.textMessageHandler(text -> {
            try {
                JsonNode msg = JSON.readTree(text);
                received.add(msg);
                JsonNode params = msg.path("params");
                ObjectNode result = JSON.createObjectNode().put("sessionId", "session-1");
                String method = msg.path("method").asText();
                if (method.equals("invoke") && params.path("object").asText().equals("missing")) {
                    ObjectNode error = JSON.createObjectNode().put("code", 40101).put("message", "Object 'missing' not found");
                    ws.writeTextMessage(JSON.writeValueAsString(JSON.createObjectNode().put("jsonrpc", "2.0")
                            .put("id", msg.get("id").asLong()).set("error", error)));
                    return;
                }
                switch (method) {
                    case "create" -> result.put("value", params.path("type").asText() + "-" + objects.incrementAndGet());
                    case "subscribe" -> result.put("value", "subscription-" + objects.incrementAndGet());
                    case "invoke" -> {
                        if (params.path("operation").asText().equals("processOffer")) result.put("value", "v=0 answer-for-" + params.path("object").asText());
                    }
                    default -> { }
                }
                ws.writeTextMessage(JSON.writeValueAsString(JSON.createObjectNode().put("jsonrpc", "2.0")
                        .put("id", msg.get("id").asLong()).set("result", result)));
                if (method.equals("invoke") && params.path("operation").asText().equals("gatherCandidates")) {
                    String endpoint = params.path("object").asText();
                    ObjectNode data = JSON.createObjectNode();
                    data.putObject("candidate").put("candidate", "candidate:1 1 UDP 2122252543 10.0.0.5 40000 typ host")
                            .put("sdpMid", "0").put("sdpMLineIndex", 0);
                    ObjectNode value = JSON.createObjectNode().put("object", endpoint).put("type", "IceCandidateFound");
                    value.set("data", data);
                    ObjectNode event = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "onEvent");
                    event.putObject("params").set("value", value);
                    ws.writeTextMessage(JSON.writeValueAsString(event));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> calls() {
        return received.stream().map(m -> {
            JsonNode p = m.path("params");
            return switch (m.path("method").asText()) {
                case "create" -> "create " + p.path("type").asText();
                case "invoke" -> "invoke " + p.path("operation").asText() + " on " + p.path("object").asText();
                case "subscribe" -> "subscribe " + p.path("type").asText() + " on " + p.path("object").asText();
                case "release" -> "release " + p.path("object").asText();
                default -> m.path("method").asText();
            };
        }).toList();
    }

    @Test
    void publishesARecordedTrackLetsAProctorWatchAndReleasesEverything() throws Exception {
        UUID attempt = UUID.fromString("11111111-2222-4333-8444-555555555555");
        KurentoLiveMedia live = new KurentoLiveMedia(() -> KurentoClient.connect(uri, Duration.ofSeconds(5)), "file:///srv/kurento/");

        LiveMediaProvider.Answer published = live.publish(attempt, TrackKind.CAMERA, "v=0 offer-from-student");
        assertEquals("v=0 answer-for-WebRtcEndpoint-2", published.sdp());
        LiveMediaProvider.Answer watched = live.view(attempt, TrackKind.CAMERA, "v=0 offer-from-proctor");
        assertEquals("v=0 answer-for-WebRtcEndpoint-5", watched.sdp());
        live.addCandidate(watched.sessionKey(), new KurentoClient.IceCandidate("candidate:2 1 UDP 1 10.0.0.9 5000 typ host", "0", 0));
        live.stop(attempt);

        assertEquals(List.of(
                "create MediaPipeline",
                "create WebRtcEndpoint",
                "create RecorderEndpoint",
                "subscribe IceCandidateFound on WebRtcEndpoint-2",
                "invoke connect on WebRtcEndpoint-2",
                "invoke processOffer on WebRtcEndpoint-2",
                "invoke gatherCandidates on WebRtcEndpoint-2",
                "invoke record on RecorderEndpoint-3",
                "create WebRtcEndpoint",
                "subscribe IceCandidateFound on WebRtcEndpoint-5",
                "invoke connect on WebRtcEndpoint-2",
                "invoke processOffer on WebRtcEndpoint-5",
                "invoke gatherCandidates on WebRtcEndpoint-5",
                "invoke addIceCandidate on WebRtcEndpoint-5",
                "invoke stop on RecorderEndpoint-3",
                "release MediaPipeline-1"), calls());

        JsonNode recorder = received.get(2).path("params").path("constructorParams");
        assertEquals("MediaPipeline-1", recorder.path("mediaPipeline").asText());
        assertEquals("file:///srv/kurento/" + attempt + "/camera.webm", recorder.path("uri").asText());
        assertEquals("WEBM", recorder.path("mediaProfile").asText());
        assertEquals("WebRtcEndpoint-5", received.get(10).path("params").path("operationParams").path("sink").asText(),
                "the viewer is fed from the student's endpoint");
        assertEquals("v=0 offer-from-proctor", received.get(11).path("params").path("operationParams").path("offer").asText());
        for (JsonNode m : received) {
            assertEquals("2.0", m.path("jsonrpc").asText());
        }
        // after the first answer every call carries the session id KMS gave
        assertTrue(received.subList(1, received.size()).stream().allMatch(m -> m.path("params").path("sessionId").asText().equals("session-1")));
        // Kurento's ICE candidates reach the browser (trickle)
        List<KurentoClient.IceCandidate> found = new java.util.ArrayList<>(published.candidates());
        if (found.isEmpty()) found.addAll(waitForCandidates(live, published.sessionKey()));
        assertEquals("candidate:1 1 UDP 2122252543 10.0.0.5 40000 typ host", found.get(0).candidate());
        assertEquals(0, found.get(0).sdpMLineIndex());
    }

    private static List<KurentoClient.IceCandidate> waitForCandidates(KurentoLiveMedia live, String key) {
        List<KurentoClient.IceCandidate> all = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> all.addAll(live.candidates(key)));
        return all;
    }

    @Test
    void aKurentoErrorBecomesAMediaException() {
        try (KurentoClient client = KurentoClient.connect(uri, Duration.ofSeconds(5))) {
            MediaException e = assertThrows(MediaException.class, () -> client.record("missing"));
            assertTrue(e.getMessage().contains("Object 'missing' not found"), e.getMessage());
            assertTrue(e.getMessage().contains("40101"));
            client.ping();
            assertEquals("ping", received.get(received.size() - 1).path("method").asText());
        }
    }

    @Test
    void anUnreachableServerIsReportedNotHung() {
        MediaException e = assertThrows(MediaException.class,
                () -> KurentoClient.connect(URI.create("ws://127.0.0.1:9/kurento"), Duration.ofSeconds(2)));
        assertEquals(MediaError.STORAGE_FAILURE, e.code());
        assertEquals(false, new NoLiveMedia().available());
    }
}
