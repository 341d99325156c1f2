package kz.adal.casework;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.identity.Role;
import kz.adal.oral.OralCatalog;
import kz.adal.oral.OralRows;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Casework that used to end nowhere in the browser: each case is carried to its end by the people who decide it. */
@QuarkusTest
class CaseworkDeadEndsBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    TimeSource time;

    private BrowserContext context() {
        return Browser.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setTimezoneId("Asia/Almaty").setLocale("en-GB"));
    }

    private Page login(BrowserContext ctx, String login) {
        Page page = Browser.loggedIn(ctx, base.toString(), login);
        page.evaluate("localStorage.setItem('adal.lang','en')");
        return page;
    }

    @Test
    void theChairAllowsAnAbsenceAndSetsANewReSitDayFromTheDecisionItself() {
        LocalDate today = time.today();
        Fixtures.Person student = AppealGiven.finalYearStudent("nabsent");
        Fixtures.Person chair = Fixtures.person("nchair", Set.of(Role.TEACHER), null);
        String missed = (String) AppealGiven.sitting(today, chair.id(), List.of(student.id()), "Missed sitting " + student.login()).get("id");
        // a sitting of another programme is never offered for her re-sit
        AppealGiven.sitting(today.plusDays(2), chair.id(), List.of(AppealGiven.finalYearStudent("nother").id()),
                "Pedagogy sitting " + student.login(), "6B01101 Pedagogy");
        UUID turn = OralRows.turn(UUID.fromString(missed), student.id());
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes());
        String absence = student.api().body(Map.of("turnId", turn.toString(), "reason", "In hospital", "documentName", "c.pdf",
                "documentBase64", pdf)).post("/api/absences").then().statusCode(201).extract().path("id");
        Api.as("dean").body(Map.of("note", "checked")).post("/api/absences/" + absence + "/forward").then().statusCode(200);

        LocalDate day = today.plusDays(5);
        try (BrowserContext ctx = context()) {
            Page ch = login(ctx, chair.login());
            ch.navigate(base + "casework/absence-chair.html");
            Locator card = ch.locator("[data-absence]").filter(new Locator.FilterOptions().setHasText(student.login()));
            assertThat(card.locator("select.resit-sitting")).not().containsText("Pedagogy sitting " + student.login());
            card.locator("select.resit-sitting").selectOption("new");
            card.locator("input.resit-date").fill(day.toString());
            card.locator("textarea.visa-note").fill("The certificate is valid");
            card.locator("button.allow").click();
            assertThat(card.locator(".visa")).containsText("Allowed");
            assertThat(card.locator(".visa .resit")).containsText("Missed sitting " + student.login());
            Browser.screenshot(ch, "absence-chair-new-day");
        }
        // the new day has the missed sitting's commission and programme, and her turn
        OralCatalog oral = Arc.container().instance(OralCatalog.class).get();
        OralCatalog.SittingRecord s = oral.sitting(OralRows.turnElsewhere(student.id(), UUID.fromString(missed)).sittingId()).orElseThrow();
        OralCatalog.SittingRecord from = oral.sitting(UUID.fromString(missed)).orElseThrow();
        assertEquals(day, s.date());
        assertEquals(from.programme(), s.programme());
        assertEquals(from.chairId(), s.chairId());
    }

    @Test
    void theAppealButtonWaitsForTheResultAndTheDecisionForTheHearing() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("nappeal", java.time.Duration.ofHours(1), new java.math.BigDecimal("55.00"), "D+");
        // the teacher has not released the results yet
        kz.adal.exam.ExamRows.resultsVisibleAt(g.examId(), null);
        try (BrowserContext ctx = context()) {
            Page page = login(ctx, g.student().login());
            page.navigate(base + "casework/appeal.html");
            Locator row = page.locator("#appeal-options tr[data-attempt='" + g.attemptId() + "']");
            assertThat(row).containsText("result not published");
            assertThat(row.locator("button.file")).isDisabled();
            kz.adal.exam.ExamRows.resultsVisibleAt(g.examId(), time.now());
            page.reload();
            assertThat(row.locator("button.file")).isEnabled();
        }
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        String id = g.student().api().body(Map.of("attemptId", g.attemptId(), "reason", "Recount question 3")).post("/api/appeals")
                .then().statusCode(201).extract().path("id");
        java.time.Instant hearing = time.now().plusSeconds(3600);
        c.chair().api().body(Map.of("at", hearing.toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(200);
        c.chair().api().body(Map.of("decision", "REJECTED", "note", "no")).post("/api/appeals/" + id + "/decision").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("APPEAL_BEFORE_HEARING"));
        try (BrowserContext ctx = context()) {
            Page page = login(ctx, c.chair().login());
            page.navigate(base + "casework/appeal-chair.html");
            Locator card = page.locator("#appeal-cases [data-appeal='" + id + "']");
            assertThat(card.locator(".decide-after")).containsText("after the hearing");
            assertThat(card.locator("button.uphold")).hasCount(0);
        }
    }

    @Test
    void theExaminingChairIsRefusedAsAppealChairAndTheDeanIsNotSentIntoTheRoom() {
        LocalDate today = time.today();
        Fixtures.Person student = AppealGiven.finalYearStudent("nroom");
        Fixtures.Person chair = Fixtures.person("nrchair", Set.of(Role.TEACHER), null);
        Fixtures.Person deputy = Fixtures.person("nrdeputy", Set.of(Role.TEACHER), null);
        String sitting = (String) AppealGiven.sitting(today, chair.id(), List.of(student.id()), "Room sitting " + student.login()).get("id");
        Api.as("dean").body(Map.of("sittingId", sitting, "chairId", chair.id(), "deputyId", deputy.id()))
                .post("/api/appeal-commissions").then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("COMMISSION_NOT_INDEPENDENT"))
                .body("detail", org.hamcrest.Matchers.containsString("independent of the one that graded"));
        // the dean set nothing up in this room and sits on no commission: the room says so
        Api.as("dean").get("/api/oral/sittings/" + sitting).then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("ORAL_NOT_A_PARTICIPANT"));
        try (BrowserContext ctx = context()) {
            Page page = login(ctx, "dean");
            page.navigate(base + "oral/index.html");
            Locator row = page.locator("#sittings tr[data-sitting='" + sitting + "']");
            assertThat(row).containsText("not a participant");
            assertThat(row.locator("a[href*='room.html']")).hasCount(0);
        }
    }
}
