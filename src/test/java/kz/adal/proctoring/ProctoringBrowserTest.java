package kz.adal.proctoring;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two browsers in one test: a student sitting an exam and a proctor on the console. The student's
 * tab switch (a real second page brought to the front: the exam window loses focus), fullscreen exit and a network drop longer
 * than the (test profile's shortened) grace period appear on the console within seconds.
 */
@QuarkusTest
class ProctoringBrowserTest {
    private static final double SECONDS = 1000;

    @TestHTTPResource("/")
    URL base;

    @Test
    void whatTheStudentDoesAppearsOnTheProctorsConsole() {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (BrowserContext proctorCtx = Browser.context(); BrowserContext studentCtx = Browser.context()) {
            Page console = Browser.loggedIn(proctorCtx, base.toString(), proctor.login());
            console.navigate(base + "proctor/index.html");
            Locator tile = console.locator(".pc-tile[data-attempt='" + a + "']");
            assertThat(tile).isVisible();
            assertThat(console.locator("#pc-live")).hasAttribute("data-state", "ok");

            Page exam = Browser.loggedIn(studentCtx, base.toString(), s.student().login());
            // Playwright makes every page believe it has focus; switch that off so that bringing another
            // page to the front really takes the focus away from the exam (headless windows stay "visible")
            studentCtx.newCDPSession(exam).send("Emulation.setFocusEmulationEnabled",
                    com.google.gson.JsonParser.parseString("{\"enabled\":false}").getAsJsonObject());
            exam.bringToFront();
            exam.navigate(base + "student/exam.html?attempt=" + a);
            assertThat(exam.locator("#q-heading")).isVisible();
            assertThat(exam.locator("#proctoring-state")).hasAttribute("data-state", "online");
            assertThat(tile).hasAttribute("data-connection", "online", new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(5 * SECONDS));
            exam.locator("#proctoring-start").click();
            exam.waitForFunction("() => !!document.fullscreenElement");
            assertThat(exam.locator("#proctoring-bar")).hasAttribute("data-sharing", "yes");
            // camera and screen are now shared: those flags close
            assertThat(tile.locator("[data-flag=SCREEN_SHARE_STOPPED]")).hasCount(0);
            assertThat(tile.locator("[data-flag=CAMERA_LOST]")).hasCount(0);
            Browser.screenshot(exam, "proctoring-student-exam");

            // fullscreen exit
            exam.evaluate("() => document.exitFullscreen()");
            assertThat(tile.locator("[data-flag=FULLSCREEN_EXITED]")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(3 * SECONDS));

            // a tab switch: another page of the same browser brought to the front
            Page other = studentCtx.newPage();
            other.navigate(base + "home.html");
            other.bringToFront();
            assertThat(tile.locator("[data-flag=TAB_LEFT]")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(3 * SECONDS));
            Browser.screenshot(console, "proctoring-console-tab-left");
            exam.bringToFront();
            assertThat(tile.locator("[data-flag=TAB_LEFT]")).hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(3 * SECONDS));
            other.close();

            // the network drops for longer than the grace period (5 s in the test profile)
            studentCtx.setOffline(true);
            assertThat(tile).hasAttribute("data-connection", "offline", new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(10 * SECONDS));
            assertThat(tile.locator("[data-flag=DISCONNECTED]")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(10 * SECONDS));
            Browser.screenshot(console, "proctoring-console-disconnected");
            studentCtx.setOffline(false);
            assertThat(tile).hasAttribute("data-connection", "online", new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15 * SECONDS));

            // the proctor opens the session, warns the student, who must acknowledge
            tile.click();
            assertThat(console.locator("#pc-flags [data-flag=DISCONNECTED]")).isVisible();
            assertThat(console.locator("#pc-events [data-kind='network.offline']")).hasCount(1);
            console.locator("#pc-text").fill("Please stay in the exam tab");
            console.locator("#pc-warning").click();
            Locator modal = exam.locator("dialog.proctoring-modal.warning");
            assertThat(modal).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(5 * SECONDS));
            assertThat(modal).containsText("Please stay in the exam tab");
            Browser.screenshot(exam, "proctoring-student-warning");
            modal.locator("button").click();
            assertThat(console.locator("#pc-events [data-kind='message.acknowledged']")).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(5 * SECONDS));

            // the student reports a problem; it reaches the console
            exam.locator("#proctoring-report").click();
            exam.locator("#pm-problem").fill("My camera froze for a moment");
            exam.locator("#pm-report-send").click();
            assertThat(tile.locator(".badge.warn")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(3 * SECONDS));
            assertThat(console.locator("#pc-events")).containsText("My camera froze");
            assertThat(tile.locator(".pc-cam img")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15 * SECONDS));
            Browser.screenshot(console, "proctoring-console-detail");
            int score = Integer.parseInt(tile.getAttribute("data-score"));
            assertTrue(score < 100, "score " + score);
            assertTrue(!"ok".equals(tile.getAttribute("data-level")), "an open flag marks the tile");
        }
    }
}
