package kz.adal.identity;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import kz.adal.testing.OidcProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a student does in Chromium: on Adal's login page (in Kazakh) "Sign in with the university account", the
 * university's log-in page (a real OpenID Provider, {@link OidcProvider}), its consent, and back in Adal signed in,
 * on the page they wanted. A person the provider knows but Adal does not reads why, in their language.
 */
@QuarkusTest
class SsoBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private OidcProvider provider;

    @BeforeEach
    void provider() {
        provider = OidcProvider.shared(base.toString());
    }

    @Test
    void aStudentSignsInWithTheUniversityAccountAndLandsWhereTheyWereGoing() {
        try (BrowserContext ctx = Browser.context()) {
            ctx.addInitScript("localStorage.setItem('adal.lang', 'kk')");
            Page page = ctx.newPage();
            page.navigate(base + "?next=%2Fstudent%2Findex.html");
            page.locator("#sso").click();
            // the university's own page
            page.waitForURL(OidcProvider.ISSUER + "/**");
            page.locator("input[name=login]").fill("student");
            page.locator("input[name=password]").fill("whatever-the-university-checks");
            page.locator("button[type=submit]").click();
            page.locator("button[type=submit]").click();   // the provider asks to share the profile with Adal
            page.waitForURL("**/student/index.html");
            assertThat(page.locator(".user")).containsText("Айгерім Сәрсенова");
            Browser.screenshot(page, "sso-signed-in-kk");
        }
    }

    @Test
    void somebodyAdalDoesNotKnowIsToldWhyInRussian() {
        try (BrowserContext ctx = Browser.context()) {
            ctx.addInitScript("localStorage.setItem('adal.lang', 'ru')");
            Page page = ctx.newPage();
            page.navigate(base.toString());
            page.locator("#sso").click();
            page.waitForURL(OidcProvider.ISSUER + "/**");
            page.locator("input[name=login]").fill("stranger-" + UUID.randomUUID().toString().substring(0, 6));
            page.locator("input[name=password]").fill("x");
            page.locator("button[type=submit]").click();
            page.locator("button[type=submit]").click();
            page.waitForURL("**/?sso-error=*");
            assertThat(page.locator(".problem")).containsText("деканат");
            assertThat(page.locator("#login")).isVisible();   // the password form is still there
            assertTrue(page.locator(".problem").innerText().contains("Adal"));
            Browser.screenshot(page, "sso-refused-ru");
        }
    }
}
