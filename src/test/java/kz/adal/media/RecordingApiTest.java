package kz.adal.media;

import kz.adal.media.finalise.RecordingFinaliseJob;
import kz.adal.media.retention.RecordingRetentionJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.adal.audit.AuditRows;
import kz.adal.exam.DeliveryMode;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recording API against the real database and storage: uploads, finalisation, playback, access, retention. */
@QuarkusTest
class RecordingApiTest {

    @Inject
    TimeSource time;
    @Inject
    RecordingFinaliseJob finaliser;
    @Inject
    RecordingRetentionJob retention;
    @Inject
    RecordingStorage storage;
    @Inject
    MediaConfig config;

    static final MediaFixtures.Fixture CAMERA = MediaFixtures.camera();

    @AfterEach
    void resetClock() {
        time.reset();
        TestHolds.HELD.clear();
        InterruptionProbe.SEEN.clear();
    }

    // ------------------------------------------------------------ helpers

    static Response put(MediaGiven.Student s, UUID attempt, String kind, int segment, int seq, byte[] body, double start, double end) {
        return s.api().contentType("video/webm").header("X-Adal-Segment", segment)
                .header("X-Adal-Client-Start", String.valueOf(start)).header("X-Adal-Client-End", String.valueOf(end))
                .body(body).put("/api/attempts/" + attempt + "/tracks/" + kind + "/chunks/" + seq);
    }

    static Response put(MediaGiven.Student s, UUID attempt, int segment, int seq, double shiftMs) {
        BrowserMediaRecorder.BrowserChunk c = CAMERA.chunks().get(seq);
        return put(s, attempt, "camera", segment, seq, c.bytes(), c.clientStartMs() + shiftMs, c.clientEndMs() + shiftMs);
    }

    static long audits(UUID attemptId, String action) {
        return AuditRows.countAbout(attemptId.toString(), action);
    }

    static void submit(MediaGiven.Student s, UUID attempt) {
        s.api().post("/api/attempts/" + attempt + "/submit").then().statusCode(200);
    }

    /** A started attempt with the whole camera fixture in segment 0, submitted and finalised. */
    record Finalised(MediaGiven.Sitting sitting, UUID attempt, String token) {
    }

