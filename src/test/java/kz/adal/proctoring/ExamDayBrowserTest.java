package kz.adal.proctoring;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.adal.exam.ExamRows;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The student's exam day in Chromium, where the page itself used to cause trouble: its own "share screen,
 * camera, go fullscreen" step and a reload made flags; leaving fullscreen asked nothing of the student;
 * a resume showed "paused" for a poll's length; the hand-in dialog said "null"; the check page and the
 * result page said the wrong thing.
 */
@QuarkusTest
class ExamDayBrowserTest {
    private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(3000);

    @TestHTTPResource("/")
    URL base;

    @Inject
    TimeSource time;

    private JsonPath timeline(Proctored.Person proctor, String attempt) {
        return proctor.api().get("/api/proctor/attempts/" + attempt + "/timeline").then().statusCode(200).extract().jsonPath();
    }

    private static void setUp(Page exam) {
        assertThat(exam.locator("#q-heading")).isVisible();
        assertThat(exam.locator("#proctoring-state")).hasAttribute("data-state", "online");
        assertThat(exam.locator("#proctoring-bar")).hasAttribute("data-sharing", "yes");
        exam.locator("#proctoring-start").click();
        exam.waitForFunction("() => !!document.fullscreenElement");
    }

    @Test
    void theSetupAndAReloadMakeNoFlagsAndLeavingFullscreenAsksTheStudentBack() {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        try (BrowserContext ctx = Browser.context()) {
            Page exam = Browser.loggedIn(ctx, base.toString(), s.student().login());
            exam.navigate(base + "student/exam.html?attempt=" + s.attemptId());
            setUp(exam);
            exam.reload();
            setUp(exam);
            await().atMost(Duration.ofSeconds(15)).until(() -> timeline(proctor, s.attemptId()).getList("events.findAll { it.kind == 'setup.complete' }").size() == 2);
            JsonPath t = timeline(proctor, s.attemptId());
            assertEquals(List.of(), t.getList("flags.type"), "no flag from the page's own setup, twice");
            assertEquals(100, t.getInt("score"));
            assertEquals(2, t.getList("events.findAll { it.kind == 'session.start' }").size());

            // leaving fullscreen: a prompt with a button that goes back
            exam.evaluate("() => document.exitFullscreen()");
            Locator prompt = exam.locator("#pm-fullscreen");
            assertThat(prompt).isVisible(SOON);
            Browser.screenshot(exam, "exam-fullscreen-prompt");
            prompt.locator("#pm-fullscreen-back").click();
            exam.waitForFunction("() => !!document.fullscreenElement");
            assertThat(prompt).isHidden();
        }
    }

    @Test
    void aResumeShowsAtOnceWithTheTimeAddedAndTheHandInAndResultPagesSpeakPlainly() {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        ExamRows.resultsVisibleAt(s.examId(), Instant.parse("2027-01-20T05:30:00Z"));   // 10:30 in Almaty
        try (BrowserContext ctx = Browser.context()) {
            Page exam = Browser.loggedIn(ctx, base.toString(), s.student().login());
            exam.navigate(base + "student/exam.html?attempt=" + a);
            setUp(exam);
            Locator option = exam.locator("#opt-0");
            assertThat(option).isEnabled();

            proctor.api().body(Map.of("reason", "Show the room")).post("/api/proctor/attempts/" + a + "/suspend").then().statusCode(204);
            assertThat(exam.locator("dialog.proctoring-modal")).isVisible(SOON);
            assertThat(option).isDisabled(new LocatorAssertions.IsDisabledOptions().setTimeout(3000));
            time.advance(Duration.ofMinutes(5));   // a five-minute pause
            proctor.api().post("/api/proctor/attempts/" + a + "/resume").then().statusCode(204);
            Locator resumed = exam.locator("#pm-resumed");
            assertThat(resumed).isVisible(SOON);
            assertThat(resumed).containsText("5 min");
            Browser.screenshot(exam, "exam-resumed");
            resumed.locator("button").click();
            assertThat(option).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(2000));
            assertThat(exam.locator("#timer")).not().hasText("Paused");
            // the answer is saved before the hand-in (the dialog would otherwise say it is not sent yet)
            exam.waitForResponse(r -> r.url().contains("/answers/") && "PUT".equals(r.request().method()) && r.status() == 200, option::check);
            exam.waitForFunction("a => !Object.keys((JSON.parse(localStorage.getItem('adal.attempt.' + a)) || {}).pending || {}).length", a);
            assertThat(exam.locator("#save-state")).hasAttribute("data-state", "saved");

            // the hand-in dialog with nothing marked
            exam.locator("#submit").click();
            Locator dialog = exam.locator("dialog#confirm");
            assertThat(dialog).isVisible();
            assertThat(dialog).not().containsText("null");
            if (dialog.locator("#confirm-submit").count() == 0) {
                Browser.screenshot(exam, "exam-submit-dialog");
                throw new AssertionError("no hand-in button; the dialog says: " + dialog.innerText());
            }
            dialog.locator("#confirm-submit").click();
            exam.waitForURL("**/student/result.html**");
            Locator pending = exam.locator("#result-pending");
            assertThat(pending).containsText("20 January 2027, 10:30");
            assertThat(pending).not().containsText("Z");

            // back to the check page: it says the work is handed in
            exam.navigate(base + "student/check.html?exam=" + s.examId());
            assertThat(exam.locator("#already-finished")).containsText("Your work has been handed in.");
            assertThat(exam.locator("#start")).hasCount(0);
        }
    }
}
