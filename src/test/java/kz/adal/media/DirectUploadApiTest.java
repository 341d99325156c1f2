package kz.adal.media;

import kz.adal.media.finalise.RecordingFinaliseJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.testing.OutsideServersProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.awaitility.Awaitility;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Direct uploads against a real S3 API server (s3proxy checks every signature itself): the node signs one chunk's
 * PUT, the bytes go to the store without passing through the node, the node records the ledger only after it saw
 * the object, and finalisation reads the chunks from the store.
 */
@QuarkusTest
@TestProfile(OutsideServersProfile.class)
class DirectUploadApiTest {

    static final MediaFixtures.Fixture CAMERA = MediaFixtures.camera();

    @Inject
    TimeSource time;
    @Inject
    RecordingFinaliseJob finaliser;
    @Inject
    MediaConfig config;
    @Inject
    RecordingStorage storage;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        time.reset();
    }

    // ------------------------------------------------------------ the browser's three steps, as the recorder does them

    static String sha256(byte[] b) {
        return ChunkUpload.sha256Hex(b);
    }

    static Response address(MediaGiven.Student s, UUID attempt, int seq, long size, String sha, String type) {
        return s.api().contentType("application/json")
                .body(Map.of("segment", 0, "seq", seq, "size", size, "sha256", sha, "contentType", type))
                .post("/api/attempts/" + attempt + "/tracks/camera/upload-urls");
    }

    static Response address(MediaGiven.Student s, UUID attempt, int seq) {
        byte[] b = CAMERA.chunks().get(seq).bytes();
        return address(s, attempt, seq, b.length, sha256(b), "video/webm");
    }

    HttpResponse<String> putTo(String url, byte[] body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> confirmed(int seq, byte[] b) {
        BrowserMediaRecorder.BrowserChunk c = CAMERA.chunks().get(seq);
        return Map.of("seq", seq, "size", b.length, "sha256", sha256(b), "clientStart", c.clientStartMs(), "clientEnd", c.clientEndMs());
    }

    static Response confirm(MediaGiven.Student s, UUID attempt, List<Map<String, Object>> chunks) {
        return s.api().contentType("application/json").body(Map.of("segment", 0, "chunks", chunks))
                .post("/api/attempts/" + attempt + "/tracks/camera/uploaded");
    }

    /** Asks for the address, PUTs the fixture chunk to the store. */
    void upload(MediaGiven.Student s, UUID attempt, int seq) throws Exception {
        String url = address(s, attempt, seq).then().statusCode(200).body("outcome", equalTo("UPLOAD")).extract().path("url");
        HttpResponse<String> put = putTo(url, CAMERA.chunks().get(seq).bytes(), "video/webm");
        assertEquals(200, put.statusCode(), put.body());
    }

    // ------------------------------------------------------------ tests

    @Test
    void chunksGoStraightToTheStoreAndAreRecordedOnlyOnceTheNodeSawThem() throws Exception {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        s.student().api().get("/api/attempts/" + attempt + "/recording").then().statusCode(200).body("directUpload", equalTo(true));
        // the page may talk to the store: its origin (and only it) is in connect-src
        Api.anonymous().get("/student/exam.html").then().header("Content-Security-Policy",
                containsString("connect-src 'self' " + kz.adal.testing.S3StoreResource.SERVER.endpoint().toString().replaceAll("/$", "") + ";"));

        // the address is for this key, type and length: all three are signed
        byte[] two = CAMERA.chunks().get(2).bytes();
        String url = address(s.student(), attempt, 2).then().statusCode(200).body("outcome", equalTo("UPLOAD"))
                .body("method", equalTo("PUT")).body("headers.Content-Type", equalTo("video/webm")).extract().path("url");
        String signed = URLDecoder.decode(url.replaceAll(".*X-Amz-SignedHeaders=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        assertTrue(Arrays.asList(signed.split(";")).containsAll(List.of("content-length", "content-type", "host")), signed);
        assertTrue(url.contains("/camera/s000/chunk-000002.webm"), url);

        // told before the bytes are there: not recorded, upload it
        confirm(s.student(), attempt, List.of(confirmed(2, two))).then().statusCode(200)
                .body("chunks[0].outcome", equalTo("NOT_UPLOADED")).body("missing", empty());
        assertEquals(200, putTo(url, two, "video/webm").statusCode());
        confirm(s.student(), attempt, List.of(confirmed(2, two))).then().statusCode(200)
                .body("chunks[0].outcome", equalTo("STORED")).body("missing", contains(0, 1));

        // two chunks confirmed in one request (one transaction); a lost acknowledgement is a duplicate
        upload(s.student(), attempt, 0);
        upload(s.student(), attempt, 1);
        confirm(s.student(), attempt, List.of(confirmed(0, CAMERA.chunks().get(0).bytes()), confirmed(1, CAMERA.chunks().get(1).bytes()),
                confirmed(2, two))).then().statusCode(200)
                .body("chunks.outcome", contains("STORED", "STORED", "DUPLICATE")).body("missing", empty());
        // a stored chunk gets no address any more: the same bytes are acknowledged, others refused
        address(s.student(), attempt, 2).then().statusCode(200).body("outcome", equalTo("DUPLICATE")).body("url", equalTo(null));
        address(s.student(), attempt, 2, two.length, sha256(new byte[]{1}), "video/webm").then().statusCode(409)
                .body("code", equalTo("CHUNK_CONFLICT"));

        // the through-the-node path still works beside it (the recorder's fallback), and the two agree
        byte[] three = CAMERA.chunks().get(3).bytes();
        RecordingApiTest.put(s.student(), attempt, 0, 3, 0).then().statusCode(200).body("outcome", equalTo("STORED"));
        address(s.student(), attempt, 3).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        for (int seq = 4; seq < CAMERA.chunks().size(); seq++) upload(s.student(), attempt, seq);
        List<Map<String, Object>> rest = new ArrayList<>();
        for (int seq = 4; seq < CAMERA.chunks().size(); seq++) rest.add(confirmed(seq, CAMERA.chunks().get(seq).bytes()));
        confirm(s.student(), attempt, rest).then().statusCode(200).body("missing", empty());
        TrackId id = new TrackId(attempt, TrackKind.CAMERA, 0);
        assertArrayEquals(two, storage.readAll(id.chunkKey(2)));
        assertArrayEquals(three, storage.readAll(id.chunkKey(3)));

        // finalisation reads the chunk objects in order: one playable, complete recording
        RecordingApiTest.submit(s.student(), attempt);
        time.advance(config.uploadGrace().plusSeconds(1));
        finaliser.finaliseDue();
        String token = Api.as("reviewer").get("/api/recordings/attempts/" + attempt).then().statusCode(200)
                .body("tracks[0].state", equalTo("FINALISED")).body("tracks[0].gaps", empty()).extract().path("tracks[0].token");
        byte[] file = Api.as("reviewer").get("/api/recordings/" + token).then().statusCode(200).extract().asByteArray();
        Path tmp = Files.createTempFile("direct", ".webm");
        try {
            Files.write(tmp, file);
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(tmp.toFile())) {
                g.start();
                assertTrue(g.getLengthInTime() > 7_000_000L, "the whole fixture, " + g.getLengthInTime() + " µs");
                assertNotNull(g.grabImage());
                g.stop();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void refusesAnotherStudentsTrackATooLargeOrForeignChunkAndAnExpiredAddress() throws Exception {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        MediaGiven.Student other = MediaGiven.sitting().student();

        // someone else's track: answered like a missing attempt, for both steps
        address(other, attempt, 0).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        confirm(other, attempt, List.of(confirmed(0, CAMERA.chunks().get(0).bytes()))).then().statusCode(404);
        // too large, another type, a malformed hash
        address(s.student(), attempt, 1, config.maxChunkBytes() + 1, sha256(new byte[]{1}), "video/webm").then().statusCode(413)
                .body("code", equalTo("CHUNK_TOO_LARGE"));
        address(s.student(), attempt, 1, 100, sha256(new byte[]{1}), "text/html").then().statusCode(415).body("code", equalTo("NOT_WEBM"));
        address(s.student(), attempt, 1, 100, "abc", "video/webm").then().statusCode(400).body("code", equalTo("INVALID_CHUNK"));

        // the store holds the browser to what was signed: the length and the type
        byte[] one = CAMERA.chunks().get(1).bytes();
        String url = address(s.student(), attempt, 1).then().statusCode(200).extract().path("url");
        byte[] longer = Arrays.copyOf(one, one.length + 1000);
        assertEquals(403, putTo(url, longer, "video/webm").statusCode(), "a longer body than signed");
        assertEquals(403, putTo(url, one, "text/html").statusCode(), "another type than signed");
        assertFalse(storage.exists(new TrackId(attempt, TrackKind.CAMERA, 0).chunkKey(1)));

        // an object that is not what was declared is not recorded; chunk 0 that is not WebM is refused
        byte[] notWebm = new byte[64];
        String zero = address(s.student(), attempt, 0, notWebm.length, sha256(notWebm), "video/webm").then().statusCode(200).extract().path("url");
        assertEquals(200, putTo(zero, notWebm, "video/webm").statusCode());
        Map<String, Object> wrongSize = new java.util.HashMap<>(confirmed(0, notWebm));
        wrongSize.put("size", 65);
        confirm(s.student(), attempt, List.of(wrongSize)).then().statusCode(200).body("chunks[0].outcome", equalTo("NOT_UPLOADED"));
        confirm(s.student(), attempt, List.of(confirmed(0, notWebm))).then().statusCode(200)
                .body("chunks[0].outcome", equalTo("REFUSED")).body("chunks[0].code", equalTo("NOT_WEBM"));

        // an address outlives its few seconds only as a refusal
        String late = address(s.student(), attempt, 1).then().statusCode(200).extract().path("url");
        Awaitility.await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> putTo(late, one, "video/webm").statusCode() == 403);
        assertFalse(storage.exists(new TrackId(attempt, TrackKind.CAMERA, 0).chunkKey(1)));
        confirm(s.student(), attempt, List.of(confirmed(1, one))).then().statusCode(200).body("chunks[0].outcome", equalTo("NOT_UPLOADED"));
    }
}
