package kz.adal.proctoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import kz.adal.vision.IdentityChecks;
import kz.adal.vision.VisionRows;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proctor console while the room is busy: what the proctor types is never lost to a live update,
 * and at the size of a real room (50 students, traffic from the test JVM) a warning still goes out.
 */
@QuarkusTest
class ProctorConsoleBrowserTest {
    private static final String WARNING = "Please keep your eyes on the exam screen";

    @TestHTTPResource("/")
    URL base;

    record Room(UUID examId, List<Proctored.Sitting> sittings, Proctored.Person proctor) {
    }

    static Room room(int students) {
        String group = Fixtures.group("PC");
        UUID exam = Proctored.exam(group);
        List<Proctored.Sitting> sittings = new ArrayList<>();
        for (int i = 0; i < students; i++) sittings.add(Proctored.started(exam, group));
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, exam);
        return new Room(exam, sittings, proctor);
    }

    Page console(BrowserContext ctx, Room room) {
        Page console = Browser.loggedIn(ctx, base.toString(), room.proctor().login());
        console.navigate(base + "proctor/index.html");
        assertThat(console.locator("#pc-live")).hasAttribute("data-state", "ok");
        return console;
    }

    /** Types into the action box key by key while the student's flags and events keep arriving, then warns. */
    static void typeAndWarn(Page console, StudentTraffic.Student target) throws Exception {
        Locator box = console.locator("#pc-text");
        Locator events = console.locator("#pc-events li");
        int eventsBefore = events.count();
        box.click();
        box.pressSequentially(WARNING, new Locator.PressSequentiallyOptions().setDelay(90));
        assertEquals(WARNING, box.inputValue(), "what the proctor typed is all there");
        assertEquals("pc-text", console.evaluate("() => document.activeElement && document.activeElement.id"), "the focus stayed in the box");
        // the page did change while the proctor typed: otherwise this proves nothing
        assertTrue(events.count() > eventsBefore, "new events arrived while typing");
        console.locator("#pc-warning").click();
        JsonNode m = target.socket.await(x -> LiveSocket.type(x, "message") && "WARNING".equals(x.path("kind").asText()), 10);
        assertEquals(WARNING, m.path("text").asText());
        assertThat(box).hasValue("");
    }

    /** An identity check waiting for a proctor (the queue is everyone's). */
    static void identityCheckWaiting(Proctored.Sitting s) {
        VisionRows.check(new VisionRows.Check(UUID.fromString(s.attemptId()), s.examId(), s.student().id(),
                IdentityChecks.Status.PENDING, IdentityChecks.Reason.NO_REFERENCE, null, 1,
                Base64.getDecoder().decode(StudentTraffic.jpeg(1)), Instant.now()));
    }

    @Test
    void whatTheProctorTypesSurvivesLiveUpdatesAndTheWarningArrives() throws Exception {
        Room room = room(2);
        identityCheckWaiting(room.sittings().get(1));
        int waiting = room.proctor().api().get("/api/proctor/identity-checks").then().statusCode(200).extract().jsonPath().getList("id").size();
        try (StudentTraffic traffic = StudentTraffic.connect(base, room.sittings()); BrowserContext ctx = Browser.context()) {
            Page console = console(ctx, room);
            // how many identity checks wait, with the way to them
            Locator identity = console.locator("#pc-identity-link");
            assertThat(identity).hasText("Identity checks waiting: " + waiting + " — Open the identity queue");
            assertThat(identity).hasAttribute("href", "/proctor/identity.html");
            StudentTraffic.Student a = traffic.student(0);
            Locator tile = console.locator(".pc-tile[data-attempt='" + a.sitting.attemptId() + "']");
            assertThat(tile).isVisible();
            // an open flag: the score falls every second, and the tile is pushed again with it
            traffic.now(() -> a.event("visibility.hidden"));
            assertThat(tile.locator("[data-flag=TAB_LEFT]")).isVisible();
            tile.click();
            assertThat(console.locator("#pc-flags [data-flag=TAB_LEFT]")).isVisible();
            assertThat(console.locator("#pc-events [data-kind='visibility.hidden']")).isVisible();
            // the other student keeps switching tabs too; this one copies and comes back now and then
            traffic.start(Duration.ofMillis(1300), Duration.ofSeconds(3));
            typeAndWarn(console, a);
            // what the events say is in words, never a code
            assertThat(console.locator("#pc-events")).not().containsText("visibility.");
            assertThat(console.locator("#pc-detail")).not().containsText("IN_PROGRESS");
            Browser.screenshot(console, "proctor-console-typing");

            // the other student hands in: the session leaves the live grid for the finished list
            StudentTraffic.Student b = traffic.student(1);
            b.sitting.student().api().post("/api/attempts/" + b.sitting.attemptId() + "/submit").then().statusCode(200);
            assertThat(console.locator(".pc-tile[data-attempt='" + b.sitting.attemptId() + "']")).hasCount(0);
            assertThat(console.locator("#pc-finished li[data-attempt='" + b.sitting.attemptId() + "']")).containsText("handed in");
            assertThat(console.locator("#pc-grid")).not().containsText("SUBMITTED");
        }
    }

    @Test
    void aRoomOfFiftyStudents() throws Exception {
        Room room = room(50);
        try (StudentTraffic traffic = StudentTraffic.connect(base, room.sittings()); BrowserContext ctx = Browser.context()) {
            Page console = console(ctx, room);
            assertThat(console.locator(".pc-tile")).hasCount(50, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
            traffic.start(Duration.ofSeconds(2), Duration.ofSeconds(10));
            StudentTraffic.Student target = traffic.student(37);
            Locator tile = console.locator(".pc-tile[data-attempt='" + target.sitting.attemptId() + "']");
            // the busy room shows on the tiles: open and recently closed tab switches, with what they were
            assertThat(tile.locator("[data-was=TAB_LEFT]").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
            assertThat(console.locator(".pc-tile img:not([hidden])").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
            tile.click();
            assertThat(console.locator("#pc-name")).hasText(tile.locator(".name").textContent());
            typeAndWarn(console, target);
            Browser.screenshot(console, "proctor-console-fifty");
        }
    }
}
