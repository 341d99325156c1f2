package kz.adal.bank;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.bank.review.AcademicYear;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 2 in the browser: an author builds a bank, the head approves it, an expert reviews it. */
@QuarkusTest
class BankPagesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private Page as(BrowserContext ctx, String login) {
        Page page = Browser.loggedIn(ctx, base.toString(), login);
        page.evaluate("localStorage.setItem('adal.lang','en')");
        return page;
    }

    @Test
    void aBankIsCreatedImportedApprovedAndReviewedThroughThePages(@TempDir Path dir) throws Exception {
        Path gift = dir.resolve("bank.gift");
        Files.write(gift, BankApiTest.demoGift("en"));
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, """
                Good question?
                A. one
                B. two
                C. three
                D. four
                E. five
                ANSWER: A
                DIFFICULTY: easy

                Six options?
                A. 1
                B. 2
                C. 3
                D. 4
                E. 5
                F. 6
                ANSWER: A
                """, StandardCharsets.UTF_8);
        String title = "Browser bank " + System.nanoTime();
        try (BrowserContext author = Browser.context(); BrowserContext head = Browser.context(); BrowserContext expert = Browser.context()) {
            // --- the author creates the bank with its passport
            Page a = as(author, "author");
            a.navigate(base + "bank/index.html");
            a.locator("#nb-title").fill(title);
            a.locator("#nb-disc").fill("Linear algebra");
            a.locator("#nb-prog").fill("6B01501 Mathematics");
            a.selectOption("#nb-lang", "en");
            a.locator("#nb-mat").fill("Table of integrals");
            a.locator("#new-bank button[type=submit]").click();
            a.waitForURL("**/bank/version.html?bank=*");
            assertThat(a.locator("h1")).containsText(title);

            // --- a bad file: problems named with line numbers, nothing imported until confirmed
            a.locator("#tab-import").click();
            a.waitForURL("**tab=import*");
            a.selectOption("#i-format", "AIKEN");
            a.locator("#i-file").setInputFiles(bad);
            a.locator("#i-preview").click();
            assertThat(a.locator("#import-problems")).containsText("line 10");
            assertThat(a.locator("#i-apply-valid")).isVisible();
            Browser.screenshot(a, "bank-import-problems");

            // --- a good 120-question GIFT file
            a.selectOption("#i-format", "GIFT");
            a.locator("#i-file").setInputFiles(gift);
            a.locator("#i-preview").click();
            a.locator("#i-apply").click();
            assertThat(a.locator("#import-done")).containsText("120 imported");
            a.waitForURL("**tab=import*");
            a.locator("#tab-questions").click();
            assertThat(a.locator("text=Passes validation")).isVisible();
            // 120 questions: 25 to a page, with search over stems and options
            assertThat(a.locator("#q-count")).containsText("1–25 of 120");
            assertThat(a.locator("ol.qlist > li")).hasCount(25);
            a.locator("#q-next").click();
            assertThat(a.locator("#q-count")).containsText("26–50 of 120");
            String stem = a.locator("ol.qlist > li strong").first().textContent();
            a.locator("#q-search").fill(stem);
            assertThat(a.locator("#q-count")).containsText("of 1 found");
            assertThat(a.locator("ol.qlist > li strong")).hasText(stem);
            a.locator("#q-search").fill("");
            a.selectOption("#q-diff", "HARD");
            assertThat(a.locator("#q-count")).containsText("of 24 found");
            Browser.screenshot(a, "bank-questions");

            // the author sends the version to the department; the head is told
            a.locator("#tab-approval").click();
            assertThat(a.locator("#sent-state")).containsText("Not sent");
            a.locator("#send-note").fill("Ready for the meeting of the 12th");
            a.locator("#send-to-department").click();
            a.locator("#confirm-ok").click();
            assertThat(a.locator("#sent-state")).containsText("Sent to the department");

            // --- the head of department records the meeting's approval and assigns the expert
            Page h = as(head, "head");
            h.navigate(h.url().replaceAll("/[^/]*$", "/") + "casework/inbox.html");
            assertThat(h.locator("article.notice-row:has-text('" + title + "')").first()).containsText("Ready for the meeting of the 12th");
            String url = a.url().replaceAll("&tab=.*", "").replaceAll("\\?tab=[^&]*&?", "?");
            h.navigate(url + (url.contains("?") ? "&" : "?") + "tab=approval");
            h.locator("#a-on").fill(LocalDate.now().minusDays(1).toString());
            h.locator("#a-min").fill("12");
            h.locator("#approve button[type=submit]").click();
            assertThat(h.locator("text=minutes No. 12")).isVisible();
            h.selectOption("#r-expert", new com.microsoft.playwright.options.SelectOption().setLabel("Мария Иванова (" + AcademicYear.containing(LocalDate.now()) + ")"));
            h.locator("#assign").click();
            assertThat(h.locator("td:has-text('Assigned')")).isVisible();
            Browser.screenshot(h, "bank-approval");

            // --- the expert reviews it
            Page e = as(expert, "expert");
            e.navigate(base + "bank/index.html");
            e.locator("a:has-text('" + title + "')").first().click();
            e.waitForURL("**/bank/review.html?id=*");
            e.locator("textarea[id^=c-]").first().fill("Option B is ambiguous");
            e.locator("textarea[id^=c-]").first().dispatchEvent("change");
            e.locator("#conclusion input[name=conformity][value=true]").check();
            e.locator("#conclusion input[name=difficulty][value=true]").check();
            e.locator("#conclusion input[name=wording][value=true]").check();
            e.locator("#conclusion input[name=conclusion][value=FIT]").check();
            e.locator("#conclusion input[name=computer]").check();
            e.locator("#overall").fill("Fit for computer testing after minor edits.");
            e.locator("#conclusion button[type=submit]").click();
            assertThat(e.locator("text=The conclusion is valid")).isVisible();
            Browser.screenshot(e, "bank-review");

            // --- now usable in exams
            h.navigate(base + "bank/index.html");
            assertThat(h.locator("tr[data-title='" + title + "'] td").last()).containsText("Yes");
        }
    }

    @Test
    void aThousandQuestionBankIsPagedAndSearchedWithoutAWait() {
        String v = BankApiTest.newBank("Large bank " + System.nanoTime(), "en");
        StringBuilder aiken = new StringBuilder();
        String[] level = {"easy", "medium", "hard"};
        for (int i = 1; i <= 1000; i++) {
            aiken.append("Question number ").append(i).append(i == 777 ? " about eigenvalues" : "").append("?\n")
                    .append("A. first ").append(i).append("\nB. second\nC. third\nD. fourth\nE. fifth\nANSWER: A\n")
                    .append("DIFFICULTY: ").append(level[i % 3]).append("\n\n");
        }
        BankApiTest.upload(v, "apply", "AIKEN", aiken.toString().getBytes(StandardCharsets.UTF_8), "").statusCode(200);
        String bank = kz.adal.testing.Api.as("author").get("/api/bank-versions/" + v).then().statusCode(200).extract().path("bankId");
        try (BrowserContext ctx = Browser.context()) {
            Page a = as(ctx, "author");
            a.navigate(base + "bank/version.html?bank=" + bank + "&v=" + v + "&tab=questions");
            assertThat(a.locator("#q-count")).containsText("1–25 of 1000");
            assertThat(a.locator("ol.qlist > li")).hasCount(25);
            // typing a word: the one matching question shows at once (filtering 1,000 questions, drawing 25)
            Number ms = (Number) a.evaluate("""
                    () => new Promise(done => {
                      const count = document.querySelector('#q-count'), before = count.textContent, input = document.querySelector('#q-search');
                      const t0 = performance.now();
                      input.value = 'eigenvalues';
                      input.dispatchEvent(new Event('input', { bubbles: true }));
                      const poll = () => count.textContent !== before ? done(performance.now() - t0) : requestAnimationFrame(poll);
                      poll();
                    })""");
            assertThat(a.locator("#q-count")).containsText("of 1 found");
            assertThat(a.locator("ol.qlist > li strong")).hasText("Question number 777 about eigenvalues?");
            org.junit.jupiter.api.Assertions.assertTrue(ms.doubleValue() < 1000, "search took " + ms + " ms");
            a.locator("#q-search").fill("");
            a.locator("#q-next").click();
            assertThat(a.locator("#q-count")).containsText("26–50 of 1000");
        }
    }
}
