package kz.adal.attempt;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import kz.adal.testing.LossyProxy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answer whose response is lost <em>after</em> the server committed it: a fault-injecting TCP
 * proxy between client and server lets the save through, waits for the server's answer and throws
 * it away with a reset. The client re-sends the same change; it is applied once, and the page ends
 * showing what the server holds, as saved, with no "changed elsewhere" notice.
 */
@QuarkusTest
class LostAnswerResponseTest {
    private static final String ANSWER_SAVE = "^PUT /api/attempts/[^ ]+/answers/";
    private static final Pattern SAVED = Pattern.compile("saved");

    @TestHTTPResource("/")
    URL base;

    private static HttpResponse<String> save(HttpClient http, LossyProxy proxy, String token, String attempt, int pos, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/api/attempts/" + attempt + "/answers/" + pos))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSaveWhoseResponseWasLostIsAppliedOnceWhenSentAgain() throws Exception {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = AttemptApiTest.started(s);
        String token = Api.token(s.student().login());
        try (LossyProxy proxy = new LossyProxy(base.getPort()); HttpClient http = LossyProxy.http11()) {
            proxy.dropResponsesTo(ANSWER_SAVE, 1);
            String change = "{\"selected\":[2],\"marked\":false,\"seq\":7,\"baseSeq\":0}";
            assertThrows(IOException.class, () -> save(http, proxy, token, id, 0, change), "the response is lost on the way back");
            assertEquals(1, proxy.dropped());
            // the server committed before answering: the change is stored although the client never heard so
            JsonPath stored = s.student().api().get("/api/attempts/" + id + "/paper").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(2), stored.getList("questions[0].selected"));
            assertEquals(7L, stored.getLong("questions[0].seq"));

            HttpResponse<String> again = save(http, proxy, token, id, 0, change);
            assertEquals(200, again.statusCode(), again.body());
            JsonPath ack = JsonPath.from(again.body());
            assertFalse(ack.getBoolean("applied"), "a repeat is not applied a second time");
            assertEquals(7L, ack.getLong("seq"), "the server tells the client its own change is what it holds");
            assertEquals(List.of(2), ack.getList("selected"));
        }
    }

    @Test
    void theExamPageThatLostASaveResponseEndsShowingWhatTheServerHolds() {
        Given.Sitting s = Given.sitting(Given.exam().questions(10));
        String id = AttemptApiTest.started(s);
        try (LossyProxy proxy = new LossyProxy(base.getPort()); BrowserContext ctx = Browser.context()) {
            String via = proxy.baseUrl() + "/";
            Page page = Browser.loggedIn(ctx, via, s.student().login());
            page.navigate(via + "student/exam.html?attempt=" + id);
            assertThat(page.locator("#q-heading")).isVisible();

            proxy.dropResponsesTo(ANSWER_SAVE, 1);
            page.locator("label.option").nth(3).click();
            // the page re-sends (its retry timer) and hears that the server holds its change
            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED,
                    new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
            assertEquals(1, proxy.dropped(), "the first save's response was lost after the server answered");
            assertTrue(page.locator("#changed-elsewhere").isHidden(), "its own change is not reported as another device's");
            assertThat(page.locator("input[name=answer]").nth(3)).isChecked();

            // and it goes on normally: the next change is saved, a reload shows both as stored
            page.locator("#navgrid button[data-pos='1']").click();
            page.locator("label.option").nth(1).click();
            assertThat(page.locator("#save-state")).hasAttribute("data-state", SAVED);
            page.reload();
            assertThat(page.locator("#q-heading")).isVisible();
            page.locator("#navgrid button[data-pos='0']").click();
            assertThat(page.locator("input[name=answer]").nth(3)).isChecked();
        }
        JsonPath p = s.student().api().get("/api/attempts/" + id + "/paper").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3), p.getList("questions[0].selected"));
        assertEquals(List.of(1), p.getList("questions[1].selected"));
    }
}
