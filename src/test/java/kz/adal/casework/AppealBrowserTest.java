package kz.adal.casework;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium: the admin adds a holiday and a moved day off in the calendar page; a student files an
 * appeal; another student's late appeal is refused with the reason; the chair sees the hearing deadline
 * pushed past those two days, sets the hearing and upholds the appeal with a new grade, which the
 * student then sees.
 */
@QuarkusTest
class AppealBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        time.reset();
    }

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
    void fileRefuseHearAndDecideAnAppealOnTheAdminCalendar() {
        Browser.assumeAvailable();
        LocalDate today = time.today();
        List<LocalDate> special = AppealGiven.nextFreeWeekdays(today, 2);
        LocalDate holiday = special.get(0);
        LocalDate dayOff = special.get(1);
        AppealGiven.Graded inTime = AppealGiven.gradedAttempt("bappeal", Duration.ofHours(3), new BigDecimal("55.00"), "D+");
        AppealGiven.Graded late = AppealGiven.gradedAttempt("blate", Duration.ofHours(49), new BigDecimal("40.00"), "FX");
        AppealGiven.Commission c = AppealGiven.commission(inTime.examId());
        try (BrowserContext ctx = context()) {
            // 1. the admin enters a public holiday and a moved day off through the calendar page
            Page admin = login(ctx, "admin");
            admin.navigate(base + "admin/calendar.html?year=" + holiday.getYear());
            assertThat(admin.locator("#days")).isVisible();
            Browser.screenshot(admin, "calendar-before");
            admin.locator("#day-date").fill(holiday.toString());
            admin.selectOption("#day-kind", "HOLIDAY");
            admin.locator("#day-name").fill("Browser-test holiday");
            admin.locator("#add-day button[type=submit]").click();
            assertThat(admin.locator("#days tr[data-date='" + holiday + "']")).containsText("Public holiday");
            if (dayOff.getYear() != holiday.getYear()) admin.navigate(base + "admin/calendar.html?year=" + dayOff.getYear());
            admin.locator("#day-date").fill(dayOff.toString());
            admin.selectOption("#day-kind", "DAY_OFF");
            admin.locator("#day-name").fill("Moved day off by decree");
            admin.locator("#add-day button[type=submit]").click();
            assertThat(admin.locator("#days tr[data-date='" + dayOff + "']")).containsText("Moved day off");
            // a moved day off on a Saturday is refused in the page with the reason
            LocalDate saturday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
            if (saturday.getYear() == dayOff.getYear()) {
                admin.locator("#day-date").fill(saturday.toString());
                admin.selectOption("#day-kind", "DAY_OFF");
                admin.locator("#day-name").fill("wrong");
                admin.locator("#add-day button[type=submit]").click();
                assertThat(admin.locator("#add-day .problem")).containsText("already a day off");
            }
            Browser.screenshot(admin, "calendar-added");
            admin.close();

            // 2. a student files an appeal in the page
            Page student = login(ctx, inTime.student().login());
            student.navigate(base + "casework/appeal.html");
            student.locator("tr[data-attempt='" + inTime.attemptId() + "'] button.file").click();
            student.locator("#reason").fill("Question 7 has two correct options; my answer B is one of them.");
            assertThat(student.locator("#appeal-form a[href*='evidence.html']")).isVisible();
            Browser.screenshot(student, "appeal-form");
            student.locator("#file-appeal").click();
            assertThat(student.locator("#my-appeals")).containsText("Question 7 has two correct options");
            assertThat(student.locator("#my-appeals")).containsText("received");
            Browser.screenshot(student, "appeal-filed");
            student.close();

            // 3. another student's appeal after 48 hours is refused with the reason and the closing time
            Page lateStudent = login(ctx, late.student().login());
            lateStudent.navigate(base + "casework/appeal.html");
            assertThat(lateStudent.locator("tr[data-attempt='" + late.attemptId() + "']")).containsText("closed");
            lateStudent.locator("tr[data-attempt='" + late.attemptId() + "'] button.file").click();
            lateStudent.locator("#reason").fill("I only saw the result now");
            lateStudent.locator("#file-appeal").click();
            assertThat(lateStudent.locator(".refusal")).containsText("48 hours");
            assertThat(lateStudent.locator(".refusal")).containsText("001 §6.15.4");
            assertThat(lateStudent.locator(".refusal .closed-at")).containsText("Appeals closed at");
            Browser.screenshot(lateStudent, "appeal-late-refused");
            lateStudent.close();

            // 3b. the dean sets up the appeal commission of the other exam in the page
            Page dean = login(ctx, "dean");
            dean.navigate(base + "casework/appeal-chair.html");
            dean.locator("details.card summary").click();
            dean.locator("select.scope-id").selectOption("examId:" + late.examId());
            dean.locator("input.commission-title").fill("Appeal commission of the late exam");
            dean.locator("select.chair").selectOption(c.deputy().id().toString());
            dean.locator("select.deputy").selectOption(c.member().id().toString());
            Browser.screenshot(dean, "appeal-dean-setup");
            dean.locator("details.card button.primary").click();
            assertThat(dean.locator("#commissions")).containsText("Appeal commission of the late exam");
            dean.close();

            // 4. the chair sees the hearing deadline past the holiday and the moved day off, sets the hearing, upholds
            List<LocalDate> off = new ArrayList<>(List.of(holiday, dayOff));
            Api.as("admin").get("/api/calendar/" + today.getYear()).then().extract().jsonPath()
                    .getList("days.findAll { it.kind != 'WORKING_DAY' }.date", String.class).forEach(d -> off.add(LocalDate.parse(d)));
            LocalDate due = AppealGiven.addWeekdays(today, 2, off);
            Page chair = login(ctx, c.chair().login());
            chair.navigate(base + "casework/appeal-chair.html");
            var card = chair.locator("#appeal-cases [data-appeal]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Question 7 has two correct options"));
            assertThat(card.locator(".hearing-due")).hasAttribute("data-date", due.toString());
            Browser.screenshot(chair, "appeal-chair-deadline");
            card.locator("button.set-hearing").click();
            assertThat(card.locator(".hearing")).isVisible();
            // no decision before the hearing is held (001 §6.15.5); an hour and more later it is
            assertThat(card.locator(".decide-after")).isVisible();
            assertThat(card.locator("button.uphold")).hasCount(0);
            time.advance(java.time.Duration.ofMinutes(65));
            chair.clock().setFixedTime(System.currentTimeMillis() + 65 * 60_000L);
            chair.reload();
            card = chair.locator("#appeal-cases [data-appeal]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Question 7 has two correct options"));
            card.locator("textarea.decision-note").fill("Option B is also correct; the key is fixed.");
            card.locator("input.new-grade").fill("80");
            card.locator("button.uphold").click();
            assertThat(card.locator(".decision")).containsText("Grade changed from 55.00 D+ to 80.00");
            assertThat(card.locator(".decision")).containsText("chair");
            Browser.screenshot(chair, "appeal-chair-decided");
            chair.close();

            // 5. the student sees the decision and the new grade
            Page back = login(ctx, inTime.student().login());
            back.navigate(base + "casework/appeal.html");
            assertThat(back.locator("#my-appeals .decision")).containsText("Appeal upheld");
            assertThat(back.locator("#my-appeals")).containsText("grade now: 80.00");
            Browser.screenshot(back, "appeal-student-decision");
            // the same page in Kazakh, and the student's home tiles
            back.evaluate("localStorage.setItem('adal.lang','kk')");
            back.reload();
            assertThat(back.locator("#my-appeals .decision")).containsText("Апелляция қанағаттандырылды");
            Browser.screenshot(back, "appeal-student-decision-kk");
            back.navigate(base + "home.html");
            assertThat(back.locator("a.tile[href='/casework/appeal.html']")).isVisible();
            assertThat(back.locator("a.tile[href='/casework/absence.html']")).isVisible();
        } finally {
            Api.as("admin").delete("/api/calendar/" + holiday.getYear() + "/days/" + holiday);
            Api.as("admin").delete("/api/calendar/" + dayOff.getYear() + "/days/" + dayOff);
        }
    }

    @Test
    void anAbsenceGoesFromTheStudentViaTheDeanToTheChairsVisa() {
        Browser.assumeAvailable();
        LocalDate today = time.today();
        kz.adal.testing.Fixtures.Person student = AppealGiven.finalYearStudent("babsent");
        kz.adal.testing.Fixtures.Person chair = kz.adal.testing.Fixtures.person("bchair", java.util.Set.of(kz.adal.identity.Role.TEACHER), null);
        String missed = (String) AppealGiven.sitting(today, chair.id(), List.of(student.id()), "Missed oral sitting").get("id");
        AppealGiven.sitting(today.plusDays(3), chair.id(), List.of(AppealGiven.finalYearStudent("bother").id()), "Later oral sitting");
        try (BrowserContext ctx = context()) {
            Page page = login(ctx, student.login());
            page.navigate(base + "casework/absence.html");
            page.locator("#absence-reason").fill("I was in hospital on the sitting day.");
            // a file that is not a scan is refused with the reason, nothing is sent
            page.locator("#absence-document").setInputFiles(new com.microsoft.playwright.options.FilePayload("certificate.pdf",
                    "application/pdf", "MZ this is an executable".getBytes()));
            page.locator("#absence-form button[type=submit]").click();
            assertThat(page.locator("#absence-form .problem")).containsText("PDF, JPEG or PNG");
            page.locator("#absence-document").setInputFiles(new com.microsoft.playwright.options.FilePayload("certificate.pdf",
                    "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()));
            page.locator("#absence-form button[type=submit]").click();
            assertThat(page.locator("#my-absences")).containsText("at the dean's office");
            Browser.screenshot(page, "absence-student-applied");
            page.close();

            Page dean = login(ctx, "dean");
            dean.navigate(base + "casework/absence-dean.html");
            var card = dean.locator("[data-absence]").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(student.login()));
            card.locator("input.forward-note").fill("Hospital certificate checked");
            Browser.screenshot(dean, "absence-dean-list");
            card.locator("button.forward").click();
            assertThat(card).containsText("with the chair");
            dean.close();

            Page ch = login(ctx, chair.login());
            ch.navigate(base + "casework/absence-chair.html");
            var c2 = ch.locator("[data-absence]").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(student.login()));
            assertThat(c2.locator("select.resit-sitting")).containsText("Later oral sitting");
            String later = c2.locator("select.resit-sitting option").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Later oral sitting")).getAttribute("value");
            c2.locator("select.resit-sitting").selectOption(later);
            c2.locator("textarea.visa-note").fill("Hospital certificate is valid");
            Browser.screenshot(ch, "absence-chair-visa");
            c2.locator("button.allow").click();
            assertThat(c2.locator(".visa")).containsText("Allowed");
            assertThat(c2.locator(".visa .resit")).containsText("Later oral sitting");
            ch.close();

            Page back = login(ctx, student.login());
            back.navigate(base + "casework/absence.html");
            assertThat(back.locator("#my-absences .visa")).containsText("Re-sit: Later oral sitting");
            Browser.screenshot(back, "absence-student-allowed");
        }
        org.junit.jupiter.api.Assertions.assertNotNull(missed);
    }
}
