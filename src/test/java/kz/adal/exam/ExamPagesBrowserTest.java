package kz.adal.exam;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@QuarkusTest
class ExamPagesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aTeacherSeesTheThirtyQuestionLimitInTheFormAndThenCreatesTheExam() {
        ExamFixtures.Group g = ExamFixtures.group("kk", 2, true);
        UUID bank = ExamFixtures.demoBank("kk");
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "teacher");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "exam/edit.html");
            page.locator("#f-title").fill("Browser attestation " + g.code());
            page.selectOption("#f-groupCode", g.code());
            page.selectOption("#f-bankVersionId", bank.toString());
            assertThat(page.locator("#pool")).containsText("120");
            page.locator("#f-questionCount").fill("31");
            // the live check names the limit and the clause before anything is saved
            assertThat(page.locator("#err-questionCount")).containsText("at most 30 questions");
            assertThat(page.locator("#err-questionCount")).containsText("001 §5.20.3");
            assertThat(page.locator("#f-questionCount")).hasAttribute("aria-invalid", "true");
            page.locator("#save").click();
            assertThat(page.locator("#save-result .problem")).containsText("30");
            Browser.screenshot(page, "exam-form-31-questions");
            page.locator("#f-questionCount").fill("30");
            assertThat(page.locator("#check-status")).containsText("Everything checks out");
            page.locator("#save").click();
            assertThat(page.locator("#saved")).containsText("Browser attestation " + g.code());
            Browser.screenshot(page, "exam-form-saved");

            page.navigate(base + "exam/index.html");
            assertThat(page.locator("table")).containsText("Browser attestation " + g.code());
            page.locator("tr:has-text('Browser attestation " + g.code() + "') button.primary").click();
            assertThat(page.locator("tr:has-text('Browser attestation " + g.code() + "')")).containsText("Published");
            Browser.screenshot(page, "exam-list");
            page.locator("a:has-text('Browser attestation " + g.code() + "')").click();
            assertThat(page.locator("tr[data-login='" + g.student(0).login() + "']")).containsText("Not decided");
            Browser.screenshot(page, "exam-students");
        }
    }

    @Test
    void aStudentPractisesATypicalTask() {
        // practice opens the banks of the student's group's exams (001 §5.23.2); the tests have no demo exams
        ExamFixtures.Group g = ExamFixtures.group("en", 1, true);
        ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("en")));
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), g.student(0).login());
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "exam/practice.html");
            page.locator("a.tile").first().click();
            page.locator("form.task").first().locator("input").first().check();
            page.locator("form.task").first().locator("button").click();
            assertThat(page.locator("#practice-score")).containsText("of 1 answered");
            Browser.screenshot(page, "exam-practice");
            page.navigate(base + "exam/sheets.html");
            assertThat(page.locator("#apply")).isVisible();
            Browser.screenshot(page, "exam-sheets-student");
        }
    }
}
