package kz.adal.proctoring;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptState;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proctor without authority asks to stop a student (001 §6.14): the exam's teacher is told in the inbox, opens the
 * request, sees the reason, the flags and the timeline, and confirms or declines it in the browser.
 */
@QuarkusTest
class TerminationDecisionBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private static AttemptState state(String attemptId) {
        return Arc.container().instance(AttemptCatalog.class).get().find(UUID.fromString(attemptId)).orElseThrow().state();
    }

    private String request(Proctored.Sitting s, Proctored.Person proctor, String reason) throws Exception {
        try (LiveSocket student = LiveSocket.student(base, s.attemptId(), s.student().token(), "tab-1")) {
            student.await(m -> LiveSocket.type(m, "ready"));
            student.event(s.attemptId(), 1, "visibility.hidden", Map.of());
            student.event(s.attemptId(), 2, "visibility.visible", Map.of());
        }
        return proctor.api().body(Map.of("reason", reason)).post("/api/proctor/attempts/" + s.attemptId() + "/terminate")
                .then().statusCode(202).body("state", equalTo("PENDING")).extract().path("id");
    }

    @Test
    void theTeacherIsToldInTheInboxAndConfirmsWithTheEvidenceInView() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String request = request(s, proctor, "a second person in the room");
        // nobody else may read the request
        Proctored.proctor().api().get("/api/proctor/terminations/" + request).then().statusCode(404);

        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "teacher");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "casework/inbox.html");
            var notice = page.locator("article.notice-row:has-text('" + s.student().login() + "')").first();
            assertThat(notice).containsText("a second person in the room");
            notice.locator("a.button").click();
            page.waitForURL("**/proctor/termination.html?id=" + request);
            assertThat(page.locator("#termination-reason")).containsText("a second person in the room");
            assertThat(page.locator("#termination-reason")).containsText("001 §6.14");
            assertThat(page.locator("#termination-state")).containsText("Awaiting confirmation");
            assertThat(page.locator("#termination-flags li[data-flag=TAB_LEFT]")).isVisible();
            assertThat(page.locator("#termination-timeline li[data-kind='visibility.hidden']")).isVisible();
            Browser.screenshot(page, "termination-decision");
            page.locator("#termination-confirm").click();
            assertThat(page.locator("dialog.confirm")).containsText("Stop this student?");
            page.locator("#confirm-ok").click();
            assertThat(page.locator("#termination-state")).containsText("Confirmed");
            assertThat(page.locator("#termination-confirm")).hasCount(0);
        }
        assertEquals(AttemptState.TERMINATED, state(s.attemptId()));
    }

    @Test
    void aDeclinedRequestLetsTheStudentContinue() throws Exception {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String request = request(s, proctor, "looked away");
        Api.as("teacher").get("/api/proctor/terminations").then().statusCode(200);
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "teacher");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "proctor/termination.html");
            page.locator("#terminations a[href$='" + request + "']").click();
            page.locator("#termination-decline").click();
            page.locator("#confirm-ok").click();
            assertThat(page.locator("#termination-state")).containsText("Declined");
        }
        assertEquals(AttemptState.IN_PROGRESS, state(s.attemptId()));
    }
}
