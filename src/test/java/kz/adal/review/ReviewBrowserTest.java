package kz.adal.review;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewer in Chromium: a recorded attempt (real Chromium MediaRecorder camera and screen output, aligned to the
 * attempt's clock) with a tab-left flag and a paste flag. The queue lists it, the review screen plays both
 * recordings on one scrubber; clicking a flag moves both videos to it; one flag is confirmed and the other
 * dismissed with comments; a verdict with a reason is recorded; a reload shows all of it saved. Then the student
 * sees the decisions and the evidence on their own page.
 */
@QuarkusTest
class ReviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static double currentTime(Page page, String video) {
        return ((Number) page.evaluate("() => document.querySelector('" + video + "').currentTime")).doubleValue();
    }

    @Test
    void theTimelineNumbersQuestionsAsTheStudentSawThem() {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "reviewer");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "review/attempt.html?id=" + s.attemptId());
            // the answer was saved at position 1, which the student saw as question 2 (numbered from 1, not 0)
            assertThat(page.locator("#rv-timeline li[data-kind='answer.saved']")).containsText("question 2");
        }
    }

    @Test
    void aReviewerWatchesTheFlagsInTheRecordingsDecidesThemAndGivesAVerdict() {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(true);
        // where each flag falls in each recording, by the server's alignment
        double camTab = offset(s, s.tabLeftAt(), "CAMERA");
        double scrTab = offset(s, s.tabLeftAt(), "SCREEN");
        double camPaste = offset(s, s.pasteAt(), "CAMERA");
        assertTrue(camTab > 0.5 && camPaste > camTab + 3, "flags inside the recording: " + camTab + ", " + camPaste);

        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "reviewer");
            assertThat(page.locator("a.tile[href='/review/index.html']")).isVisible();

            // the queue, filtered to the exam: the attempt with its flags, most suspicious first
            page.navigate(base + "review/index.html?exam=" + s.examId());
            Locator row = page.locator("#q-rows tr[data-attempt='" + s.attemptId() + "']");
            assertThat(row).isVisible();
            assertThat(row).containsText(s.student().login());
            assertThat(row.locator("[data-verdict]")).hasAttribute("data-verdict", "UNREVIEWED");
            Browser.screenshot(page, "review-1-queue");

            row.locator("a.button").click();
            page.waitForURL("**/review/attempt.html?id=" + s.attemptId());
            assertThat(page.locator("#rv-student")).containsText(s.student().login());
            page.waitForCondition(() -> (Boolean) page.evaluate("() => document.querySelector('#video-camera').readyState >= 1"
                    + " && document.querySelector('#video-screen').readyState >= 1"));
            assertThat(page.locator("#rv-timeline li[data-kind='problem.reported']")).isVisible();
            assertThat(page.locator("#rv-timeline li[data-kind='answer.saved']")).isVisible();
            Browser.screenshot(page, "review-2-attempt");

            // clicking the paste flag moves both videos there, each by its own alignment
            Locator paste = page.locator(".rv-flag[data-type='CLIPBOARD_USED']");
            Locator tab = page.locator(".rv-flag[data-type='TAB_LEFT']");
            paste.locator(".rv-jump").click();
            waitNear(page, "#video-camera", camPaste);
            assertEquals(camPaste, currentTime(page, "#video-camera"), 0.35);
            double scrPaste = offset(s, s.pasteAt(), "SCREEN");
            assertEquals(scrPaste, currentTime(page, "#video-screen"), 0.35);
            // and the tab-left flag moves them back
            tab.locator(".rv-jump").click();
            waitNear(page, "#video-camera", camTab);
            assertEquals(camTab, currentTime(page, "#video-camera"), 0.35);
            assertEquals(scrTab, currentTime(page, "#video-screen"), 0.35);
            assertEquals(String.valueOf(s.tabLeftAt().toEpochMilli()), page.locator("#rv-clock").getAttribute("data-ms"));
            // the evidence frame of the flag is shown
            page.waitForCondition(() -> (Boolean) tab.locator(".rv-evidence img").first().evaluate("i => i.complete && i.naturalWidth > 0"));
            Browser.screenshot(page, "review-3-jumped-to-flag");

            // an empty comment is refused with a clear message, nothing is lost
            tab.locator(".rv-confirm").click();
            assertThat(tab.locator(".problem")).isVisible();
            tab.locator("textarea").fill("Looked away to a phone for three seconds");
            tab.locator(".rv-confirm").click();
            assertThat(page.locator(".rv-flag[data-type='TAB_LEFT']")).hasAttribute("data-decision", "CONFIRMED");
            Locator paste2 = page.locator(".rv-flag[data-type='CLIPBOARD_USED']");
            paste2.locator("textarea").fill("Pasted their own student number");
            paste2.locator(".rv-dismiss").click();
            assertThat(page.locator(".rv-flag[data-type='CLIPBOARD_USED']")).hasAttribute("data-decision", "DISMISSED");
            Browser.screenshot(page, "review-4-flags-decided");

            // the verdict with a reason
            page.locator("#verdict-annulled").check();
            page.locator("#verdict-reason").fill("Phone use confirmed on the camera recording");
            page.locator("#verdict-save").click();
            assertThat(page.locator("#verdict-current [data-verdict]")).hasAttribute("data-verdict", "ANNULLED");
            assertThat(page.locator("#rv-annulled")).containsText("Phone use confirmed");
            Browser.screenshot(page, "review-5-verdict");

            // reload: everything was saved
            page.reload();
            assertThat(page.locator(".rv-flag[data-type='TAB_LEFT']")).hasAttribute("data-decision", "CONFIRMED");
            assertThat(page.locator(".rv-flag[data-type='TAB_LEFT'] .rv-decision")).containsText("Looked away to a phone");
            assertThat(page.locator(".rv-flag[data-type='CLIPBOARD_USED']")).hasAttribute("data-decision", "DISMISSED");
            assertThat(page.locator("#verdict-current")).containsText("Phone use confirmed on the camera recording");
            assertThat(page.locator("#verdict-history li")).hasCount(1);

            // changing the verdict needs a new reason: the same one is refused on the page
            page.locator("#verdict-resit").check();
            page.locator("#verdict-reason").fill("Phone use confirmed on the camera recording");
            page.locator("#verdict-save").click();
            assertThat(page.locator("#verdict-out .problem")).isVisible();
            assertThat(page.locator("#verdict-current [data-verdict]")).hasAttribute("data-verdict", "ANNULLED");
            Browser.screenshot(page, "review-6-reloaded");
        }

        // the student sees their flags, the decisions, the verdict and the evidence (for an appeal)
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.navigate(base + "student/result.html?attempt=" + s.attemptId());
            assertThat(page.locator("#annulled")).containsText("Phone use confirmed");
            Browser.screenshot(page, "review-7-student-result");
            page.locator("#annulled a").click();
            page.waitForURL("**/student/evidence.html?attempt=" + s.attemptId());
            assertThat(page.locator("#ev-verdict [data-verdict]")).hasAttribute("data-verdict", "ANNULLED");
            assertThat(page.locator(".rv-flag[data-type='TAB_LEFT']")).hasAttribute("data-decision", "CONFIRMED");
            Locator img = page.locator(".rv-flag[data-type='TAB_LEFT'] .rv-evidence img").first();
            page.waitForCondition(() -> (Boolean) img.evaluate("i => i.complete && i.naturalWidth > 0"));
            Browser.screenshot(page, "review-8-student-evidence");
        }

        // the registrar's monitoring page lists the exam with its participation and failures (001 §6.12.2)
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "registrar");
            page.locator("a.tile[href='/review/monitoring.html']").click();
            Locator row = page.locator("#m-rows tr[data-exam='" + s.examId() + "']");
            assertThat(row).isVisible();
            assertThat(row.locator("[data-col=admitted]")).hasText("1");
            assertThat(row.locator("[data-col=submitted]")).hasText("1");
            assertThat(row.locator("[data-col=problemReports]")).hasText("1");
            Browser.screenshot(page, "review-9-monitoring");
        }
    }

    private static void waitNear(Page page, String video, double target) {
        try {
            page.waitForCondition(() -> Math.abs(currentTime(page, video) - target) < 0.35, new Page.WaitForConditionOptions().setTimeout(5000));
        } catch (com.microsoft.playwright.TimeoutError notYet) {
            // the assertion after this reports where the video stands
        }
    }

    private static double offset(ReviewGiven.Sitting s, Instant at, String kind) {
        List<java.util.Map<String, Object>> tracks = Api.as("reviewer").queryParam("at", at.toString())
                .get("/api/recordings/attempts/" + s.attemptId() + "/offset").then().statusCode(200).extract().path("tracks");
        return tracks.stream().filter(t -> kind.equals(t.get("kind"))).map(t -> ((Number) t.get("offsetSeconds")).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError(kind + " not finalised: " + tracks));
    }
}
