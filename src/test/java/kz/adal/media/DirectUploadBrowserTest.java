package kz.adal.media;

import kz.adal.media.finalise.RecordingFinaliseJob;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.testing.OutsideServersProfile;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import kz.adal.testing.S3StoreResource;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chromium records a short exam with direct uploads: every chunk goes from the page to the object store (s3proxy,
 * with the bucket's CORS rule for the exam origin) on a presigned address, none through the node, and the
 * finalised recordings are complete and play.
 */
@QuarkusTest
@TestProfile(OutsideServersProfile.class)
class DirectUploadBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    TimeSource time;
    @Inject
    RecordingFinaliseJob finaliser;
    @Inject
    MediaConfig config;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Inject
    RecordingStorage storage;

    List<String> storageKeys(UUID attempt) {
        return storage.list("attempts/" + attempt + "/");
    }

    @Test
    void recordsAnExamStraightIntoTheObjectStore() throws Exception {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        String store = S3StoreResource.SERVER.endpoint().toString();
        List<String> toStore = new CopyOnWriteArrayList<>();
        List<String> throughNode = new CopyOnWriteArrayList<>();
        long wallStart;
        long wallEnd;
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            // requests as the page sends them (Playwright reports a store PUT whose answer body nobody reads as aborted)
            page.onRequest(r -> {
                if (r.url().startsWith(store) && r.method().equals("PUT")) toStore.add(r.url());
                if (r.url().contains("/chunks/") && r.method().equals("PUT")) throughNode.add(r.url());
            });
            page.navigate(base + "student/exam.html?attempt=" + attempt);
            page.waitForSelector("#recording-indicator [data-kind=camera][data-state=recording]");
            page.waitForSelector("#recording-indicator [data-kind=screen][data-state=recording]");
            wallStart = System.currentTimeMillis();
            page.waitForTimeout(14_000);
            page.waitForCondition(() -> "0".equals(page.locator("#recording-queue").getAttribute("data-pending")),
                    new Page.WaitForConditionOptions().setTimeout(60_000));
            wallEnd = System.currentTimeMillis();
            assertEquals(Boolean.TRUE, page.evaluate("() => window.adalRecorder.direct"), "the page kept uploading directly");
            page.locator("#submit").click();
            page.locator("#confirm-submit").click();
            page.waitForURL("**/student/result.html?attempt=*");
            page.waitForTimeout(3_000); // the result page flushes the last blobs
        }
        assertTrue(toStore.size() >= 6, "chunks PUT to the store: " + toStore.size());
        assertEquals(List.of(), throughNode, "no chunk went through the node");
        long rows = QuarkusTransaction.requiringNew().call(() -> MediaChunk.count(
                "trackId in (select t.id from MediaTrack t where t.attemptId = ?1)", attempt));
        assertEquals(rows, storageKeys(attempt).stream().filter(k -> k.contains("/chunk-")).count(), "one object per recorded chunk");

        time.advance(config.uploadGrace().plusSeconds(1));
        List<UUID> tracks = QuarkusTransaction.requiringNew().call(() -> MediaTrack.<MediaTrack>list("attemptId", attempt).stream().map(t -> t.id).toList());
        List<RecordingFinaliseJob.Outcome> outcomes = finaliser.finaliseDue().stream().filter(o -> tracks.contains(o.trackId())).toList();
        time.reset();
        assertEquals(2, outcomes.size(), "camera and screen finalised");
        double wallSeconds = (wallEnd - wallStart) / 1000.0;
        for (RecordingFinaliseJob.Outcome o : outcomes) {
            assertEquals(TrackState.FINALISED, o.state(), o.kind() + ": " + o.error());
            assertTrue(o.gaps().isEmpty(), o.kind() + " gaps " + o.gaps());
            assertTrue(o.durationSeconds() > wallSeconds - 6, o.kind() + " lasts " + o.durationSeconds() + " s of " + wallSeconds);
        }
        String token = Api.as("reviewer").get("/api/recordings/attempts/" + attempt).then().statusCode(200)
                .extract().path("tracks.find { it.kind == 'CAMERA' }.token");
        byte[] file = Api.as("reviewer").get("/api/recordings/" + token).then().statusCode(200).extract().asByteArray();
        Path tmp = Files.createTempFile("direct-browser", ".webm");
        try {
            Files.write(tmp, file);
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(tmp.toFile())) {
                g.start();
                g.setTimestamp(5_000_000L);
                assertNotNull(g.grabImage(), "a picture 5 s in");
                g.stop();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
