package kz.adal.attempt;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.adal.bank.BankCatalog;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The student's pages in Debian's Chromium (fake camera, microphone and screen from {@link Browser}). */
@QuarkusTest
class AttemptBrowserTest {
    private static final Pattern SAVED = Pattern.compile("saved");

    @TestHTTPResource("/")
    URL base;

    @Inject
    BankCatalog catalog;

    private List<List<Integer>> correctDisplayed(String attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<AttemptQuestion> rows = AttemptQuestion.list("key.attemptId = ?1 order by key.position", UUID.fromString(attemptId));
            Map<UUID, BankCatalog.QuestionContent> content = catalog.content(rows.stream().map(r -> r.questionId).toList());
            List<List<Integer>> out = new ArrayList<>();
            for (AttemptQuestion r : rows) out.add(content.get(r.questionId).correct().stream().map(r.optionOrder()::indexOf).sorted().toList());
            return out;
        });
    }

    /** An attempt already started through the API, for tests that begin on the exam page. */
    private static String startedByApi(Given.Sitting s) {
        String id = AttemptApiTest.open(s);
        s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200);
        return id;
    }

    private Page examPage(BrowserContext ctx, Given.Student st, String attemptId) {
        Page page = Browser.loggedIn(ctx, base.toString(), st.login());
        page.navigate(base + "student/exam.html?attempt=" + attemptId);
        assertThat(page.locator("#q-heading")).isVisible();
        return page;
    }

    private static JsonPath paper(Given.Student st, String attemptId) {
        return st.api().get("/api/attempts/" + attemptId + "/paper").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aStudentSitsAWholeExamInChromium() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10).minutes(50));
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.locator("a.tile[href='/student/index.html']").click();
            Locator card = page.locator("article[data-exam='" + s.examId() + "']");
            assertThat(card.locator("[data-state=open]")).isVisible();
            Browser.screenshot(page, "student-exams");
            card.locator("a.button").click();

            page.waitForURL("**/student/check.html?exam=*");
            assertThat(page.locator("#start")).isDisabled();
            for (String check : List.of("camera", "microphone", "screen", "download", "upload")) {
                page.locator("#run-" + check).click();
                assertThat(page.locator("#st-" + check)).not().hasAttribute("data-state", "none");
            }
            for (String check : List.of("camera", "microphone", "screen")) {
                assertThat(page.locator("#st-" + check)).hasAttribute("data-state", "ok");
            }
            Browser.screenshot(page, "student-check");
            assertThat(page.locator("#start")).isEnabled();
            page.locator("#start").click();

            page.waitForURL("**/student/exam.html?attempt=*");
            String attemptId = page.url().replaceAll(".*attempt=", "");
            List<List<Integer>> correct = correctDisplayed(attemptId);
            assertThat(page.locator("#timer")).hasText(Pattern.compile("^(49|50):\\d\\d$"));
            assertThat(page.locator("#materials")).containsText("Multiplication table");
            for (int q = 0; q < 9; q++) {   // the last question is left unanswered
                assertThat(page.locator("#q-heading")).hasText("Question " + (q + 1) + " of 10");
                for (int option : correct.get(q)) page.locator("label.option").nth(option).click();
                if (q == 2) page.locator("#mark").check();
                if (q == 4) Browser.screenshot(page, "student-exam");
                page.locator("#next").click();
            }
            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED);
            assertThat(page.locator("#navgrid button[data-pos='2']")).hasAttribute("aria-label", "Question 3, answered, marked for later");
            assertThat(page.locator("#navgrid button[data-pos='9']")).hasAttribute("aria-label", "Question 10, unanswered");
            page.locator("#submit").click();
            assertThat(page.locator("#confirm-text")).hasText("1 of 10 questions are unanswered.");
            Browser.screenshot(page, "student-submit");
            page.locator("#confirm-submit").click();

            page.waitForURL("**/student/result.html?attempt=*");
            assertThat(page.locator("#percent")).hasText("90.00 %");
            assertThat(page.locator("#letter")).hasText("A-");
            Browser.screenshot(page, "student-result");
        }
    }

    @Test
    void theTimerFollowsTheServerClockWhenTheComputersClockIsTwoHoursAhead() {
        Given.Sitting s = Given.sitting(Given.exam().questions(5));
        String id = startedByApi(s);
        try (BrowserContext ctx = Browser.context()) {
            ctx.addInitScript("(() => { const Real = Date; const skew = 2 * 3600 * 1000;"
                    + " class Skewed extends Real { constructor(...a) { if (a.length === 0) super(Real.now() + skew); else super(...a); }"
                    + " static now() { return Real.now() + skew; } }"
                    + " window.Date = Skewed; })();");
            Page page = examPage(ctx, s.student(), id);
            assertTrue((Double) page.evaluate("Date.now() - performance.timeOrigin - performance.now()") > 7_000_000, "the page's clock is skewed");
            assertThat(page.locator("#timer")).hasText(Pattern.compile("^(49|50):\\d\\d$"));
            Browser.screenshot(page, "student-exam-skewed-clock");
        }
    }

    @Test
    void aReloadMidExamKeepsTheAnswersAndThePlace() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = startedByApi(s);
        try (BrowserContext ctx = Browser.context()) {
            Page page = examPage(ctx, s.student(), id);
            page.locator("label.option").nth(2).click();
            page.locator("#navgrid button[data-pos='3']").click();
            page.locator("label.option").nth(1).click();
            page.locator("#mark").check();
            // a change the server never got: the request dies, as in a crash mid-save
            page.route("**/answers/5", route -> route.abort());
            page.locator("#navgrid button[data-pos='5']").click();
            page.locator("label.option").nth(4).click();
            assertThat(page.locator("#save-state")).not().hasAttribute("data-state", SAVED);
            page.unroute("**/answers/5");

            page.reload();
            assertThat(page.locator("#q-heading")).hasText("Question 6 of 10");
            assertThat(page.locator("input[name=answer]").nth(4)).isChecked();
            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED);
            page.locator("#navgrid button[data-pos='3']").click();
            assertThat(page.locator("input[name=answer]").nth(1)).isChecked();
            assertThat(page.locator("#mark")).isChecked();
            assertThat(page.locator("#navgrid button[data-pos='0']")).hasClass(Pattern.compile("answered"));
        }
        JsonPath p = paper(s.student(), id);
        assertEquals(List.of(2), p.getList("questions[0].selected"));
        assertEquals(List.of(1), p.getList("questions[3].selected"));
        assertEquals(List.of(4), p.getList("questions[5].selected"), "the unsent change was replayed after the reload");
        // on another computer the server's answers are loaded
        try (BrowserContext other = Browser.context()) {
            Page page = examPage(other, s.student(), id);
            page.locator("#navgrid button[data-pos='5']").click();
            assertThat(page.locator("input[name=answer]").nth(4)).isChecked();
        }
    }

    @Test
    void answersGivenOfflineReachTheServerWhenTheConnectionReturns() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = startedByApi(s);
        try (BrowserContext ctx = Browser.context()) {
            Page page = examPage(ctx, s.student(), id);
            ctx.setOffline(true);
            for (int q = 0; q < 3; q++) {
                page.locator("#navgrid button[data-pos='" + q + "']").click();
                page.locator("label.option").nth(q + 1).click();
            }
            assertThat(page.locator("#offline-banner")).isVisible();
            assertThat(page.locator("#save-state")).hasText(Pattern.compile("Offline — 3 unsent"));
            assertThat(page.locator("#navgrid button[data-pos='2']")).hasClass(Pattern.compile("answered"));
            Browser.screenshot(page, "student-exam-offline");
            assertEquals(List.of(), paper(s.student(), id).getList("questions[0].selected"));

            ctx.setOffline(false);
            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
            assertThat(page.locator("#offline-banner")).isHidden();
        }
        JsonPath p = paper(s.student(), id);
        for (int q = 0; q < 3; q++) assertEquals(List.of(q + 1), p.getList("questions[" + q + "].selected"));
    }

    @Test
    void aBrowserThatCannotShareTheScreenIsToldBeforeTheWindowOpens() {
        Given.Sitting s = Given.sitting(Given.exam().opensIn(Duration.ofDays(2)));
        try (BrowserContext ctx = Browser.context()) {
            ctx.addInitScript("delete MediaDevices.prototype.getDisplayMedia;");
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.navigate(base + "student/index.html");
            Locator card = page.locator("article[data-exam='" + s.examId() + "']");
            assertThat(card.locator("[data-state=upcoming]")).isVisible();
            assertThat(card.locator(".countdown")).hasText(Pattern.compile("^(1|2) d \\d+ h$"));
            assertThat(card.locator(".mobile-policy")).containsText("cannot share its screen");
            Browser.screenshot(page, "student-exams-mobile");
            card.locator("a.button").click();
            assertThat(page.locator(".mobile-policy")).isVisible();
            assertThat(page.locator("#start")).isDisabled();
        }
    }
}
