package kz.adal.attempt;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.exam.DeliveryMode;
import kz.adal.exam.ExamRows;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student of an exam that requires Safe Exam Browser, in Kazakh: in an ordinary browser the check page says
 * so and hands out the exam's file, and the exam can't be started; "in SEB" (every request carrying the key
 * header SEB adds, computed per URL as SEB does) the page says so, the exam starts and answers are saved; the
 * exam page opened outside SEB refuses in Kazakh.
 */
@QuarkusTest
class SebBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Page kazakh(BrowserContext ctx, String login) {
        Page page = Browser.loggedIn(ctx, base.toString(), login);
        page.evaluate("() => localStorage.setItem('adal.lang', 'kk')");
        return page;
    }

    /** What SEB does to every request of its browser: X-SafeExamBrowser-ConfigKeyHash = SHA-256(URL + Config Key). */
    private static void actAsSeb(BrowserContext ctx, String configKey) {
        ctx.route("**/api/**", route -> {
            Map<String, String> headers = new HashMap<>(route.request().headers());
            headers.put("x-safeexambrowser-configkeyhash", sha256(route.request().url().split("#")[0] + configKey));
            route.resume(new Route.ResumeOptions().setHeaders(headers));
        });
    }

    @Test
    void onlySebStartsAndSitsTheExam() throws Exception {
        Given.Sitting s = Given.sitting(Given.exam().questions(5).language("kk"));
        // sat on campus: no equipment checks between the student and the start button
        ExamRows.deliveryMode(s.examId(), DeliveryMode.SUPERVISED_ON_CAMPUS);
        String key = Api.as("teacher").body(Map.of("required", true)).put("/api/exams/" + s.examId() + "/seb")
                .then().statusCode(200).extract().path("configKey");

        try (BrowserContext plain = Browser.context(); BrowserContext seb = Browser.context()) {
            Page page = kazakh(plain, s.student().login());
            page.navigate(base + "student/check.html?exam=" + s.examId());
            assertThat(page.locator("#seb-state")).hasAttribute("data-state", "needed");
            assertThat(page.locator("#seb-state")).containsText("Safe Exam Browser бағдарламасында тапсырылады");
            assertThat(page.locator("#start")).isDisabled();
            Download file = page.waitForDownload(() -> page.locator("#seb-download").click());
            String plist = Files.readString(file.path());
            assertTrue(plist.contains("<string>" + base + "student/check.html?exam=" + s.examId() + "</string>"), plist);
            Browser.screenshot(page, "student-check-seb-needed-kk");

            actAsSeb(seb, key);
            Page inSeb = kazakh(seb, s.student().login());
            inSeb.navigate(base + "student/check.html?exam=" + s.examId());
            assertThat(inSeb.locator("#seb-state")).hasAttribute("data-state", "in-seb");
            assertThat(inSeb.locator("#start")).isEnabled();
            inSeb.locator("#start").click();
            inSeb.waitForURL("**/student/exam.html?attempt=*");
            inSeb.locator("label.option").nth(1).click();
            assertThat(inSeb.locator("#save-state")).hasAttribute("data-state", "saved");

            // the exam page outside SEB: refused, in Kazakh, nothing shown of the paper
            page.navigate(inSeb.url());
            assertThat(page.locator(".problem").first()).containsText("Safe Exam Browser");
            assertThat(page.locator(".problem").first()).not().containsText(Pattern.compile("This exam|SEB_REQUIRED"));
            assertThat(page.locator("label.option")).hasCount(0);
        }
    }
}
