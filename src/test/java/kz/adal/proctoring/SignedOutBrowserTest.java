package kz.adal.proctoring;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proctor whose role is removed while the console is open (or a student while sitting the exam): the live
 * feed stops, the page says "signed out" in their language, and it does not try to reconnect.
 */
@QuarkusTest
class SignedOutBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theConsoleSaysSignedOutAndStopsWhenTheProctorRoleIsRemoved() {
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        try (BrowserContext ctx = Browser.context()) {
            Page console = Browser.loggedIn(ctx, base.toString(), proctor.login());
            AtomicInteger sockets = new AtomicInteger();
            console.onWebSocket(ws -> sockets.incrementAndGet());
            console.navigate(base + "proctor/index.html");
            assertThat(console.locator("#pc-live")).hasAttribute("data-state", "ok");
            int opened = sockets.get();

            Api.as("admin").body(new String[]{"TEACHER"}).put("/api/users/" + proctor.id() + "/roles").then().statusCode(200);

            assertThat(console.locator("#signed-out")).isVisible();
            assertThat(console.locator("#pc-live")).hasAttribute("data-state", "stopped");
            assertThat(console.locator("#signed-out a")).hasAttribute("href", java.util.regex.Pattern.compile("^/\\?next="));
            Browser.screenshot(console, "proctor-signed-out");
            console.waitForTimeout(2000);  // proving an absence needs a wait: longer than the first reconnect delays (0.5 s, 1 s)
            assertEquals(opened, sockets.get(), "the console must not reconnect after 4440");
        }
    }

    /** The student's proctoring client keeps its socket through web/js/reconnecting-socket.js: 4440 ends it for good too. */
    @Test
    void theStudentsProctoringSaysSignedOutAndStopsWhenTheStudentRoleIsRemoved() {
        Proctored.Sitting s = Proctored.started();
        try (BrowserContext ctx = Browser.context()) {
            Page exam = Browser.loggedIn(ctx, base.toString(), s.student().login());
            AtomicInteger sockets = new AtomicInteger();
            exam.onWebSocket(ws -> { if (ws.url().contains("/ws/attempts/")) sockets.incrementAndGet(); });
            exam.navigate(base + "student/exam.html?attempt=" + s.attemptId());
            assertThat(exam.locator("#proctoring-state")).hasAttribute("data-state", "online");
            int opened = sockets.get();

            Api.as("admin").body(new String[]{"TEACHER"}).put("/api/users/" + s.student().id() + "/roles").then().statusCode(200);

            assertThat(exam.locator("#signed-out")).isVisible();
            assertThat(exam.locator("#proctoring-state")).hasAttribute("data-state", "offline");
            exam.waitForTimeout(2000);  // longer than the first reconnect delays (0.5 s, 1 s)
            assertEquals(opened, sockets.get(), "the proctoring client must not reconnect after 4440");
        }
    }
}
