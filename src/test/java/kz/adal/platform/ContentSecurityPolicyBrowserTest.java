package kz.adal.platform;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main pages of each role work under the Content-Security-Policy: Chromium reports nothing it refused.
 * (Recording, the oral room, the exam page and the proctor console are exercised by their own browser tests,
 * whose contexts report refusals the same way — see {@link Browser#cspViolations()}.)
 */
@QuarkusTest
class ContentSecurityPolicyBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private static final Map<String, List<String>> PAGES = Map.of(
            "admin", List.of("home.html", "admin/users.html", "admin/audit.html", "admin/calendar.html", "review/monitoring.html"),
            "author", List.of("bank/index.html"),
            "teacher", List.of("exam/index.html"),
            "student", List.of("student/index.html", "casework/inbox.html"),
            "proctor", List.of("proctor/index.html"),
            "reviewer", List.of("review/index.html"),
            "secretary", List.of("oral/index.html", "casework/acts.html"));

    @Test
    void theMainPagesOfEachRoleBreakNoRuleOfThePolicy() {
        Browser.forgetCspViolations();
        for (var role : PAGES.entrySet()) {
            try (BrowserContext ctx = Browser.context()) {
                Page page = Browser.loggedIn(ctx, base.toString(), role.getKey());
                for (String path : role.getValue()) {
                    page.navigate(base + path);
                    page.waitForLoadState(LoadState.NETWORKIDLE);
                    assertTrue(page.locator("h1").count() > 0, path + " rendered no heading");
                }
            }
        }
        assertEquals(List.of(), Browser.cspViolations());
    }

    @Test
    void aRefusalIsReported() {
        Browser.forgetCspViolations();
        try (BrowserContext ctx = Browser.context()) {
            Page page = ctx.newPage();
            page.navigate(base + "index.html");
            // what the policy is there to stop: an inline style attribute and an inline script
            page.evaluate("() => { document.body.setAttribute('style', 'color: red');"
                    + " const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }");
            page.waitForCondition(() -> Browser.cspViolations().size() >= 2);
        }
        assertTrue(Browser.cspViolations().stream().anyMatch(v -> v.contains("inline style")), Browser.cspViolations().toString());
        Browser.forgetCspViolations();
    }
}
