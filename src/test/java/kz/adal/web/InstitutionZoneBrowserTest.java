package kz.adal.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages read times in the institution's zone as the server configures it ({@code adal.zone}, issue 15), not a
 * zone written into web/js and not the browser's: the test browsers run in UTC, Almaty is UTC+5, and a server
 * that said Tokyo (UTC+9) moves every time on the page by nine hours.
 */
@QuarkusTest
class InstitutionZoneBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private static final String READ = "async () => { const m = await import('/js/adal.js'); await m.loadSettings();"
            + " return [m.zone(), m.fmtTime('2026-12-01T00:00:00Z', false), m.fmtDay('2026-12-01T20:30:00Z')]; }";

    @Test
    void pagesTakeTheZoneFromTheServersConfiguration() {
        given().get("/api/public/settings").then().statusCode(200).body("zone", equalTo(TimeSource.ZONE.getId()));
        try (BrowserContext ctx = Browser.context()) {
            Page page = ctx.newPage();
            page.navigate(base + "index.html");
            assertEquals("UTC", page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone"), "test browsers run in UTC");
            page.evaluate("() => localStorage.setItem('adal.lang', 'en')");
            Object almaty = page.evaluate(READ);
            assertEquals(java.util.List.of("Asia/Almaty", "05:00", "2 December 2026"), almaty, "the configured zone, UTC+5");
        }
        try (BrowserContext ctx = Browser.context()) {
            Page page = ctx.newPage();
            // the same pages, told another zone by the server
            page.route("**/api/public/settings", r -> r.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("application/json").setBody("{\"zone\":\"Asia/Tokyo\",\"defaultLanguage\":\"kk\"}")));
            page.navigate(base + "index.html");
            page.evaluate("() => localStorage.setItem('adal.lang', 'en')");
            assertEquals(java.util.List.of("Asia/Tokyo", "09:00", "2 December 2026"), page.evaluate(READ));
        }
    }
}
