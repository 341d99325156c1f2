package kz.adal.vision;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static kz.adal.testing.Prerequisites.require;

/**
 * The identity gate in Chromium with a fake camera playing a face crop (000 §4.5, §4.7): the
 * enrolled person passes; another person waits for a proctor, whose approval lets them start.
 */
@QuarkusTest
class IdentityGateBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    FaceEngine engine;

    @BeforeEach
    void needsModelsAndFaces() {
        require(engine.available(), () -> "Face models absent: " + engine.unavailableReason());
        RealPhotos.cropsOrSkip(); // Anne Helene (bar55.jpg, bar55_2.jpg, the same evening) and Jesper
    }

    /** A Y4M camera feed of a crop on a 640×480 gray canvas (made here with Debian's ffmpeg; never stored in the repo). */
    static Path y4m(Path png) throws IOException, InterruptedException {
        Path out = Files.createTempFile("adal-fake-camera-", ".y4m");
        Process p = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-loop", "1", "-i", png.toString(),
                "-vf", "scale=200:200,pad=640:480:220:140:gray,format=yuv420p", "-frames:v", "20", "-r", "10", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("ffmpeg failed: " + log);
        out.toFile().deleteOnExit();
        return out;
    }

    private Page checkPage(BrowserContext ctx, VisionFixtures.Sitting s) {
        Page page = Browser.loggedIn(ctx, base.toString(), s.login());
        page.navigate(base + "student/check.html?exam=" + s.examId());
        assertThat(page.locator("#run-identity")).isVisible();
        for (String check : List.of("camera", "microphone", "screen")) {
            page.locator("#run-" + check).click();
            assertThat(page.locator("#st-" + check)).hasAttribute("data-state", "ok");
        }
        assertThat(page.locator("#start")).isDisabled(); // identity not yet checked
        page.locator("#run-identity").click();
        return page;
    }

    @Test
    void theEnrolledPersonOnCameraPassesTheGateAndStarts() throws Exception {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        IdentityApiTest.consent(s);
        IdentityApiTest.enroll(s, RealPhotos.crop("annehelene", 2));
        try (BrowserContext ctx = Browser.context("--use-file-for-fake-video-capture=" + y4m(RealPhotos.crop("annehelene", 3)))) {
            Page page = checkPage(ctx, s);
            assertThat(page.locator("#st-identity")).hasAttribute("data-state", "ok");
            assertThat(page.locator("#dt-identity")).hasAttribute("data-state", "passed");
            Browser.screenshot(page, "identity-passed");
            page.locator("#start").click();
            page.waitForURL("**/student/exam.html?attempt=*");
        }
    }

    @Test
    void anotherPersonWaitsForAProctorAndStartsOnceApproved() throws Exception {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        IdentityApiTest.consent(s);
        IdentityApiTest.enroll(s, RealPhotos.crop("annehelene", 2));
        try (BrowserContext ctx = Browser.context("--use-file-for-fake-video-capture=" + y4m(RealPhotos.crop("jesper", 2)));
             BrowserContext proctorCtx = Browser.context()) {
            Page page = checkPage(ctx, s);
            assertThat(page.locator("#dt-identity")).hasAttribute("data-state", "waiting");
            assertThat(page.locator("#start")).isDisabled();
            Browser.screenshot(page, "identity-waiting");

            Page proctor = Browser.loggedIn(proctorCtx, base.toString(), "proctor");
            proctor.navigate(base + "proctor/identity.html");
            Locator card = proctor.locator(".identity-check[data-login='" + s.login() + "']");
            assertThat(card).hasAttribute("data-reason", "MISMATCH");
            assertThat(card.locator("img")).hasCount(2); // the capture beside the reference photo
            Browser.screenshot(proctor, "proctor-identity");
            card.locator("button.primary").click(); // no reason yet: refused
            assertThat(card.locator(".problem")).isVisible();
            card.locator("textarea").fill("Student showed the ID card; the photo is old");
            card.locator("button.primary").click();
            assertThat(card).hasCount(0);

            assertThat(page.locator("#st-identity")).hasAttribute("data-state", "ok");
            assertThat(page.locator("#dt-identity")).hasAttribute("data-state", "approved");
            page.locator("#start").click();
            page.waitForURL("**/student/exam.html?attempt=*");
        }
    }

    /** The registrar's page (000 §4.7): consent first, then the ID-card photo becomes the reference. */
    @Test
    void theRegistrarRecordsConsentAndEnrollsTheIdCardPhoto() throws Exception {
        VisionFixtures.Sitting s = VisionFixtures.sitting();
        try (BrowserContext ctx = Browser.context()) {
            Page page = Browser.loggedIn(ctx, base.toString(), "registrar");
            page.navigate(base + "vision/enroll.html");
            page.locator("#filter").fill(s.login());
            page.locator("button.link[data-login='" + s.login() + "']").click();
            assertThat(page.locator("#photo")).hasCount(0); // no photo before consent
            page.locator("#consent-given").click();
            page.locator("#photo").setInputFiles(RealPhotos.crop("annehelene", 2));
            page.locator("#upload").click();
            assertThat(page.locator("#student-detail img")).isVisible();
            assertThat(page.locator("tr:has(button.link[data-login='" + s.login() + "']) .badge.ok")).hasCount(2);
            assertThat(page.locator("main")).not().containsText("null");
            Browser.screenshot(page, "identity-registrar-enrolled");
        }
    }
}
