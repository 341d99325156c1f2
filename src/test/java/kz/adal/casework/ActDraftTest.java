package kz.adal.casework;

import kz.adal.casework.ActDraft.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The act's evidence drafted from events (001 §6.15.6). */
class ActDraftTest {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(30);

    static Instant at(int minutes, int seconds) {
        return T0.plusSeconds(minutes * 60L + seconds);
    }

    @Test
    void overlappingConnectionAndNetworkOutagesMergeIntoOneIntervalAndCountOnce() {
        var r = ActDraft.draft(List.of(
                Evidence.of("connection.closed", at(10, 0)),
                Evidence.of("network.offline", at(10, 20)),
                Evidence.of("network.online", at(13, 0)),
                Evidence.of("connection.opened", at(12, 0)),
                Evidence.of("connection.closed", at(13, 0)), // touches the previous one: same outage
                Evidence.of("connection.opened", at(14, 0))), T0, at(50, 0), GRACE);
        assertEquals(1, r.eventChannel().size());
        assertEquals(at(10, 0), r.eventChannel().get(0).from());
        assertEquals(at(14, 0), r.eventChannel().get(0).to());
        assertEquals("connection + network", r.eventChannel().get(0).what());
        assertEquals(240, r.lostSeconds());
    }

    @Test
    void blipsShorterThanTheGraceAreLeftOut() {
        var r = ActDraft.draft(List.of(
                Evidence.of("connection.closed", at(5, 0)), Evidence.of("connection.opened", at(5, 29)),
                Evidence.of("connection.closed", at(20, 0)), Evidence.of("connection.opened", at(20, 30))), T0, at(50, 0), GRACE);
        assertEquals(1, r.eventChannel().size());
        assertEquals(at(20, 0), r.eventChannel().get(0).from());
        assertEquals(30, r.lostSeconds());
    }

    @Test
    void anOutageNeverRestoredEndsAtTheAttemptsEndAndIsMarkedOpen() {
        var r = ActDraft.draft(List.of(Evidence.of("connection.closed", at(40, 0))), T0, at(50, 0), GRACE);
        assertTrue(r.eventChannel().get(0).open());
        assertEquals(at(50, 0), r.eventChannel().get(0).to());
        assertEquals(600, r.lostSeconds());
    }

    @Test
    void timeAlreadySuspendedIsNotCreditedTwice() {
        var r = ActDraft.draft(List.of(
                Evidence.of("connection.closed", at(10, 0)),
                Evidence.of("attempt.suspended", at(11, 0)),
                Evidence.of("attempt.resumed", at(14, 0)),
                Evidence.of("connection.opened", at(15, 0))), T0, at(50, 0), GRACE);
        assertEquals(300 - 180, r.lostSeconds());
        assertEquals(1, r.suspended().size());
    }

    @Test
    void mediaGapsAreListedPerTrackButDoNotCountAsLostTime() {
        var r = ActDraft.draft(List.of(
                new Evidence("recording.stopped", at(3, 0), Map.of("track", "CAMERA", "reason", "ENDED")),
                new Evidence("recording.stopped", at(4, 0), Map.of("track", "SCREEN", "reason", "DENIED")),
                new Evidence("recording.resumed", at(6, 0), Map.of("track", "CAMERA", "reason", "RESUMED")),
                new Evidence("recording.resumed", at(7, 0), Map.of("track", "SCREEN", "reason", "RESUMED"))), T0, at(50, 0), GRACE);
        assertEquals(1, r.mediaChannel().size());
        assertEquals(at(3, 0), r.mediaChannel().get(0).from());
        assertEquals(at(7, 0), r.mediaChannel().get(0).to());
        assertEquals(0, r.lostSeconds());
        assertEquals(2, r.errors().size());
        assertTrue(r.errors().get(1).text().contains("screen recording stopped: DENIED"));
    }

    @Test
    void theStudentsProblemReportsAreListedWithTheirTimes() {
        var r = ActDraft.draft(List.of(
                Evidence.of("problem.reported", at(9, 0), "text", "  My internet is gone, the page is frozen "),
                Evidence.of("problem.reported", at(30, 0)),
                Evidence.of("camera.ended", at(31, 0))), T0, at(50, 0), GRACE);
        assertEquals(2, r.problemReports().size());
        assertEquals("My internet is gone, the page is frozen", r.problemReports().get(0).text());
        assertEquals(at(9, 0), r.problemReports().get(0).at());
        assertEquals("(no text)", r.problemReports().get(1).text());
        assertEquals("camera stopped", r.errors().get(0).text());
        assertTrue(r.lines(java.time.ZoneOffset.UTC).stream().anyMatch(l -> l.contains("My internet is gone")));
    }

    @Test
    void thePagesOwnSetupAfterALoadIsNoError() {
        var r = ActDraft.draft(List.of(
                Evidence.of("session.start", at(1, 0)),
                Evidence.of("camera.ended", at(1, 0)),
                Evidence.of("screen.ended", at(1, 0)),
                Evidence.of("setup.complete", at(1, 10)),
                Evidence.of("session.start", at(20, 0)),
                Evidence.of("screen.ended", at(20, 0)),
                Evidence.of("setup.complete", at(20, 8)),
                Evidence.of("camera.ended", at(31, 0))), T0, at(50, 0), GRACE);
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(at(31, 0), r.errors().get(0).at());
    }

    @Test
    void outagesBeforeTheStartAndAfterTheEndAreNotCounted() {
        var r = ActDraft.draft(List.of(
                Evidence.of("connection.closed", T0.minusSeconds(120)), Evidence.of("connection.opened", T0.plusSeconds(60)),
                Evidence.of("connection.closed", at(60, 0))), T0, at(50, 0), GRACE);
        assertEquals(1, r.eventChannel().size());
        assertFalse(r.eventChannel().get(0).open());
        assertEquals(60, r.lostSeconds());
    }
}
