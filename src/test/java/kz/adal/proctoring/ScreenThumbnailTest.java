package kz.adal.proctoring;

import kz.adal.proctoring.live.SnapshotStore;
import kz.adal.proctoring.live.MemorySnapshotStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tile's screen thumbnail (issue 14): the student's page sends it on the snapshot stream with
 * {@code source: "screen"} at its own low rate; the console gets it apart from the camera snapshot, a proctor who
 * connects later gets the latest at once, it never becomes a camera snapshot (no face check, no flag evidence),
 * and it opens no flag.
 */
@QuarkusTest
class ScreenThumbnailTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    SnapshotStore snapshots;

    @Inject
    MemorySnapshotStore memory;

    static byte[] raw(int marker) {
        return new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, (byte) marker, 2, 3};
    }

    static String jpeg(int marker) {
        return Base64.getEncoder().encodeToString(raw(marker));
    }

    @Test
    void aScreenThumbnailReachesTheTileApartFromTheCameraAndOnlyTheLatestIsKept() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        UUID id = UUID.fromString(a);
        try (LiveSocket console = LiveSocket.proctor(base, proctor.token());
             LiveSocket student = LiveSocket.student(base, a, s.student().token(), "tab-1")) {
            JsonNode ready = student.await(m -> LiveSocket.type(m, "ready"));
            assertTrue(ready.path("screenSnapshotEverySeconds").asLong() >= 15, "its own low rate: " + ready);
            console.tile(a, t -> t.path("connection").asText().equals("online"));

            // as the page sends it: a binary frame, and to the console as one (LiveSocket reads it back)
            student.snapshot(true, raw(1));
            JsonNode got = console.await(m -> LiveSocket.type(m, "snapshot") && m.path("attemptId").asText().equals(a));
            assertEquals("screen", got.path("source").asText(), got.toString());
            assertEquals(jpeg(1), got.path("jpeg").asText());
            // not a camera snapshot: the face checks and the flags' evidence never see the screen
            assertTrue(snapshots.latest(id).isEmpty(), "no camera snapshot from a screen thumbnail");
            assertEquals(7, memory.screen(id).orElseThrow().jpeg().length);

            // its own rate: a second one at once is refused, a camera snapshot still passes
            student.send(Map.of("type", "snapshot", "attemptId", a, "source", "screen", "jpeg", jpeg(2)));
            student.error("PROCTORING_WS_SNAPSHOT_TOO_FREQUENT");
            student.snapshot(false, raw(3));
            JsonNode camera = console.await(m -> LiveSocket.type(m, "snapshot") && m.path("attemptId").asText().equals(a));
            assertTrue(camera.path("source").isMissingNode(), camera.toString());
            assertEquals(jpeg(3), camera.path("jpeg").asText());
            assertEquals(jpeg(1), Base64.getEncoder().encodeToString(memory.screen(id).orElseThrow().jpeg()), "the screen kept");
            student.send(Map.of("type", "snapshot", "attemptId", a, "source", "window", "jpeg", jpeg(4)));
            student.error("PROCTORING_WS_SCHEMA");

            // a proctor who opens the console later sees the latest thumbnail at once
            try (LiveSocket later = LiveSocket.proctor(base, proctor.token())) {
                // (the tile comes first, then the snapshots; a screen thumbnail is no flag)
                JsonNode tile = later.tile(a, t -> true);
                assertEquals(0, tile.path("flags").size(), tile.toString());
                JsonNode screen = later.await(m -> LiveSocket.type(m, "snapshot") && "screen".equals(m.path("source").asText()));
                assertEquals(jpeg(1), screen.path("jpeg").asText());
            }
        }
    }
}
