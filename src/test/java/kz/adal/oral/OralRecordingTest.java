package kz.adal.oral;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.adal.audit.AuditRows;
import kz.adal.identity.Role;
import kz.adal.media.MediaConfig;
import kz.adal.media.finalise.RecordingFinaliseJob;
import kz.adal.media.RecordingStorage;
import kz.adal.media.TrackId;
import kz.adal.media.TrackKind;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: the oral turn is recorded through the media pipeline. Real Chromium MediaRecorder chunks (the media
 * fixture) uploaded for a turn are stored in order, exactly once, only after the student acknowledged the
 * recording notice; finalised with FFmpeg once the turn's recording ended and the upload grace passed; playable
 * by the commission of that sitting and refused to a member of another sitting and to other students; listed in
 * the protocol PDF. Attempt recordings keep working (RecordingApiTest).
 */
@QuarkusTest
class OralRecordingTest {
    @Inject
    TimeSource time;
    @Inject
    RecordingFinaliseJob finaliser;
    @Inject
    RecordingStorage storage;
    @Inject
    MediaConfig config;

    record Chunk(int seq, byte[] bytes, double start, double end) {
    }

    static final List<Chunk> CAMERA = camera();

    @AfterEach
    void resetClock() {
        time.reset();
    }

    static List<Chunk> camera() {
        String base = "/media/camera-vp8-opus/";
        List<Chunk> out = new ArrayList<>();
        for (String line : new String(resource(base + "chunks.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            int seq = Integer.parseInt(f[0]);
            out.add(new Chunk(seq, resource(base + String.format("chunk-%06d.webm", seq)), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        return out;
    }

    static byte[] resource(String name) {
        try (InputStream in = OralRecordingTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response put(String login, String turn, String kind, int seq) {
        Chunk c = CAMERA.get(seq);
        return Api.as(login).contentType("video/webm").header("X-Adal-Segment", 0)
                .header("X-Adal-Client-Start", String.valueOf(c.start())).header("X-Adal-Client-End", String.valueOf(c.end()))
                .body(c.bytes()).put("/api/oral/turns/" + turn + "/tracks/" + kind + "/chunks/" + seq);
    }

    @Test
    void theTurnIsRecordedFinalisedPlayableByItsCommissionOnlyAndListedInTheProtocol() throws Exception {
        String sitting = OralFixture.create(OralFixture.setup()).getString("sittingId");
        String turn = Api.as("head").get("/api/oral/sittings/" + sitting).then().statusCode(200).extract().path("turns[0].id");

        // the student's page: nothing recorded before the notice is acknowledged
        Api.as("student").get("/api/oral/turns/" + turn + "/recording").then().statusCode(200)
                .body("noticeAt", nullValue()).body("record", equalTo(false))
                .body("media.camera.videoBitsPerSecond", notNullValue()).body("media.tracks", empty());
        put("student", turn, "camera", 0).then().statusCode(409).body("code", equalTo("ORAL_RECORDING_NOTICE_FIRST"));
        // only the turn's student: anyone else's upload is answered like a missing turn
        Api.as("member1").get("/api/oral/turns/" + turn + "/recording").then().statusCode(403);
        Fixtures.Person stranger = Fixtures.student("oralrec", Fixtures.group("OR"));
        stranger.api().post("/api/oral/turns/" + turn + "/recording/notice").then().statusCode(404);

        Api.as("student").post("/api/oral/turns/" + turn + "/recording/notice").then().statusCode(200)
                .body("noticeAt", notNullValue()).body("record", equalTo(true));
        String firstNotice = Api.as("student").post("/api/oral/turns/" + turn + "/recording/notice").then().statusCode(200)
                .extract().path("noticeAt");
        assertEquals(firstNotice, Api.as("student").get("/api/oral/turns/" + turn + "/recording").then().extract().path("noticeAt"),
                "the first acknowledgement counts");
        assertEquals(1L, AuditRows.countAbout(turn, "oral.recording.notice"));

        // the screen is not recorded in the oral exam; a stranger's chunk is a missing turn
        put("student", turn, "screen", 0).then().statusCode(400).body("code", equalTo("TRACK_KIND_INVALID"));
        put(stranger.login(), turn, "camera", 0).then().statusCode(404);

        // out of order, a re-send, then the rest: stored once each, in order, the missing ones reported
        put("student", turn, "camera", 2).then().statusCode(200).body("outcome", equalTo("STORED")).body("missing", contains(0, 1));
        put("student", turn, "camera", 0).then().statusCode(200).body("missing", contains(1));
        put("student", turn, "camera", 0).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        for (int seq = 1; seq < CAMERA.size(); seq++) {
            if (seq == 2) continue;
            put("student", turn, "camera", seq).then().statusCode(200).body("outcome", equalTo("STORED"));
        }
        TrackId id = new TrackId(UUID.fromString(turn), TrackKind.CAMERA, 0, "oral-turns");
        assertEquals(CAMERA.size(), storage.list(id.storagePrefix() + "/").size());
        assertArrayEquals(CAMERA.get(3).bytes(), storage.read(id.chunkKey(3), 0, CAMERA.get(3).bytes().length));
        Api.as("student").get("/api/oral/turns/" + turn + "/recording").then()
                .body("media.tracks[0].kind", equalTo("CAMERA")).body("media.tracks[0].chunks", equalTo(CAMERA.size()));

        // not finalised while the turn runs, however long it takes
        OralFixture.check(turn);
        time.advance(config.uploadGrace().plusMinutes(5));
        UUID trackId = kz.adal.media.MediaRows.track(OralTurnRecordingOwner.KIND, UUID.fromString(turn));
        assertTrue(finaliser.finaliseDue().stream().noneMatch(o -> o.trackId().equals(trackId)), "a running turn's recording is not finalised");

        // the recording ends with the turn (here: a technical failure); late chunks are taken for the grace, then finalised
        Api.as("secretary").body(Map.of("note", "The student's connection was lost"))
                .post("/api/oral/turns/" + turn + "/technical-failure").then().statusCode(200);
        Api.as("student").get("/api/oral/turns/" + turn + "/recording").then().body("record", equalTo(false)).body("endedAt", notNullValue());
        put("student", turn, "camera", 0).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        time.advance(config.uploadGrace().plusSeconds(1));
        List<RecordingFinaliseJob.Outcome> done = finaliser.finaliseDue().stream().filter(o -> o.trackId().equals(trackId)).toList();
        assertEquals(1, done.size(), "the turn's camera track is finalised");
        assertEquals("FINALISED", done.get(0).state().name());
        assertTrue(done.get(0).durationSeconds() > 7 && done.get(0).durationSeconds() < 9, "about 8 s: " + done.get(0).durationSeconds());
        put("student", turn, "camera", 1).then().statusCode(409).body("code", equalTo("RECORDING_CLOSED"));

        // the commission of that sitting lists and plays it
        String token = Api.as("member1").get("/api/recordings/owners/ORAL_TURN/" + turn).then().statusCode(200)
                .body("tracks[0].state", equalTo("FINALISED")).body("tracks[0].gaps", empty()).extract().path("tracks[0].token");
        for (String who : List.of("chair", "secretary", "head", "student")) {
            Api.as(who).get("/api/recordings/owners/ORAL_TURN/" + turn).then().statusCode(200);
        }
        String url = Api.as("chair").post("/api/recordings/" + token + "/tickets").then().statusCode(200).extract().path("url");
        byte[] webm = io.restassured.RestAssured.given().get(url).then().statusCode(200).extract().asByteArray();
        Path file = Files.createTempFile("oral-turn", ".webm");
        Files.write(file, webm);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            assertTrue(g.getLengthInTime() > 7_000_000L, "a seekable file of the whole turn: " + g.getLengthInTime());
            assertTrue(g.grabImage() != null, "it has pictures");
            g.stop();
        } finally {
            Files.deleteIfExists(file);
        }
        Api.as("member1").header("Range", "bytes=0-99").get("/api/recordings/" + token).then().statusCode(206);

        // a member of another sitting, another student, and standing roles are refused
        Fixtures.Person otherMember = Fixtures.person("oralm", Set.of(Role.TEACHER), null);
        Map<String, Object> second = OralFixture.setup();
        second.put("memberIds", List.of(OralFixture.id("member2"), otherMember.id().toString()));
        OralFixture.create(second);
        otherMember.api().get("/api/recordings/owners/ORAL_TURN/" + turn).then().statusCode(403).body("code", equalTo("RECORDING_ACCESS_DENIED"));
        otherMember.api().post("/api/recordings/" + token + "/tickets").then().statusCode(403);
        otherMember.api().get("/api/recordings/" + token).then().statusCode(403);
        stranger.api().post("/api/recordings/" + token + "/tickets").then().statusCode(403);
        Api.as("reviewer").post("/api/recordings/" + token + "/tickets").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/recordings/" + token + "?ticket=forged-ticket-000000000000").then().statusCode(401);
        assertTrue(AuditRows.countAbout(turn, "recording.access.denied") >= 3);

        // the protocol lists it
        byte[] pdf = Api.as("secretary").get("/api/oral/sittings/" + sitting + "/protocol.pdf?lang=en").then().statusCode(200).extract().asByteArray();
        String text = OralSittingTest.pdfText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("Told about the recording"), text);
        assertTrue(text.contains("acknowledged by the student,"), text);
        assertTrue(text.contains("Recording: camera"), text);
        assertTrue(text.contains("Finalised, 0:08, 1 segment(s), " + CAMERA.size() + " chunk(s)"), text);
        assertTrue(text.contains("no gaps"), text);
    }

    @Test
    void theSecretaryKeepsTheJitsiRoomRecordingLinkForTheProtocol() throws Exception {
        String sitting = OralFixture.create(OralFixture.setup()).getString("sittingId");
        Api.as("chair").body(Map.of("url", "https://meet.example.edu/recordings/a.mp4")).put("/api/oral/sittings/" + sitting + "/jitsi-recording")
                .then().statusCode(403);
        Api.as("secretary").body(Map.of("url", "javascript:alert(1)")).put("/api/oral/sittings/" + sitting + "/jitsi-recording")
                .then().statusCode(400).body("code", equalTo("ORAL_RECORDING_URL_INVALID"));
        Api.as("secretary").body(Map.of("url", "https://meet.example.edu/recordings/a.mp4")).put("/api/oral/sittings/" + sitting + "/jitsi-recording")
                .then().statusCode(200).body("url", equalTo("https://meet.example.edu/recordings/a.mp4"));
        byte[] pdf = Api.as("secretary").get("/api/oral/sittings/" + sitting + "/protocol.pdf?lang=en").then().statusCode(200).extract().asByteArray();
        String text = OralSittingTest.pdfText(pdf).replaceAll("\\s+", "");
        assertTrue(text.contains("https://meet.example.edu/recordings/a.mp4"), text);
        assertTrue(text.contains("notacknowledged—notrecorded"), text);
    }
}
