package kz.adal.proctoring;

import kz.adal.proctoring.live.SnapshotFrame;
import com.fasterxml.jackson.databind.JsonNode;
import kz.adal.testing.JsonSocket;

import java.net.URL;
import java.util.Map;
import java.util.function.Predicate;

/** A test client for the live sockets: a student's /ws/attempts/{id} and the proctor's /ws/proctor. */
final class LiveSocket extends JsonSocket {

    LiveSocket(URL base, String path) throws Exception {
        super(base, path);
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

    /**
     * A snapshot frame from the server ({@link SnapshotFrame}), read back into the fields the tests compare:
     * {@code {"type":"snapshot","attemptId","at","jpeg" (base64),"source":"screen" (screen only)}}.
     */
    @Override
    protected JsonNode binary(byte[] m) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(m);
        byte source = b.get();
        java.util.UUID attempt = new java.util.UUID(b.getLong(), b.getLong());
        java.time.Instant at = java.time.Instant.ofEpochMilli(b.getLong());
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode().put("type", "snapshot").put("attemptId", attempt.toString())
                .put("at", at.toString()).put("jpeg", java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(m, SnapshotFrame.TO_PROCTOR_HEADER, m.length)));
        if (source == SnapshotFrame.SCREEN) o.put("source", "screen");
        return o;
    }

    /** A snapshot as the page sends it: one binary frame (source, the browser's time, the JPEG). */
    void snapshot(boolean screen, byte[] jpeg) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SnapshotFrame.FROM_STUDENT_HEADER + jpeg.length);
        b.put(screen ? SnapshotFrame.SCREEN : SnapshotFrame.CAMERA).putLong(System.currentTimeMillis()).put(jpeg);
        sendBinary(b.array());
    }

    /** Sends a client event with this seq. */
    void event(String attemptId, long seq, String kind, Map<String, ?> data) {
        send(Map.of("type", "event", "attemptId", attemptId, "seq", seq, "kind", kind,
                "at", java.time.Instant.now().toString(), "data", data));
    }

    JsonNode ack(long seq) throws InterruptedException {
        return await(m -> type(m, "ack") && m.path("seq").asLong() == seq);
    }

    /** The next tile of this attempt that satisfies p. */
    JsonNode tile(String attemptId, Predicate<JsonNode> p) throws InterruptedException {
        return await(m -> type(m, "tile") && m.path("tile").path("attemptId").asText().equals(attemptId) && p.test(m.path("tile")), 15)
                .path("tile");
    }
}
