package kz.adal.lti;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.exam.DeliveryMode;
import kz.adal.testing.Browser;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One launch walked in Chromium as a student makes it: from the (emulated) Moodle course page, through Adal's login
 * initiation, the platform's authentication endpoint and its auto-posted id_token, to the exam's check page, signed in
 * with no password. The platform is on another site (127.0.0.1) than Adal (localhost), as Moodle is.
 */
@QuarkusTest
class LtiBrowserTest {

    @Test
    void aStudentFromTheCourseLandsSignedInOnTheExamsCheckPage() throws Exception {
        Browser.assumeAvailable();
        LtiTest.registered();
        String group = Fixtures.group("LTIB");
        UUID examId = Fixtures.publishedExam(group, "LTI browser exam", 5, 30, DeliveryMode.REMOTE_UNPROCTORED);
        Fixtures.Person student = Fixtures.student("ltib", group);
        Fixtures.admit(examId, student.id(), "admitted for the LTI walk");
        PlatformEmulator.Launch launch = new PlatformEmulator.Launch().learner(examId.toString()).as(student.login(), null);

        try (BrowserContext ctx = Browser.context()) {
            Page page = ctx.newPage();
            page.navigate(LtiTest.platform.startUrl(launch));
            page.waitForURL("**/student/check.html?exam=" + examId, new Page.WaitForURLOptions().setTimeout(90_000));
            page.locator("#start").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(90_000));
            Browser.screenshot(page, "lti-launch-check-page");
            assertTrue(page.locator("h1").first().isVisible());
            String who = page.locator(".who .user").textContent();
            assertTrue(who.contains("Person " + student.login()), "signed in as the student: " + who);
        }
    }

    @Test
    void anInstructorsChoiceIsPostedBackToTheCourse() throws Exception {
        Browser.assumeAvailable();
        LtiTest.registered();
        UUID examId = Fixtures.publishedExam(Fixtures.group("LTIB"), "LTI deep link exam", 5, 30, DeliveryMode.REMOTE_UNPROCTORED);
        PlatformEmulator.Launch launch = new PlatformEmulator.Launch().as("teacher", null);
        launch.roles = java.util.List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
        launch.messageType = "LtiDeepLinkingRequest";
        int before = LtiTest.platform.deepLinkResponses.size();
        Browser.forgetCspViolations();

        try (BrowserContext ctx = Browser.context()) {
            Page page = ctx.newPage();
            page.navigate(LtiTest.platform.startUrl(launch));
            page.waitForURL("**/lti/deep-link.html?request=*", new Page.WaitForURLOptions().setTimeout(90_000));
            page.locator("input[name=exam][value='" + examId + "']").check(new com.microsoft.playwright.Locator.CheckOptions().setTimeout(90_000));
            Browser.screenshot(page, "lti-deep-link-pick");
            page.locator("#lti-add").click();
            // the handoff page posts the signed answer to the platform by itself
            page.locator("#added").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
        }
        assertTrue(LtiTest.platform.deepLinkResponses.size() > before, "the platform received the deep-linking response");
        var got = LtiTest.platform.deepLinkResponses.get(LtiTest.platform.deepLinkResponses.size() - 1);
        assertTrue(got.toString().contains(examId.toString()), got.toString());
        assertTrue(Browser.cspViolations().isEmpty(), Browser.cspViolations().toString());
    }
}
