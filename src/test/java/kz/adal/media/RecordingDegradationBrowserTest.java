package kz.adal.media;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A link slower than the recording (000 §4.6: degrade gracefully): Chromium's network emulation caps the upload
 * at 64 kbit/s, the queue grows, and the recorder lowers the screen rate first; answers still get through.
 */
@QuarkusTest
class RecordingDegradationBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSlowLinkLowersTheScreenRateFirstAndAnswersStillGetThrough() {
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.navigate(base + "student/exam.html?attempt=" + attempt);
            page.waitForSelector("#recording-indicator [data-kind=screen][data-state=recording]");
            double fps = ((Number) page.evaluate("() => window.adalRecorder.recorders.screen.stream.getVideoTracks()[0].getSettings().frameRate")).doubleValue();

            CDPSession cdp = ctx.newCDPSession(page);
            cdp.send("Network.enable");
            JsonObject slow = new JsonObject();
            slow.addProperty("offline", false);
            slow.addProperty("latency", 150);
            slow.addProperty("downloadThroughput", 1_000_000 / 8);
            slow.addProperty("uploadThroughput", 64_000 / 8);
            cdp.send("Network.emulateNetworkConditions", slow);

            page.waitForCondition(() -> !"0".equals(page.locator("#recording-indicator").getAttribute("data-level")),
                    new Page.WaitForConditionOptions().setTimeout(120_000));
            assertThat(page.locator("#recording-indicator .rec-degraded")).isVisible();
            Browser.screenshot(page, "recording-degraded");
            double lowered = ((Number) page.evaluate("() => window.adalRecorder.recorders.screen.stream.getVideoTracks()[0].getSettings().frameRate")).doubleValue();
            assertTrue(lowered < fps, "screen rate " + fps + " → " + lowered);
            // the camera keeps its size at level 1: screen first, then camera
            Number width = (Number) page.evaluate("() => window.adalRecorder.recorders.camera.stream.getVideoTracks()[0].getSettings().width");
            assertTrue(width.intValue() >= 320 || !"1".equals(page.locator("#recording-indicator").getAttribute("data-level")));

            // answers are never held back by the recording
            page.locator("label.option").nth(1).click();
            assertThat(page.locator("#save-state")).hasAttribute("data-state", "saved",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        }
    }
}
