package kz.adal.exam;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a teacher does on an exam's page on exam day: who proctors it, and when students see their results. */
@QuarkusTest
class ExamDayPagesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private Page examPage(BrowserContext ctx, UUID exam, String login) {
        Page page = Browser.loggedIn(ctx, base.toString(), login);
        page.evaluate("localStorage.setItem('adal.lang','en')");
        page.navigate(base + "exam/students.html?id=" + exam);
        return page;
    }

    @Test
    void aTeacherAssignsAProctorFromTheStaffListAndRemovesHimAgain() {
        ExamFixtures.Group g = ExamFixtures.group("en", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("en")));
        try (BrowserContext ctx = Browser.context()) {
            Page page = examPage(ctx, exam, "teacher");
            assertThat(page.locator("#proctors")).containsText("No proctor is assigned yet");
            page.locator("#proctor-add button[type=submit]").click();
            assertThat(page.locator("#proctors-card .problem")).containsText("Choose a proctor");
            page.selectOption("#proctor-pick", "proctor");
            page.locator("#proctor-add button[type=submit]").click();
            assertThat(page.locator("#proctors li[data-proctor=proctor]")).containsText("(proctor)");
            // the picker no longer offers someone already assigned
            assertEquals(0, page.locator("#proctor-pick option[value=proctor]").count());
            Browser.screenshot(page, "exam-proctors");
            List<String> logins = Api.as("teacher").queryParam("examId", exam.toString()).get("/api/proctor/assignments")
                    .then().statusCode(200).extract().jsonPath().getList("proctorLogin");
            assertEquals(List.of("proctor"), logins);

            page.locator("#proctors li[data-proctor=proctor] button").click();
            assertThat(page.locator("dialog.confirm")).containsText("Remove the proctor?");
            page.locator("#confirm-cancel").click();
            assertThat(page.locator("#proctors li[data-proctor=proctor]")).isVisible();
            page.locator("#proctors li[data-proctor=proctor] button").click();
            page.locator("#confirm-ok").click();
            assertThat(page.locator("#proctors")).containsText("No proctor is assigned yet");
            assertEquals(0, Api.as("teacher").queryParam("examId", exam.toString()).get("/api/proctor/assignments")
                    .then().statusCode(200).extract().jsonPath().getList("id").size());
        }
    }

    @Test
    void aTeacherReleasesResultsAfterConfirming() {
        ExamFixtures.Group g = ExamFixtures.group("en", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("en")));
        try (BrowserContext ctx = Browser.context()) {
            Page page = examPage(ctx, exam, "teacher");
            assertThat(page.locator("#results-state")).containsText("not released yet");
            page.locator("#release-results").click();
            assertThat(page.locator("dialog.confirm")).containsText("Release the results?");
            page.locator("#confirm-cancel").click();
            assertThat(page.locator("dialog.confirm")).hasCount(0);
            org.junit.jupiter.api.Assertions.assertNull(Api.as("teacher").get("/api/exams/" + exam).then().extract().<String>path("resultsVisibleAt"));

            page.locator("#release-results").click();
            page.locator("#confirm-ok").click();
            assertThat(page.locator("#results-state")).containsText("Students see their results since");
            assertThat(page.locator("#release-results")).hasCount(0);
            assertNotNull(Api.as("teacher").get("/api/exams/" + exam).then().extract().<String>path("resultsVisibleAt"));
            Browser.screenshot(page, "exam-results-released");
        }
    }

    @Test
    void aRefusedReleaseShowsTheServersReasonAndTheTimeInTheReadersLocale() {
        ExamFixtures.Group g = ExamFixtures.group("en", 1, true);
        UUID exam = ExamFixtures.published(ExamFixtures.attestation(g, ExamFixtures.demoBank("en")));
        try (BrowserContext ctx = Browser.context()) {
            // the refusal the release API gives while an admitted student can still sit (problem+json with `until`)
            ctx.route("**/api/exams/" + exam + "/release-results", r -> r.fulfill(new Route.FulfillOptions().setStatus(409)
                    .setContentType("application/problem+json")
                    .setBody("{\"status\":409,\"code\":\"RESULTS_TOO_EARLY\",\"detail\":\"Нәтижелерді әлі ашуға болмайды: студенттер әлі тапсыра алады.\","
                            + "\"until\":\"2026-12-03T15:30:00Z\"}")));
            Page page = examPage(ctx, exam, "teacher");
            page.evaluate("localStorage.setItem('adal.lang','ru')");
            page.reload();
            page.locator("#release-results").click();
            page.locator("#confirm-ok").click();
            assertThat(page.locator("#release-problem")).containsText("студенттер әлі тапсыра алады");
            // 24-hour in the institution's zone (UTC+5, whatever the browser's), Russian month name, no ISO string
            String hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(java.time.Instant.parse("2026-12-03T15:30:00Z").atZone(java.time.ZoneId.of("Asia/Almaty")));
            assertThat(page.locator("#release-problem")).containsText(hhmm);
            assertThat(page.locator("#release-problem")).containsText("дек");
            assertThat(page.locator("#release-problem")).not().containsText("2026-12-03T");
        }
    }

    @Test
    void aStudentSeesOnlyHerOwnTilesAndStaffFindExamsInTheMenu() {
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "student.en");
            page.evaluate("localStorage.setItem('adal.lang','en')");
            page.reload();
            page.locator("a.tile").first().waitFor();   // the tiles are drawn after the page's data arrives
            List<String> tiles = page.locator("a.tile").evaluateAll("ts => ts.map(t => t.getAttribute('href'))")
                    instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            assertEquals(List.of("/student/index.html", "/exam/practice.html", "/casework/appeal.html", "/casework/absence.html",
                    "/exam/sheets.html", "/oral/index.html", "/casework/acts.html", "/casework/inbox.html"), tiles);
            // no tile speaks of staff work (drafting acts, commission rooms)
            assertThat(page.locator("main")).not().containsText("Draft, sign, vote");
            assertThat(page.locator("main")).not().containsText("Commission room");
            assertThat(page.locator("header nav a[href='/exam/index.html']")).hasCount(0);
            Browser.screenshot(page, "home-student");
        }
        for (String login : List.of("teacher", "registrar")) {
            try (BrowserContext ctx = Browser.context()) {
                Page page = Browser.loggedIn(ctx, base.toString(), login);
                page.evaluate("localStorage.setItem('adal.lang','en')");
                page.reload();
                page.locator("header nav a[href='/exam/index.html']").click();
                page.waitForURL("**/exam/index.html");
                assertThat(page.locator("h1")).hasText("Exams");
                assertThat(page.locator("header nav a[aria-current=page]")).hasText("Exams");
            }
        }
    }
}
