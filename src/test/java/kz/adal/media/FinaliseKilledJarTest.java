package kz.adal.media;

import kz.adal.media.finalise.WebmProbe;
import kz.adal.media.finalise.TrackFinaliser;
import io.restassured.path.json.JsonPath;
import kz.adal.testing.JarNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged jar killed with SIGKILL while FFmpeg finalises a recording (its temporary folder is
 * there): the track is left FINALISING, claimed by this node. Started again on the same directory,
 * the node retakes its own claim at once (not after the lease), the track ends FINALISED and
 * playable, and the dead run's temporary folder is gone. Build the jar with
 * {@code mvn -B package -DskipTests}; skipped when it is not built.
 */
class FinaliseKilledJarTest {
    private static final String PASSWORD = "demo1234";
    private static final MediaFixtures.Fixture CAMERA = MediaFixtures.camera();
    /** Several recorder segments: each is finalised on its own, so the work lasts long enough to be killed in. */
    private static final int SEGMENTS = 8;

    @Test
    void aJarKilledWhileFinalisingFinishesTheTrackWhenItStartsAgain(@TempDir Path dir) throws Exception {
        JarNode node = JarNode.create(JarNode.H2_JAR, dir, 18403, Map.of(
                "ADAL_MEDIA_UPLOAD_GRACE", "PT1S", "ADAL_MEDIA_FINALISE_EVERY", "1s"));
        Path work = dir.resolve("data/media-work");
        String attemptId;
        try (node; HttpClient http = HttpClient.newHttpClient()) {
            node.start();
            String token = node.login(http, "student");
            String examId = JsonPath.from(node.call(http, token, "GET", "/api/student/exams", null).body()).getString("find { it.canStart }.examId");
            attemptId = JsonPath.from(node.call(http, token, "POST", "/api/exams/" + examId + "/attempt", null).body()).getString("id");
            HttpResponse<String> started = node.call(http, token, "POST", "/api/attempts/" + attemptId + "/start", "{}");
            assertEquals(200, started.statusCode(), started.body());
            for (int segment = 0; segment < SEGMENTS; segment++) {
                for (var c : CAMERA.chunks()) {
                    double shift = segment * 10_000;
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/attempts/" + attemptId
                                    + "/tracks/camera/chunks/" + c.seq()))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "video/webm")
                            .header("X-Adal-Segment", String.valueOf(segment))
                            .header("X-Adal-Client-Start", String.valueOf(c.clientStartMs() + shift))
                            .header("X-Adal-Client-End", String.valueOf(c.clientEndMs() + shift))
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
            HttpResponse<String> submitted = node.call(http, token, "POST", "/api/attempts/" + attemptId + "/submit", "{}");
            assertEquals(200, submitted.statusCode(), submitted.body());

            // the finaliser starts within seconds; kill the jar the moment FFmpeg's temporary folder is there
            try {
                await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).until(() -> busy(work));
            } catch (ConditionTimeoutException e) {
                fail("the finaliser never started:\n" + Files.readString(dir.resolve("node.log")));
            }
            node.kill();
        }
        assertTrue(busy(work), "the dead run left its temporary folder");
        String claimedBy;
        // the database as the dead node left it (nobody holds it now)
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/adal").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE", "adal", "adal");
             ResultSet rs = db.createStatement().executeQuery("select state, claimed_by from media_track where attempt_id = '" + attemptId + "'")) {
            assertTrue(rs.next(), "the camera track");
            assertEquals("FINALISING", rs.getString(1), "killed mid-way: the track is left claimed");
            claimedBy = rs.getString(2);
        }

        try (node; HttpClient http = HttpClient.newHttpClient()) {
            node.start();
            String reviewer = node.login(http, "reviewer");
            // far less than the claim's lease (2 minutes): the node retook its own claim, nobody waited it out
            JsonPath[] tracks = new JsonPath[1];
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    tracks[0] = JsonPath.from(node.call(http, reviewer, "GET", "/api/recordings/attempts/" + attemptId, null).body());
                    return "FINALISED".equals(tracks[0].getString("tracks[0].state"));
                });
            } catch (ConditionTimeoutException e) {
                fail("not finalised after the restart: " + (tracks[0] == null ? "no answer" : tracks[0].prettify()));
            }
            assertTrue(Files.readString(dir.resolve("node.log")).contains("released 1 finalisation claim(s) this node held when it stopped"),
                    "the restarted node released its own claim (" + claimedBy + ")");
            assertTrue(!busy(work), "no temporary folder is left");

            // playable: the joined recording is served, a WebM file FFmpeg reads with the full duration
            String url = JsonPath.from(node.call(http, reviewer, "POST", "/api/recordings/" + tracks[0].getString("tracks[0].token") + "/tickets", null)
                    .body()).getString("url");
            HttpResponse<byte[]> video = http.send(HttpRequest.newBuilder(URI.create(node.base() + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, video.statusCode());
            assertArrayEquals(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, java.util.Arrays.copyOf(video.body(), 4), "a WebM (EBML) file");
            Path file = Files.write(dir.resolve("played.webm"), video.body());
            double seconds = WebmProbe.probeDuration(file);
            assertTrue(seconds > SEGMENTS * (CAMERA.recordedSeconds() - 2), "every segment is in the recording: " + seconds + " s");
        }
    }

    /** FFmpeg at work: a temporary folder of the finaliser or the joiner. */
    private static boolean busy(Path work) throws IOException {
        if (!Files.isDirectory(work)) return false;
        try (Stream<Path> files = Files.list(work)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("finalise-") || p.getFileName().toString().startsWith("join-"));
        }
    }


}
