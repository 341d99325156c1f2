package kz.adal.media;

import kz.adal.media.finalise.WebmProbe;
import kz.adal.media.finalise.TrackFinaliser;
import kz.adal.media.store.S3RecordingStorage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import kz.adal.testing.JarNode;
import kz.adal.testing.S3Server;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged PostgreSQL jars on one database (created by the test), one Redis and one shared object store
 * (s3proxy): a student's chunk uploads (direct and through the node, by turns) and answers alternate between the
 * nodes; mid-exam a proctor's termination request makes mail, and one node is killed with SIGKILL; the student
 * goes on with the other. The finalised recording holds every chunk and plays, no acknowledged chunk or answer is
 * lost, and every mail reaches the SMTP server (GreenMail) exactly once, counted by Message-ID.
 *
 * <p>Needs the jar of {@code bench/build-pg-jar.sh} (skipped without it), PostgreSQL and Redis on 127.0.0.1 as
 * .ci/run provides. GreenMail listens on a free loopback port the jars are told.
 */
class TwoNodesOneKilledTest {
    private static final String PASSWORD = "demo1234";
    private static final MediaFixtures.Fixture CAMERA = MediaFixtures.camera();
    private static final int SEGMENTS = 3;

    @Test
    void aStudentGoesOnWithTheOtherNodeAndNothingIsLost(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(JarNode.PG_JAR), "no " + JarNode.PG_JAR + ": bench/build-pg-jar.sh builds it");
        String db = "adal_two_nodes_" + ProcessHandle.current().pid();
        psql("createdb", db);
        // its own free port: the suite's GreenMail (TestSmtp) may hold the configured one in this JVM
        int smtpPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            smtpPort = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (S3Server store = S3Server.start(); HttpClient http = HttpClient.newHttpClient()) {
            String bucket = "adal-two-nodes";
            try (S3RecordingStorage s3 = new S3RecordingStorage(new S3RecordingStorage.Settings(store.endpoint(), "us-east-1", bucket,
                    S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true))) {
                s3.createBucketIfMissing();
            }
            Map<String, String> env = new HashMap<>(Map.ofEntries(
                    Map.entry("ADAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + db), Map.entry("ADAL_DB_USER", "postgres"),
                    Map.entry("ADAL_DB_PASSWORD", ""), Map.entry("ADAL_LIVE_REDIS", "true"),
                    Map.entry("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:6379"),
                    Map.entry("ADAL_MEDIA_STORAGE", "s3"), Map.entry("ADAL_MEDIA_S3_ENDPOINT", store.endpoint().toString()),
                    Map.entry("ADAL_MEDIA_S3_BUCKET", bucket), Map.entry("ADAL_MEDIA_S3_ACCESS_KEY", S3Server.ACCESS_KEY),
                    Map.entry("ADAL_MEDIA_S3_SECRET_KEY", S3Server.SECRET_KEY), Map.entry("ADAL_MEDIA_DIRECT_UPLOAD", "true"),
                    Map.entry("ADAL_MEDIA_UPLOAD_GRACE", "PT2S"), Map.entry("ADAL_MEDIA_FINALISE_EVERY", "2s"),
                    Map.entry("ADAL_MAIL_MOCK", "false"), Map.entry("ADAL_SMTP_HOST", "127.0.0.1"),
                    Map.entry("ADAL_SMTP_PORT", String.valueOf(smtpPort)), Map.entry("ADAL_SMTP_STARTTLS", "DISABLED"),
                    Map.entry("ADAL_MAIL_SWEEP_EVERY", "2s"), Map.entry("ADAL_MAIL_RETRY_AFTER", "PT2S")));
            Map<String, String> envA = new HashMap<>(env);
            envA.put("ADAL_LIVE_NODE", "node-a");
            Map<String, String> envB = new HashMap<>(env);
            envB.put("ADAL_LIVE_NODE", "node-b");
            Files.createDirectories(dir.resolve("a"));
            Files.createDirectories(dir.resolve("b"));
            JarNode a = JarNode.create(JarNode.PG_JAR, dir.resolve("a"), 18411, envA);
            JarNode b = JarNode.create(JarNode.PG_JAR, dir.resolve("b"), 18413, envB);
            try (a; b) {
                a.start();   // seeds the demo data first, so the two do not race for it
                b.start();
                // every person gets an address, so notices are mailed
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "")) {
                    c.createStatement().executeUpdate("update app_user set email = login || '@uni.example'");
                }
                JarNode[] nodes = {a, b};
                String student = a.login(http, "student");
                String examId = JsonPath.from(a.call(http, student, "GET", "/api/student/exams", null).body()).getString("find { it.canStart }.examId");
                String attempt = JsonPath.from(a.call(http, student, "POST", "/api/exams/" + examId + "/attempt", null).body()).getString("id");
                HttpResponse<String> started = b.call(http, student, "POST", "/api/attempts/" + attempt + "/start", "{}");
                assertEquals(200, started.statusCode(), started.body());
                int questions = JsonPath.from(a.call(http, student, "GET", "/api/attempts/" + attempt + "/paper", null).body()).getList("questions").size();

                Map<Integer, Long> answered = new TreeMap<>();
                List<String> acked = new ArrayList<>();
                long answerSeq = 0;
                int turn = 0;
                boolean killed = false;
                for (int segment = 0; segment < SEGMENTS; segment++) {
                    for (var chunk : CAMERA.chunks()) {
                        if (!killed && segment == 1 && chunk.seq() == 4) {
                            // mid-exam: a proctor's request to stop the student mails the deciders, then node a dies
                            String proctor = a.login(http, "proctor");
                            HttpResponse<String> t = a.call(http, proctor, "POST", "/api/proctor/attempts/" + attempt + "/terminate",
                                    "{\"reason\":\"a second person in the room\"}");
                            assertEquals(202, t.statusCode(), t.body());
                            a.kill();
                            killed = true;
                        }
                        JarNode node = killed ? b : nodes[turn % 2];
                        boolean direct = turn % 3 != 2; // mostly direct, every third through the node
                        turn++;
                        double shift = segment * 10_000;
                        assertTrue(direct ? sendDirect(http, node, student, attempt, segment, chunk, shift)
                                : sendThroughNode(http, node, student, attempt, segment, chunk, shift), "chunk " + segment + "/" + chunk.seq());
                        acked.add(segment + "/" + chunk.seq());
                        int pos = (int) (answerSeq % questions);
                        answerSeq++;
                        HttpResponse<String> r = (killed ? b : nodes[turn % 2]).call(http, student, "PUT", "/api/attempts/" + attempt + "/answers/" + pos,
                                "{\"selected\":[" + (answerSeq % 4) + "],\"marked\":false,\"seq\":" + answerSeq + "}");
                        assertEquals(200, r.statusCode(), r.body());
                        if (JsonPath.from(r.body()).getBoolean("applied")) answered.put(pos, answerSeq);
                    }
                }
                // every answer the nodes acknowledged is there
                JsonPath paper = JsonPath.from(b.call(http, student, "GET", "/api/attempts/" + attempt + "/paper", null).body());
                answered.forEach((pos, s) -> assertTrue(paper.getLong("questions[" + pos + "].seq") >= s, "question " + pos + ": acknowledged seq " + s));
                HttpResponse<String> submitted = b.call(http, student, "POST", "/api/attempts/" + attempt + "/submit", "{}");
                assertEquals(200, submitted.statusCode(), submitted.body());

                // the surviving node finalises: every chunk of every segment, one playable recording
                String reviewer = b.login(http, "reviewer");
                Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() ->
                        "FINALISED".equals(JsonPath.from(b.call(http, reviewer, "GET", "/api/recordings/attempts/" + attempt, null).body())
                                .getString("tracks[0].state")));
                JsonPath tracks = JsonPath.from(b.call(http, reviewer, "GET", "/api/recordings/attempts/" + attempt, null).body());
                assertEquals(SEGMENTS, tracks.getInt("tracks[0].segments"));
                assertTrue(tracks.getList("tracks[0].gaps.findAll { it.cause == 'MISSING_CHUNKS' }").isEmpty(), "no chunk missing: " + tracks.prettify());
                assertEquals(SEGMENTS * CAMERA.chunks().size(), acked.size());
                String url = JsonPath.from(b.call(http, reviewer, "POST", "/api/recordings/" + tracks.getString("tracks[0].token") + "/tickets", null)
                        .body()).getString("url");
                HttpResponse<byte[]> video = http.send(HttpRequest.newBuilder(URI.create(b.base() + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, video.statusCode());
                assertArrayEquals(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, java.util.Arrays.copyOf(video.body(), 4), "a WebM file");
                Path file = Files.write(dir.resolve("played.webm"), video.body());
                double seconds = WebmProbe.probeDuration(file);
                assertTrue(seconds > SEGMENTS * (CAMERA.recordedSeconds() - 2), "every segment is in the recording: " + seconds + " s");

                // every mail the notices call for reached the SMTP server once (the survivor's sweeper sent what a left)
                int mails;
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
                     ResultSet rs = c.createStatement().executeQuery("select count(*) from casework_notice where mail_to is not null")) {
                    rs.next();
                    mails = rs.getInt(1);
                }
                assertTrue(mails > 0, "the termination request called for mail");
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> smtp.getReceivedMessages().length >= mails);
                Thread.sleep(5_000); // a second copy, if any, would come with the next sweeps
                Map<String, Integer> byId = new HashMap<>();
                for (MimeMessage m : smtp.getReceivedMessages()) byId.merge(m.getMessageID(), 1, Integer::sum);
                assertEquals(mails, byId.size(), "one mail per notice: " + byId);
                byId.forEach((id, n) -> assertEquals(1, n.intValue(), id + " sent " + n + " times"));
            }
        } finally {
            smtp.stop();
            psql("dropdb", db);
        }
    }

    private static boolean sendThroughNode(HttpClient http, JarNode node, String token, String attempt, int segment,
                                           BrowserMediaRecorder.BrowserChunk c, double shift) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/attempts/" + attempt + "/tracks/camera/chunks/" + c.seq()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "video/webm").header("X-Adal-Segment", String.valueOf(segment))
                .header("X-Adal-Client-Start", String.valueOf(c.clientStartMs() + shift)).header("X-Adal-Client-End", String.valueOf(c.clientEndMs() + shift))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && List.of("STORED", "DUPLICATE").contains(JsonPath.from(r.body()).getString("outcome"));
    }

    private static boolean sendDirect(HttpClient http, JarNode node, String token, String attempt, int segment,
                                      BrowserMediaRecorder.BrowserChunk c, double shift) throws Exception {
        String sha = ChunkUpload.sha256Hex(c.bytes());
        String tracks = "/api/attempts/" + attempt + "/tracks/camera";
        HttpResponse<String> address = node.call(http, token, "POST", tracks + "/upload-urls", "{\"segment\":" + segment + ",\"seq\":" + c.seq()
                + ",\"size\":" + c.bytes().length + ",\"sha256\":\"" + sha + "\",\"contentType\":\"video/webm\"}");
        assertEquals(200, address.statusCode(), address.body());
        JsonPath a = JsonPath.from(address.body());
        if ("UPLOAD".equals(a.getString("outcome"))) {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(a.getString("url"))).header("Content-Type", "video/webm")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());
        }
        HttpResponse<String> done = node.call(http, token, "POST", tracks + "/uploaded", "{\"segment\":" + segment + ",\"chunks\":[{\"seq\":" + c.seq()
                + ",\"size\":" + c.bytes().length + ",\"sha256\":\"" + sha + "\",\"clientStart\":" + (c.clientStartMs() + shift)
                + ",\"clientEnd\":" + (c.clientEndMs() + shift) + "}]}");
        assertEquals(200, done.statusCode(), done.body());
        return List.of("STORED", "DUPLICATE").contains(JsonPath.from(done.body()).getString("chunks[0].outcome"));
    }

    private static void psql(String tool, String db) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(tool, "-h", "127.0.0.1", "-U", "postgres", db).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), tool + " " + db + ": " + out);
    }


}
