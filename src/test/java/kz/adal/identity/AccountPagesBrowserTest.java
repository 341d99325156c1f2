package kz.adal.identity;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@QuarkusTest
class AccountPagesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aWrongPasswordIsExplainedAndTheRightOneOpensTheHomePage() {
        try (BrowserContext ctx = Browser.context()) {
            Page page = ctx.newPage();
            page.navigate(base + "index.html");
            page.locator("#login").fill("teacher");
            page.locator("#password").fill("wrong-password1");
            page.locator("button[type=submit]").click();
            assertThat(page.locator(".problem")).isVisible();
            Browser.screenshot(page, "login-error");
            page.locator("#password").fill("demo1234");
            page.locator("button[type=submit]").click();
            page.waitForURL("**/home.html");
            assertThat(page.locator("h1")).containsText("Ерлан Тоқтаров");
        }
    }

    @Test
    void theInterfaceSwitchesBetweenKazakhRussianAndEnglish() {
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "teacher");
            page.selectOption("#lang", "kk");
            page.waitForLoadState();
            assertThat(page.locator("h1")).containsText("Сәлеметсіз бе");
            page.selectOption("#lang", "ru");
            page.waitForLoadState();
            assertThat(page.locator("h1")).containsText("Здравствуйте");
            page.selectOption("#lang", "en");
            page.waitForLoadState();
            assertThat(page.locator("h1")).containsText("Hello");
            assertThat(page.locator("header nav")).containsText("Question banks");
        }
    }

    @Test
    void anAdminImportsAccountsAndSeesBadLinesNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "login,full_name,roles,group,language\nweb.ok,Web Ok,STUDENT,G-9,en\nweb.bad,Web Bad,STUDENT|GHOST,G-9,en\n", StandardCharsets.UTF_8);
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "login,full_name,roles,group,language\nweb.one,Web One,STUDENT,G-9,kk\nweb.two,Web Two,STUDENT,G-9,ru\n", StandardCharsets.UTF_8);
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "admin");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.navigate(base + "admin/users.html");
            page.locator("#csv").setInputFiles(bad);
            page.locator("#csv-upload").click();
            assertThat(page.locator(".problem")).containsText("line 3");
            assertThat(page.locator(".problem")).containsText("GHOST");
            page.locator("#csv").setInputFiles(good);
            page.locator("#csv-upload").click();
            assertThat(page.locator(".okbox")).containsText("2 accounts imported");
            assertThat(page.locator("tr[data-login='web.two']")).isVisible();
            assertThat(page.locator("tr[data-login='web.ok']")).hasCount(0);
            Browser.screenshot(page, "admin-users");
        }
    }
}
