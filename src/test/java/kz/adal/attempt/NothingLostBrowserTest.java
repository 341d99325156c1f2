package kz.adal.attempt;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Faults seen in the field, on the real exam page: a token refresh that fails while answers wait
 * to be sent, a session that ended, two devices on one attempt. Nothing a student did is lost, and
 * the page never shows as saved what the server did not apply.
 */
@QuarkusTest
class NothingLostBrowserTest {
    private static final Pattern SAVED = Pattern.compile("saved");
    private static final LocatorAssertions.HasAttributeOptions PATIENTLY = new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    @TestHTTPResource("/")
    URL base;

    private Page examPage(BrowserContext ctx, Given.Student st, String attemptId) {
        Page page = Browser.loggedIn(ctx, base.toString(), st.login());
        page.navigate(base + "student/exam.html?attempt=" + attemptId);
        assertThat(page.locator("#q-heading")).isVisible();
        return page;
    }

    private static String started(Given.Sitting s) {
        String id = AttemptApiTest.open(s);
        s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200);
        return id;
    }

    private static JsonPath paper(Given.Student st, String attemptId) {
        return st.api().get("/api/attempts/" + attemptId + "/paper").then().statusCode(200).extract().jsonPath();
    }

    private static void answerThreeOffline(BrowserContext ctx, Page page) {
        ctx.setOffline(true);
        for (int q = 0; q < 3; q++) {
            page.locator("#navgrid button[data-pos='" + q + "']").click();
            page.locator("label.option").nth(q + 1).click();
        }
        assertThat(page.locator("#save-state")).hasText(Pattern.compile("Offline — 3 unsent"));
    }

    /** The page's access token as it is after its life ended: same user and session, expired ten minutes ago. */
    private static String expired(String accessToken) {
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
        Instant now = Instant.now();
        return Jwt.issuer("adal").subject(claims.getString("sub")).upn(claims.getString("upn"))
                .groups(Set.copyOf(claims.getList("groups", String.class))).claim("sid", claims.getString("sid"))
                .issuedAt(now.minusSeconds(1200)).expiresAt(now.minusSeconds(600)).sign();
    }

    private static String refreshCookie(BrowserContext ctx) {
        return ctx.cookies().stream().filter(c -> c.name.equals("adal_refresh")).findFirst().orElseThrow().value;
    }

    @Test
    void aRefreshWhoseResponseIsLostMidExamNeitherLogsOutNorLosesAnswers() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = started(s);
        try (BrowserContext ctx = Browser.context()) {
            Page page = examPage(ctx, s.student(), id);
            answerThreeOffline(ctx, page);
            // offline past the access token's life
            page.evaluate("t => sessionStorage.setItem('adal.token', t)", expired((String) page.evaluate("sessionStorage.getItem('adal.token')")));
            // the first refresh reaches the server, which rotates the token; the answer never comes back
            String cookie = refreshCookie(ctx);
            AtomicInteger refreshes = new AtomicInteger();
            ctx.route("**/api/auth/refresh", route -> {
                if (refreshes.incrementAndGet() == 1) {
                    given().contentType(ContentType.JSON).body(Map.of("refreshToken", cookie))
                            .post(base + "api/auth/refresh").then().statusCode(200);
                    route.abort("connectionreset");
                } else {
                    route.resume();
                }
            });
            ctx.setOffline(false);

            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED, PATIENTLY);
            assertEquals(base + "student/exam.html?attempt=" + id, page.url(), "still on the exam: a failed refresh is not a logout");
            Browser.screenshot(page, "student-exam-after-lost-refresh");
        }
        JsonPath p = paper(s.student(), id);
        for (int q = 0; q < 3; q++) assertEquals(List.of(q + 1), p.getList("questions[" + q + "].selected"), "answer " + (q + 1));
    }

    @Test
    void unsentAnswersSurviveAnEndedSessionAndAreSentAfterLoggingInAgain() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = started(s);
        try (BrowserContext ctx = Browser.context()) {
            Page page = examPage(ctx, s.student(), id);
            answerThreeOffline(ctx, page);
            // meanwhile the session ends (logged out elsewhere, or the refresh token was reused)
            String token = (String) page.evaluate("sessionStorage.getItem('adal.token')");
            given().auth().oauth2(token).post(base + "api/auth/logout").then().statusCode(204);
            ctx.setOffline(false);

            page.waitForURL(Pattern.compile(".*/\\?next=.*"), new Page.WaitForURLOptions().setTimeout(20_000));
            page.locator("#login").fill(s.student().login());
            page.locator("#password").fill(Api.PASSWORD);
            page.locator("button[type=submit]").click();
            page.waitForURL("**/student/exam.html?attempt=*");
            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED, PATIENTLY);
        }
        JsonPath p = paper(s.student(), id);
        for (int q = 0; q < 3; q++) assertEquals(List.of(q + 1), p.getList("questions[" + q + "].selected"), "answer " + (q + 1));
    }

    /** Opens the exam on a second device; when the first still holds the proctoring socket, continues here. */
    private Page takeOver(BrowserContext ctx, Given.Student st, String attemptId) {
        Page page = examPage(ctx, st, attemptId);
        page.waitForFunction("() => document.querySelector('#pm-takeover') || document.querySelector('#proctoring-state')?.dataset.state === 'online'",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        if (page.locator("#pm-takeover").isVisible()) page.locator("#pm-takeover").click();
        assertThat(page.locator("#proctoring-state")).hasAttribute("data-state", "online", PATIENTLY);
        return page;
    }

    @Test
    void twoDevicesOnOneAttemptNeverShowAsSavedWhatTheServerDidNotApply() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = started(s);
        try (BrowserContext laptop = Browser.context(); BrowserContext phone = Browser.context()) {
            Page a = examPage(laptop, s.student(), id);
            a.locator("label.option").nth(1).click();
            assertThat(a.locator("#save-state")).hasAttribute("data-state", SAVED);
            // the laptop's link drops with a change to question 2 unsent; the student moves to the phone
            laptop.setOffline(true);
            a.locator("#navgrid button[data-pos='1']").click();
            a.locator("label.option").nth(2).click();
            assertThat(a.locator("#save-state")).hasText(Pattern.compile("Offline — 1 unsent"));

            Page b = takeOver(phone, s.student(), id);
            assertThat(b.locator("input[name=answer]").nth(1)).isChecked();   // question 1 as the laptop saved it
            b.locator("#navgrid button[data-pos='1']").click();
            b.locator("label.option").nth(4).click();
            assertThat(b.locator("#save-state")).hasAttribute("data-state", SAVED);
            assertEquals(List.of(4), paper(s.student(), id).getList("questions[1].selected"));

            // the laptop comes back and sends its old change: it must not overwrite the phone's newer
            // answer silently, nor show its own as saved
            laptop.setOffline(false);
            assertThat(a.locator("#save-state")).hasAttribute("data-state", SAVED, PATIENTLY);
            assertThat(a.locator("#changed-elsewhere")).isVisible();
            assertThat(a.locator("#changed-elsewhere")).containsText("Question 2 was changed in another tab or on another device");
            assertThat(a.locator("input[name=answer]").nth(4)).isChecked();
            assertThat(a.locator("input[name=answer]").nth(2)).not().isChecked();
            Browser.screenshot(a, "student-exam-changed-elsewhere");
            assertEquals(List.of(4), paper(s.student(), id).getList("questions[1].selected"), "the phone's answer stays");

            // a change made on the phone over the answer it shows counts
            // (the draw is random: question 2 may take several answers, then a click adds to what it shows)
            boolean several = "checkbox".equals(b.locator("input[name=answer]").first().getAttribute("type"));
            b.locator("label.option").nth(0).click();
            assertThat(b.locator("#save-state")).hasAttribute("data-state", SAVED);
            assertEquals(several ? List.of(0, 4) : List.of(0), paper(s.student(), id).getList("questions[1].selected"));
        }
    }
}