    Finalised finalisedRecording() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        for (int seq = 0; seq < CAMERA.chunks().size(); seq++) put(s.student(), attempt, 0, seq, 0).then().statusCode(200);
        submit(s.student(), attempt);
        time.advance(config.uploadGrace().plusSeconds(1));
        finaliser.finaliseDue();
        String token = Api.as("reviewer").get("/api/recordings/attempts/" + attempt).then().statusCode(200)
                .body("tracks[0].state", equalTo("FINALISED")).extract().path("tracks[0].token");
        return new Finalised(s, attempt, token);
    }

    // ------------------------------------------------------------ uploads

    @Test
    void storesEachChunkOnceInAnyOrderAndReportsWhatIsMissing() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();

        put(s.student(), attempt, 0, 2, 0).then().statusCode(200)
                .body("outcome", equalTo("STORED")).body("missing", contains(0, 1)).body("seq", equalTo(2));
        put(s.student(), attempt, 0, 0, 0).then().statusCode(200).body("outcome", equalTo("STORED")).body("missing", contains(1));
        // a lost acknowledgement: the identical re-send is acknowledged, nothing is stored twice
        put(s.student(), attempt, 0, 2, 0).then().statusCode(200).body("outcome", equalTo("DUPLICATE")).body("missing", contains(1));
        put(s.student(), attempt, 0, 1, 0).then().statusCode(200).body("missing", empty());

        TrackId id = new TrackId(attempt, TrackKind.CAMERA, 0);
        assertEquals(3, storage.list(id.storagePrefix() + "/").size());
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> MediaChunk.count("seq >= 0 and trackId in (select t.id from MediaTrack t where t.attemptId = ?1)", attempt)));
        assertArrayEquals(CAMERA.chunks().get(2).bytes(), storage.read(id.chunkKey(2), 0, CAMERA.chunks().get(2).bytes().length));

        s.student().api().get("/api/attempts/" + attempt + "/recording").then().statusCode(200)
                .body("required", equalTo(true)).body("tracks[0].chunks", equalTo(3))
                .body("camera.videoBitsPerSecond", equalTo(200000)).body("screen.frameRate", equalTo(2.0f));
    }

    @Test
    void refusesBadUploadsWithStableCodes() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        MediaGiven.Sitting other = MediaGiven.sitting();
        UUID othersAttempt = other.start();
        byte[] chunk0 = CAMERA.chunks().get(0).bytes();

        // another student's attempt is answered like a missing one
        put(s.student(), othersAttempt, 0, 0, 0).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        put(s.student(), UUID.randomUUID(), 0, 0, 0).then().statusCode(404);
        // chunk 0 must carry the WebM header
        put(s.student(), attempt, "camera", 0, 3, "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(), 1000, 2000)
                .then().statusCode(415).body("code", equalTo("NOT_WEBM"));
        put(s.student(), attempt, "camera", 0, 0, "not a webm file".getBytes(), 1000, 2000).then().statusCode(415)
                .body("code", equalTo("NOT_WEBM"));
        // oversized
        byte[] big = Arrays.copyOf(chunk0, (int) config.maxChunkBytes() + 1);
        put(s.student(), attempt, "camera", 0, 0, big, 1000, 2000).then().statusCode(413).body("code", equalTo("CHUNK_TOO_LARGE"));
        // bad sequence, segment, kind, times
        put(s.student(), attempt, "camera", 0, -1, chunk0, 1000, 2000).then().statusCode(400).body("code", equalTo("INVALID_SEQUENCE"));
        put(s.student(), attempt, "camera", 5000, 0, chunk0, 1000, 2000).then().statusCode(400).body("code", equalTo("INVALID_SEQUENCE"));
        put(s.student(), attempt, "microwave", 0, 0, chunk0, 1000, 2000).then().statusCode(400).body("code", equalTo("TRACK_KIND_INVALID"));
        put(s.student(), attempt, "camera", 0, 0, chunk0, 2000, 1000).then().statusCode(400).body("code", equalTo("INVALID_CHUNK"));
        put(s.student(), attempt, "camera", 0, 0, new byte[0], 1000, 2000).then().statusCode(400).body("code", equalTo("INVALID_CHUNK"));
        s.student().api().contentType("video/webm").body(chunk0).put("/api/attempts/" + attempt + "/tracks/camera/chunks/0")
                .then().statusCode(400).body("code", equalTo("INVALID_CHUNK"));
        // the same seq with different bytes
        put(s.student(), attempt, 0, 0, 0).then().statusCode(200);
        put(s.student(), attempt, "camera", 0, 0, CAMERA.chunks().get(1).bytes(), 1000, 2000).then().statusCode(409)
                .body("code", equalTo("CHUNK_CONFLICT"));
        // a teacher cannot upload
        Api.as("teacher").contentType("video/webm").body(chunk0).put("/api/attempts/" + attempt + "/tracks/camera/chunks/0")
                .then().statusCode(403);
    }

    @Test
    void takesChunksOnlyWhileTheAttemptRunsAndForTheGraceAfter() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.open();
        put(s.student(), attempt, 0, 0, 0).then().statusCode(409).body("code", equalTo("RECORDING_NOT_STARTED"));
        s.student().api().body("{}").post("/api/attempts/" + attempt + "/start").then().statusCode(200);
        put(s.student(), attempt, 0, 0, 0).then().statusCode(200);
        submit(s.student(), attempt);

        // the browser flushes what it queued after submission
        time.advance(config.uploadGrace().minusSeconds(5));
        put(s.student(), attempt, 0, 1, 0).then().statusCode(200).body("outcome", equalTo("STORED"));
        time.advance(Duration.ofSeconds(10));
        put(s.student(), attempt, 0, 2, 0).then().statusCode(409).body("code", equalTo("RECORDING_CLOSED"));
        // and an exam without proctoring records nothing
        time.reset();
        MediaGiven.Sitting campus = MediaGiven.sitting(DeliveryMode.SUPERVISED_ON_CAMPUS);
        UUID onCampus = campus.start();
        put(campus.student(), onCampus, 0, 0, 0).then().statusCode(409).body("code", equalTo("RECORDING_NOT_REQUIRED"));
    }

    @Test
    void reportsAnInterruptionAsAnEventForProctoring() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        s.student().api().body(Map.of("reason", "ENDED", "detail", "camera unplugged")).post("/api/attempts/" + attempt + "/tracks/camera/interruptions")
                .then().statusCode(204);
        s.student().api().body(Map.of("reason", "MELTED")).post("/api/attempts/" + attempt + "/tracks/camera/interruptions")
                .then().statusCode(400).body("code", equalTo("INTERRUPTION_REASON_INVALID"));
        assertEquals(1, InterruptionProbe.SEEN.stream().filter(e -> e.attemptId().equals(attempt)).count());
        MediaEvents.RecordingInterrupted e = InterruptionProbe.SEEN.get(0);
        assertEquals(TrackKind.CAMERA, e.kind());
        assertEquals("ENDED", e.reason());
        Api.as("reviewer").get("/api/recordings/attempts/" + attempt).then().statusCode(200)
                .body("interruptions[0].reason", equalTo("ENDED")).body("interruptions[0].kind", equalTo("CAMERA"));
    }

    // ------------------------------------------------------------ finalisation

    @Test
    void finalisesSegmentsOnOneTimeLineWithGapsAndOpensAtAFlagsTime() throws Exception {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        long uploadStarted = System.nanoTime();
        for (int seq = 0; seq < CAMERA.chunks().size(); seq++) {
            if (seq != 3) put(s.student(), attempt, 0, seq, 0).then().statusCode(200);
        }
        // the uploads take real time on top of the 20 s the clock is moved (more on a loaded machine)
        double uploadSeconds = (System.nanoTime() - uploadStarted) / 1e9;
        // the page is reloaded 20 s later: a new recorder, segment 1
        time.advance(Duration.ofSeconds(20));
        for (int seq = 0; seq < CAMERA.chunks().size(); seq++) put(s.student(), attempt, 1, seq, 20_000).then().statusCode(200);
        submit(s.student(), attempt);

        assertTrue(finaliser.finaliseDue().stream().noneMatch(o -> o.kind() == TrackKind.CAMERA
                && o.trackId().equals(trackId(attempt))), "finalised before the upload grace passed");
        time.advance(config.uploadGrace().plusSeconds(1));
        RecordingFinaliseJob.Outcome outcome = finaliser.finaliseDue().stream()
                .filter(o -> o.trackId().equals(trackId(attempt))).findFirst().orElseThrow();

        assertEquals(TrackState.FINALISED, outcome.state());
        double recorded = CAMERA.recordedSeconds();
        RecordingGap missing = outcome.gaps().stream().filter(g -> g.cause().equals("MISSING_CHUNKS")).findFirst().orElseThrow();
        assertEquals(3, missing.firstMissingSeq());
        assertEquals(0, missing.segment());
        RecordingGap restart = outcome.gaps().stream().filter(g -> g.cause().equals("RECORDER_RESTART")).findFirst().orElseThrow();
        assertEquals(1, restart.segment());
        assertEquals(recorded, restart.fromSeconds(), 1.0);
        assertTrue(restart.toSeconds() >= 19 && restart.toSeconds() <= 21 + uploadSeconds + 1,
                "segment 1 starts 20 s (+ upload time " + uploadSeconds + " s) after segment 0: " + restart.toSeconds());
        // one time line: segment 0, the gap, then segment 1
        assertEquals(restart.toSeconds() + recorded, outcome.durationSeconds(), 1.5);

        // a flag 3 s into segment 1 opens the recording at that moment
        Map<String, Object> view = Api.as("reviewer").get("/api/recordings/attempts/" + attempt).then().statusCode(200)
                .body("tracks[0].seekable", equalTo(true)).body("tracks[0].thumbnails", equalTo(true))
                .body("tracks[0].segments", equalTo(2)).extract().path("tracks[0]");
        Instant zero = Instant.parse((String) view.get("mediaZeroAt"));
        Instant flag = zero.plusMillis(Math.round(restart.toSeconds() * 1000) + 3000);
        float offset = Api.as("reviewer").queryParam("at", flag.toString()).get("/api/recordings/attempts/" + attempt + "/offset")
                .then().statusCode(200).body("tracks[0].covered", equalTo(true)).extract().path("tracks[0].offsetSeconds");
        assertEquals(restart.toSeconds() + 3, offset, 0.01);

        byte[] file = Api.as("reviewer").get("/api/recordings/" + view.get("token")).then().statusCode(200).extract().asByteArray();
        Path tmp = Files.createTempFile("joined", ".webm");
        try {
            Files.write(tmp, file);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(tmp.toFile())) {
                grabber.start();
                assertEquals(restart.toSeconds() + recorded, grabber.getLengthInTime() / 1e6, 1.5);
                grabber.setTimestamp(Math.round(offset * 1e6));
                Frame frame = grabber.grabImage();
                assertNotNull(frame, "no picture at the flag's time");
                assertEquals(offset, frame.timestamp / 1e6, 1.0);
                grabber.stop();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        String sprite = Api.as("reviewer").get("/api/recordings/" + view.get("token") + "/thumbnails.json").then().statusCode(200)
                .extract().asString();
        assertTrue(sprite.contains("\"tiles\""));
    }

    private static UUID trackId(UUID attempt) {
        return QuarkusTransaction.requiringNew().call(() -> MediaTrack.<MediaTrack>find("attemptId = ?1 and kind = ?2", attempt, TrackKind.CAMERA)
                .firstResult().id);
    }

    // ------------------------------------------------------------ playback

    @Test
    void servesByteRanges() {
        Finalised f = finalisedRecording();
        byte[] whole = Api.as("reviewer").get("/api/recordings/" + f.token()).then().statusCode(200)
                .header("Accept-Ranges", "bytes").header("Content-Type", "video/webm").extract().asByteArray();
        int size = whole.length;
        assertTrue(size > 10_000);

        Response first = Api.as("reviewer").header("Range", "bytes=0-99").get("/api/recordings/" + f.token());
        first.then().statusCode(206).header("Content-Range", "bytes 0-99/" + size).header("Content-Length", "100");
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 100), first.asByteArray());

        Response middle = Api.as("reviewer").header("Range", "bytes=1000-").get("/api/recordings/" + f.token());
        middle.then().statusCode(206).header("Content-Range", "bytes 1000-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(whole, 1000, size), middle.asByteArray());

        Response suffix = Api.as("reviewer").header("Range", "bytes=-10").get("/api/recordings/" + f.token());
        suffix.then().statusCode(206).header("Content-Range", "bytes " + (size - 10) + "-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(whole, size - 10, size), suffix.asByteArray());

        Api.as("reviewer").header("Range", "bytes=" + size + "-").get("/api/recordings/" + f.token()).then().statusCode(416)
                .header("Content-Range", "bytes */" + size);
        // a ticket lets the video element play without the bearer token
        String url = Api.as("reviewer").post("/api/recordings/" + f.token() + "/tickets").then().statusCode(200).extract().path("url");
        Response viaTicket = RestAssured.given().header("Range", "bytes=0-9").get(url);
        viaTicket.then().statusCode(206);
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 10), viaTicket.asByteArray());
        RestAssured.given().get("/api/recordings/" + f.token() + "?ticket=" + "x".repeat(43)).then().statusCode(401)
                .body("code", equalTo("RECORDING_TICKET_INVALID"));
        RestAssured.given().get("/api/recordings/" + RecordingService.newToken()).then().statusCode(404);
    }

    @Test
    void onlyReviewersTheDeanAndTheStudentMayViewAndEveryAccessIsAudited() {
        Finalised f = finalisedRecording();
        MediaGiven.Sitting other = MediaGiven.sitting();
        String path = "/api/recordings/" + f.token();

        other.student().api().get(path).then().statusCode(403).body("code", equalTo("RECORDING_ACCESS_DENIED"));
        other.student().api().get("/api/recordings/attempts/" + f.attempt()).then().statusCode(403);
        Api.as("teacher").get(path).then().statusCode(403);
        Api.as("proctor").post(path + "/tickets").then().statusCode(403);
        assertEquals(4, audits(f.attempt(), "recording.access.denied"));

        long before = audits(f.attempt(), "recording.downloaded");
        Api.as("reviewer").get(path).then().statusCode(200);
        Api.as("dean").get(path).then().statusCode(200);
        f.sitting().student().api().get(path).then().statusCode(200); // for an appeal
        assertEquals(before + 3, audits(f.attempt(), "recording.downloaded"));
        Api.as("reviewer").post(path + "/tickets").then().statusCode(200);
        assertEquals(1, audits(f.attempt(), "recording.viewed"));
        RestAssured.given().get(path).then().statusCode(401);
    }

    // ------------------------------------------------------------ retention

    @Test
    void retentionDeletesExpiredRecordingsButKeepsHeldOnes() {
        Finalised kept = finalisedRecording();
        Finalised expired = finalisedRecording();
        TestHolds.HELD.put(kept.attempt(), RecordingHold.APPEAL);
        String keptKey = new TrackId(kept.attempt(), TrackKind.CAMERA).trackRecordingKey();
        String expiredKey = new TrackId(expired.attempt(), TrackKind.CAMERA).trackRecordingKey();
        assertTrue(storage.exists(expiredKey));

        assertFalse(retention.deleteExpired().contains(expired.attempt()), "deleted before the retention period");
        time.advance(config.retentionDuration().plusDays(120)); // past the period and the academic period's end
        List<UUID> deleted = retention.deleteExpired();

        assertTrue(deleted.contains(expired.attempt()));
        assertFalse(deleted.contains(kept.attempt()));
        assertFalse(storage.exists(expiredKey));
        assertTrue(storage.exists(keptKey));
        assertEquals(1, audits(expired.attempt(), "recording.deleted"));
        time.reset(); // the reviewer's session lives on the server's clock
        Api.as("reviewer").get("/api/recordings/" + expired.token()).then().statusCode(404);
        Api.as("reviewer").get("/api/recordings/" + kept.token()).then().statusCode(200);
    }
}
