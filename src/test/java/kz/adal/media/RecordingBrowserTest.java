package kz.adal.media;

import kz.adal.media.finalise.RecordingFinaliseJob;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.DemoModeProfile;
import kz.adal.testing.Browser;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done when": Chromium records an exam with a fake camera and screen, the network is cut
 * mid-exam for 20 s, the page is reloaded, and the final recording has no gap beyond the outage and opens
 * at a flag's time. Walks the consent step first (production rule: consent required).
 */
@QuarkusTest
@TestProfile(DemoModeProfile.class)
class RecordingBrowserTest {

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

    private static void waitRecording(Page page) {
        Locator screen = page.locator("#recording-indicator [data-kind=screen]");
        assertThat(page.locator("#recording-indicator")).isVisible();
        page.waitForCondition(() -> page.locator("#recording-indicator [data-kind=camera][data-state=recording]").count() == 1
                || page.locator("#recording-restart-camera").count() == 1, new Page.WaitForConditionOptions().setTimeout(15000));
        // a browser that wants a click before sharing the screen gets one
        if (page.locator("#recording-restart-screen").count() == 1) page.locator("#recording-restart-screen").click();
        assertThat(page.locator("#recording-indicator [data-kind=camera]")).hasAttribute("data-state", "recording");
        assertThat(screen).hasAttribute("data-state", "recording");
    }

    private static void waitAllSent(Page page, int seconds) {
        page.waitForCondition(() -> "0".equals(page.locator("#recording-queue").getAttribute("data-pending")),
                new Page.WaitForConditionOptions().setTimeout(seconds * 1000.0));
    }

    @Test
    void recordsAnExamThroughAnOutageAndAReloadWithoutLosingAnything() throws Exception {
        MediaGiven.Sitting s = MediaGiven.sitting();
        Instant flagAt;
        String attemptId;
        long wallStart;
        long wallEnd;
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.navigate(base + "student/check.html?exam=" + s.examId());

            // consent first: the start is held until the student decided
            assertThat(page.locator("#consent")).isVisible();
            for (String check : List.of("camera", "microphone", "screen")) {
                page.locator("#run-" + check).click();
                assertThat(page.locator("#st-" + check)).hasAttribute("data-state", "ok");
            }
            page.locator("#start").click();
            assertThat(page.locator("#consent [role=alert]")).isVisible();
            Browser.screenshot(page, "recording-consent");
            assertThat(page.locator("#consent-live")).isVisible();   // the notice says a proctor may watch live (issue 14)
            page.locator("#consent-rules").check();
            page.locator("#consent-grant").click();
            assertThat(page.locator("#consent-status")).hasAttribute("data-decision", "GRANTED");
            page.locator("#start").click();
            page.waitForURL("**/student/exam.html?attempt=*");
            attemptId = page.url().replaceAll(".*attempt=", "");
            wallStart = System.currentTimeMillis();

            waitRecording(page);
            page.locator("label.option").first().click();
            page.waitForTimeout(10_000);
            Browser.screenshot(page, "recording-indicator");

            // the network goes away for 20 s; the recorder keeps recording into IndexedDB
            ctx.setOffline(true);
            page.waitForTimeout(10_000);
            flagAt = time.now(); // a proctoring flag raised while the student was offline
            page.waitForTimeout(10_000);
            assertTrue(Integer.parseInt(page.locator("#recording-queue").getAttribute("data-pending")) >= 4,
                    "chunks should queue while offline");
            Browser.screenshot(page, "recording-offline");
            ctx.setOffline(false);
            waitAllSent(page, 60);

            // a reload: a new recorder, the next segment
            page.reload();
            waitRecording(page);
            page.waitForTimeout(8_000);

            // the camera is unplugged: the student sees it at once, the server is told, one click restarts it
            page.evaluate("() => window.adalRecorder.recorders.camera.stream.getVideoTracks()[0].dispatchEvent(new Event('ended'))");
            assertThat(page.locator("#recording-alert")).isVisible();
            assertThat(page.locator("#recording-indicator [data-kind=camera]")).hasAttribute("data-state", "stopped");
            Browser.screenshot(page, "recording-stopped");
            page.locator("#recording-restart-camera").click();
            assertThat(page.locator("#recording-indicator [data-kind=camera]")).hasAttribute("data-state", "recording");
            assertThat(page.locator("#recording-alert")).isHidden();
            page.waitForTimeout(5_000);
            waitAllSent(page, 30);
            wallEnd = System.currentTimeMillis();
            page.locator("#submit").click();
            page.locator("#confirm-submit").click();
            page.waitForURL("**/student/result.html?attempt=*");
            page.waitForTimeout(3_000); // the result page flushes what the exam page left behind
        }
        UUID attempt = UUID.fromString(attemptId);

