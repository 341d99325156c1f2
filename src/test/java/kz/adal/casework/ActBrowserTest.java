package kz.adal.casework;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In Chromium: the secretary completes and signs the drafted act; a member votes; the chair decides; the student continues. */
@QuarkusTest
class ActBrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    TimeSource time;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = kz.adal.casework.inbox.TestSmtp.fresh();
    }

    @AfterEach
    void stop() {
        time.reset();
    }

    @Test
    void theSecretarySignsTheDraftedActInThePageAndAMemberVotes() throws Exception {
        Browser.assumeAvailable();
        ActGiven.Case c = ActGiven.started();
        ActGiven.events(c.attemptId(),
                "connection.closed", c.startedAt().plus(Duration.ofMinutes(2)), Map.of(),
                "problem.reported", c.startedAt().plus(Duration.ofMinutes(3)), Map.of("text", "Интернет жоқ, бет қатып қалды"),
                "recording.stopped", c.startedAt().plus(Duration.ofMinutes(2)), Map.of("track", "CAMERA", "reason", "ENDED"),
                "recording.resumed", c.startedAt().plus(Duration.ofMinutes(9)), Map.of("track", "CAMERA", "reason", "RESUMED"),
                "connection.opened", c.startedAt().plus(Duration.ofMinutes(9)), Map.of());
        time.advance(Duration.ofMinutes(15));
        String act;
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), c.secretary().login());
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "casework/acts.html");
            // the exam's secretary sees the attempt and drafts its act with one button
            assertThat(page.locator("#candidates tr[data-attempt='" + c.attemptId() + "']")).containsText(c.student().login());
            Browser.screenshot(page, "act-list-secretary");
            page.locator("#candidates tr[data-attempt='" + c.attemptId() + "'] button").click();
            page.waitForURL("**/casework/act.html?id=*");
            act = page.url().substring(page.url().indexOf("id=") + 3);
            assertThat(page.locator("#evidence")).containsText("Интернет жоқ, бет қатып қалды");
            // the drafted evidence in the reader's words, the time lost as people read it (issue 15)
            assertThat(page.locator("#evidence")).containsText("the camera recording stopped (the device was disconnected or access was withdrawn)");
            assertThat(page.locator("#lost")).containsText("7 min");
            assertThat(page.locator("#lost")).not().containsText("420");
            page.locator("#a-effect").fill("The student could not answer for 7 minutes.");
            page.locator("#a-measures").fill("The proctor called the student; the connection came back at minute 9.");
            Browser.screenshot(page, "act-draft-secretary");
            page.locator("#a-sign").click();
            assertThat(page.locator("#act-state")).containsText("Signed");
            assertThat(page.locator("#effect")).containsText("7 minutes");
            assertThat(page.locator("#a-what")).hasCount(0);
            assertThat(page.locator("#mail")).containsText(c.member2().login() + "@uni.example");
            assertTrue(smtp.waitForIncomingEmail(90_000, 4));
            page.reload();
            assertThat(page.locator("#mail")).containsText("sent");
            Browser.screenshot(page, "act-signed-secretary");
        }

        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), c.member1().login());
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "casework/inbox.html");
            assertThat(page.locator("#notices")).containsText("Technical-failure act");
            Browser.screenshot(page, "act-inbox-member");
            page.locator("#notices a.button").first().click();
            page.waitForURL("**/casework/act.html?id=" + act);
            page.locator("#vote-form input[value=RESUME]").check();
            page.locator("#v-comment").fill("The event log shows the outage");
            page.locator("#v-submit").click();
            assertThat(page.locator("#my-vote")).containsText("Resume the same attempt");
            assertThat(page.locator("#votes")).containsText("The event log shows the outage");
            assertThat(page.locator("#vote-form")).hasCount(0);
            Browser.screenshot(page, "act-voted-member");
        }
        c.member2().api().body(Map.of("choice", "RESUME")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        c.chair().api().body(Map.of("choice", "VOID")).post("/api/acts/" + act + "/votes").then().statusCode(200);

        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), c.chair().login());
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "casework/act.html?id=" + act);
            assertThat(page.locator("#tally")).containsText("All votes are in");
            page.locator("#d-reason").fill("Confirmed by the log and the recording gap");
            page.locator("#d-submit").click();
            assertThat(page.locator("#decision")).containsText("Resume the same attempt");
            assertThat(page.locator("#decision")).containsText("7 min credited");
            assertThat(page.locator("#attempt-state")).containsText("in progress");
            Browser.screenshot(page, "act-decided-chair");
        }
        c.student().api().get("/api/attempts/" + c.attemptId()).then().body("state", equalTo("IN_PROGRESS"));

        // the student reads the decision, here in Kazakh, and can't vote or edit
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), c.student().login());
            page.evaluate("localStorage.setItem('adal.lang','kk')");
            page.navigate(base + "casework/inbox.html");
            page.locator("#notices a.button").first().click();
            assertThat(page.locator("#decision")).containsText("Жоғалған уақытты есептеп, сол әрекетті жалғастыру");
            assertThat(page.locator("#decision")).containsText("7 мин есепке алынды");
            assertThat(page.locator("#lost")).containsText("7 мин");
            assertThat(page.locator("#evidence")).containsText("камера жазбасы тоқтады (құрылғы ажыратылды немесе рұқсат қайтарылды)");
            assertThat(page.locator("#evidence")).containsText("байланыс");
            assertThat(page.locator("#vote-form")).hasCount(0);
            assertThat(page.locator("#act-form")).hasCount(0);
            Browser.screenshot(page, "act-decided-student-kk");
        }
    }

    @Test
    void theTeacherSetsTheCommissionInThePage() {
        Browser.assumeAvailable();
        ActGiven.Case c = ActGiven.started();
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "teacher");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "casework/commission.html?exam=" + c.examId());
            assertThat(page.locator("#current")).containsText(c.chair().login());
            page.locator("#c-members").fill("member1, member2");
            page.locator("#c-chair").fill("chair");
            page.locator("#c-secretary").fill("secretary");
            page.locator("#c-save").click();
            assertThat(page.locator("#current li[data-login=member2]")).containsText("Member");
            assertThat(page.locator("#current li[data-login=chair]")).containsText("Chair");
            Browser.screenshot(page, "commission-set");
            page.navigate(base + "home.html");
            assertThat(page.locator("a.tile[href='/casework/commission.html']")).isVisible();
            Browser.screenshot(page, "home-teacher-casework");
        }
    }
}