        time.advance(config.uploadGrace().plusSeconds(1));
        List<RecordingFinaliseJob.Outcome> outcomes = finaliser.finaliseDue().stream()
                .filter(o -> trackIds(attempt).contains(o.trackId())).toList();
        time.reset();
        assertEquals(2, outcomes.size(), "camera and screen finalised");
        double wallSeconds = (wallEnd - wallStart) / 1000.0;
        for (RecordingFinaliseJob.Outcome o : outcomes) {
            assertEquals(TrackState.FINALISED, o.state(), o.kind() + ": " + o.error());
            // nothing recorded offline is missing; the only hole is the reload itself, far shorter than the outage
            assertTrue(o.gaps().stream().noneMatch(g -> !g.cause().equals("RECORDER_RESTART")), o.kind() + " gaps " + o.gaps());
            double holes = o.gaps().stream().mapToDouble(RecordingGap::lengthSeconds).sum();
            assertTrue(holes < 12, o.kind() + " restart gaps " + holes + " s, the outage was 20 s");
            assertTrue(o.durationSeconds() > wallSeconds - 6, o.kind() + " lasts " + o.durationSeconds() + " s of " + wallSeconds);
        }

        // the interruption reached the server (proctoring turns RecordingInterrupted into a flag)
        Api.as("reviewer").get("/api/recordings/attempts/" + attempt).then().statusCode(200)
                .body("interruptions.find { it.reason == 'ENDED' }.kind", org.hamcrest.Matchers.equalTo("CAMERA"))
                .body("tracks.find { it.kind == 'CAMERA' }.segments", org.hamcrest.Matchers.equalTo(3));

        // the flag's time opens the recording at that moment
        Map<String, Object> camera = Api.as("reviewer").queryParam("at", flagAt.toString())
                .get("/api/recordings/attempts/" + attempt + "/offset").then().statusCode(200)
                .extract().path("tracks.find { it.kind == 'CAMERA' }");
        assertEquals(Boolean.TRUE, camera.get("covered"));
        double offset = ((Number) camera.get("offsetSeconds")).doubleValue();
        assertTrue(offset > 15, "the flag came about 20 s into the exam, offset " + offset);
        byte[] file = Api.as("reviewer").get("/api/recordings/" + camera.get("token")).then().statusCode(200).extract().asByteArray();
        Path tmp = Files.createTempFile("camera", ".webm");
        try {
            Files.write(tmp, file);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(tmp.toFile())) {
                grabber.start();
                grabber.setTimestamp(Math.round(offset * 1e6));
                Frame frame = grabber.grabImage();
                assertNotNull(frame, "a picture at the flag's time");
                assertEquals(offset, frame.timestamp / 1e6, 1.0);
                grabber.stop();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }

        // the review player opens at the flag
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "reviewer");
            page.navigate(base + "review/recording.html?attempt=" + attempt + "&at=" + flagAt);
            assertThat(page.locator("#video-camera")).isVisible();
            page.waitForCondition(() -> (Boolean) page.evaluate("() => document.querySelector('#video-camera').readyState >= 2"
                    + " && document.querySelector('#video-screen').readyState >= 2"), new Page.WaitForConditionOptions().setTimeout(15000));
            // the player seeks once the media is ready; on a loaded machine that lands a moment later
            double target = offset;
            try {
                page.waitForCondition(() -> Math.abs(((Number) page.evaluate("() => document.querySelector('#video-camera').currentTime"))
                        .doubleValue() - target) < 0.5, new Page.WaitForConditionOptions().setTimeout(10000));
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                // fall through to the assertion, which reports where the player stands
            }
            double shown = ((Number) page.evaluate("() => document.querySelector('#video-camera').currentTime")).doubleValue();
            assertEquals(offset, shown, 0.5);
            assertTrue(page.locator(".strip button").count() >= 4, "thumbnail strip");
            Browser.screenshot(page, "recording-review");
        }
    }

    private static List<UUID> trackIds(UUID attempt) {
        return QuarkusTransaction.requiringNew().call(() -> MediaTrack.<MediaTrack>list("attemptId", attempt).stream().map(t -> t.id).toList());
    }
}
