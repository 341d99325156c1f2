package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard flag rules on hand-made timelines, with exact times. */
class FlagRulesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(2);
    private final List<LiveEvent> events = new ArrayList<>();
    private long seq;

    private LiveEvent client(int second, String kind, Map<String, Object> data) {
        LiveEvent e = new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), ++seq, kind, T0.plusSeconds(second), T0.plusSeconds(second), data);
        events.add(e);
        return e;
    }

    private LiveEvent client(int second, String kind) {
        return client(second, kind, Map.of());
    }

    private LiveEvent server(int second, String kind) {
        LiveEvent e = new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), null, kind, null, T0.plusSeconds(second), Map.of());
        events.add(e);
        return e;
    }

    private List<Flag> flags(Instant end, int nowSecond) {
        return FlagRules.evaluate(FlagRules.standard(), new Timeline(events, end, T0.plusSeconds(nowSecond), GRACE));
    }

    @Test
    void aHiddenTabIsOneFlagFromHiddenToVisibleWithBothEventsAsEvidence() {
        LiveEvent hidden = client(10, "visibility.hidden");
        client(12, "focus.lost");
        client(40, "focus.gained");
        LiveEvent visible = client(45, "visibility.visible");
        List<Flag> f = flags(null, 100);
        assertEquals(1, f.size());
        assertEquals(FlagType.TAB_LEFT, f.get(0).type());
        assertEquals(FlagType.Severity.HIGH, f.get(0).severity());
        assertEquals(T0.plusSeconds(10), f.get(0).startAt());
        assertEquals(T0.plusSeconds(45), f.get(0).endAt());
        assertEquals(List.of(hidden.id(), visible.id()), f.get(0).eventIds());
    }

    @Test
    void aTabStillHiddenIsAnOpenFlagWhileTheAttemptRunsAndClosesAtItsEnd() {
        client(10, "visibility.hidden");
        Flag open = flags(null, 100).get(0);
        assertNull(open.endAt());
        assertEquals(90, open.duration(T0.plusSeconds(100)).toSeconds());
        Flag closed = flags(T0.plusSeconds(70), 100).get(0);
        assertEquals(T0.plusSeconds(70), closed.endAt());
    }

    @Test
    void aReloadedPageStartsFromWhatItReportsAndAFullscreenNotBackWithinTheGraceIsAFlagFromItsEnd() {
        client(0, "session.start", Map.of("visible", true, "focused", true, "fullscreen", false));
        client(2, "fullscreen.enter");
        client(2, "setup.complete");
        client(10, "visibility.hidden");
        client(30, "session.start", Map.of("visible", true, "focused", true, "fullscreen", false));
        client(50, "fullscreen.enter");
        List<Flag> f = flags(null, 100);
        assertEquals(2, f.size(), f.toString());
        assertEquals(FlagType.TAB_LEFT, f.get(0).type());
        assertEquals(T0.plusSeconds(30), f.get(0).endAt());
        assertEquals(FlagType.FULLSCREEN_EXITED, f.get(1).type());
        assertEquals(T0.plusSeconds(30).plus(Timeline.SETUP_GRACE), f.get(1).startAt());
        assertEquals(T0.plusSeconds(50), f.get(1).endAt());
    }

    /** What the exam page does on load: no camera, no screen, not fullscreen, then the student's one click. */
    private void pageLoadAndSetup(int second, boolean complete) {
        client(second, "session.start", Map.of("visible", true, "focused", true, "fullscreen", false, "screens", 1));
        client(second, "screen.ended");
        client(second, "camera.ended");
        client(second, "mic.ended");
        client(second + 1, "focus.lost");            // the browser's sharing prompt takes the focus
        client(second + 3, "camera.started");
        client(second + 3, "mic.started");
        client(second + 4, "focus.gained");
        client(second + 4, "screen.started", Map.of("surface", "monitor"));
        client(second + 6, "fullscreen.enter");
        if (complete) client(second + 6, "setup.complete");
    }

    @Test
    void thePagesOwnSetupAndAReloadMakeNoFlags() {
        pageLoadAndSetup(0, true);
        pageLoadAndSetup(60, true);                  // a reload: everything asked for again within the grace
        assertEquals(List.of(), flags(null, 300));
        assertEquals(List.of(), flags(T0.plusSeconds(200), 300));
    }

    @Test
    void aLossAtTheSameInstantAsItsReturnIsNoFlag() {
        pageLoadAndSetup(0, true);
        client(50, "camera.ended");
        client(50, "camera.started");
        client(70, "fullscreen.exit");
        client(70, "fullscreen.enter");
        assertEquals(List.of(), flags(null, 300));
    }

    @Test
    void aLossAfterTheSetupIsAFlagAsBefore() {
        pageLoadAndSetup(0, true);
        client(50, "camera.ended");
        client(80, "camera.started");
        List<Flag> f = flags(null, 300);
        assertEquals(1, f.size());
        assertEquals(FlagType.CAMERA_LOST, f.get(0).type());
        assertEquals(T0.plusSeconds(50), f.get(0).startAt());
    }

    @Test
    void aScreenNotSharedAgainWithinTheReloadGraceIsAFlagFromTheGracesEnd() {
        pageLoadAndSetup(0, true);
        client(100, "session.start", Map.of("visible", true, "focused", true, "fullscreen", false, "screens", 1));
        client(100, "screen.ended");
        client(100, "camera.ended");
        client(103, "camera.started");
        client(104, "fullscreen.enter");
        assertEquals(List.of(), flags(null, 110), "within the grace: nothing yet");
        List<Flag> f = flags(null, 200);
        assertEquals(1, f.size(), f.toString());
        assertEquals(FlagType.SCREEN_SHARE_STOPPED, f.get(0).type());
        assertEquals(T0.plusSeconds(100).plus(Timeline.SETUP_GRACE), f.get(0).startAt());
        assertNull(f.get(0).endAt());
    }

    @Test
    void aFirstSetupNeverCompletedFlagsOnceItsLimitHasPassed() {
        client(0, "session.start", Map.of("visible", true, "focused", true, "fullscreen", true, "screens", 1));
        client(0, "screen.ended");
        client(0, "camera.ended");
        client(5, "camera.started");
        assertEquals(List.of(), flags(null, 120));
        List<Flag> f = flags(null, 400);
        assertEquals(1, f.size(), f.toString());
        assertEquals(FlagType.SCREEN_SHARE_STOPPED, f.get(0).type());
        assertEquals(T0.plus(Timeline.SETUP_LIMIT), f.get(0).startAt());
    }

    @Test
    void clipboardAndShortcutsAreOneInstantFlagEach() {
        client(5, "clipboard.copy");
        client(6, "clipboard.paste");
        client(7, "contextmenu");
        client(8, "shortcut.print", Map.of("key", "p"));
        List<Flag> f = flags(null, 10);
        assertEquals(List.of(FlagType.CLIPBOARD_USED, FlagType.CLIPBOARD_USED, FlagType.CLIPBOARD_USED, FlagType.FORBIDDEN_SHORTCUT),
                f.stream().map(Flag::type).toList());
        assertTrue(f.stream().allMatch(x -> x.duration(T0.plusSeconds(10)).isZero()));
    }

    @Test
    void aSecondScreenCountsUntilTheBrowserReportsOne() {
        client(0, "screens", Map.of("count", 1, "extended", false));
        client(20, "screens", Map.of("count", 2, "extended", true));
        client(80, "screens", Map.of("count", 1, "extended", false));
        List<Flag> f = flags(null, 100);
        assertEquals(1, f.size());
        assertEquals(FlagType.SECOND_SCREEN, f.get(0).type());
        assertEquals(60, f.get(0).duration(T0).toSeconds());
    }

    @Test
    void sharingAWindowInsteadOfTheScreenIsLikeStoppingTheShare() {
        client(0, "screen.started", Map.of("surface", "monitor"));
        client(10, "screen.surface", Map.of("surface", "window"));
        client(30, "screen.started", Map.of("surface", "monitor"));
        client(40, "screen.ended");
        List<Flag> f = flags(null, 100);
        assertEquals(2, f.size());
        assertEquals(20, f.get(0).duration(T0).toSeconds());
        assertEquals("surface: window", f.get(0).detail());
        assertNull(f.get(1).endAt());
    }

    @Test
    void cameraMutedAndEndedOpenAFlagThatStartedOrUnmutedClose() {
        client(10, "camera.muted");
        client(15, "camera.unmuted");
        client(20, "camera.ended");
        client(50, "camera.started");
        client(60, "mic.ended");
        List<Flag> f = flags(null, 100);
        assertEquals(List.of(FlagType.CAMERA_LOST, FlagType.CAMERA_LOST, FlagType.MICROPHONE_LOST), f.stream().map(Flag::type).toList());
        assertEquals(5, f.get(0).duration(T0).toSeconds());
        assertEquals(30, f.get(1).duration(T0).toSeconds());
        assertEquals(40, f.get(2).duration(T0.plusSeconds(100)).toSeconds());
    }

    @Test
    void aShortDropIsNotAFlagButOneLongerThanTheGraceIs() {
        server(0, "connection.opened");
        server(100, "connection.closed");
        server(219, "connection.opened");   // 119 s: a technical event
        server(300, "connection.closed");
        server(421, "connection.opened");   // 121 s: a violation
        List<Flag> f = flags(null, 500);
        assertEquals(1, f.size());
        assertEquals(FlagType.DISCONNECTED, f.get(0).type());
        assertEquals(T0.plusSeconds(300), f.get(0).startAt());
        assertEquals(121, f.get(0).duration(T0).toSeconds());
    }

    @Test
    void aDisconnectionStillGoingAppearsOnceTheGraceHasPassed() {
        server(0, "connection.opened");
        server(100, "connection.closed");
        assertTrue(flags(null, 220).isEmpty());
        List<Flag> f = flags(null, 221);
        assertEquals(1, f.size());
        assertNull(f.get(0).endAt());
    }

    @Test
    void aReplayedEventCountsAtTheBrowsersTimeNotItsArrival() {
        LiveEvent late = new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), 1L, "visibility.hidden",
                T0.plusSeconds(10), T0.plusSeconds(200), Map.of());
        LiveEvent back = new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), 2L, "visibility.visible",
                T0.plusSeconds(20), T0.plusSeconds(200), Map.of());
        events.add(back);
        events.add(late);
        Flag f = flags(null, 300).get(0);
        assertEquals(T0.plusSeconds(10), f.startAt());
        assertEquals(10, f.duration(T0).toSeconds());
    }

    @Test
    void aClientClockAheadOfTheServerIsNotBelieved() {
        LiveEvent e = new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), 1L, "x", T0.plusSeconds(60), T0, Map.of());
        assertEquals(T0, e.at());
    }

    @Test
    void eventsAfterTheAttemptEndedDoNotCount() {
        client(10, "clipboard.copy");
        client(200, "clipboard.paste");
        assertEquals(1, flags(T0.plusSeconds(100), 300).size());
    }

    @Test
    void eachFlagGetsTheNearestStoredSnapshot() {
        client(10, "visibility.hidden");
        client(20, "visibility.visible");
        client(100, "clipboard.copy");
        UUID near10 = UUID.randomUUID();
        UUID near100 = UUID.randomUUID();
        List<Flag> f = FlagRules.withNearestSnapshots(flags(null, 200),
                List.of(new FlagRules.SnapshotRef(near10, T0.plusSeconds(12)), new FlagRules.SnapshotRef(near100, T0.plusSeconds(95))));
        assertEquals(near10, f.get(0).snapshotId());
        assertEquals(near100, f.get(1).snapshotId());
    }

    private LiveEvent serverData(int second, String kind, Map<String, Object> data) {
        LiveEvent e = new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), null, kind, null, T0.plusSeconds(second), data);
        events.add(e);
        return e;
    }

    @Test
    void aStoppedRecordingIsFlaggedUntilEveryStoppedTrackResumes() {
        serverData(20, "recording.stopped", Map.of("track", "CAMERA", "reason", "TRACK_ENDED"));
        serverData(30, "recording.stopped", Map.of("track", "SCREEN", "reason", "PERMISSION_WITHDRAWN"));
        serverData(50, "recording.resumed", Map.of("track", "CAMERA", "reason", "RESUMED"));
        serverData(80, "recording.resumed", Map.of("track", "SCREEN", "reason", "RESUMED"));
        List<Flag> f = flags(null, 100).stream().filter(x -> x.type() == FlagType.RECORDING_STOPPED).toList();
        assertEquals(1, f.size());
        assertEquals(FlagType.Severity.HIGH, f.get(0).severity());
        assertEquals(T0.plusSeconds(20), f.get(0).startAt());
        assertEquals(T0.plusSeconds(80), f.get(0).endAt());
    }

    @Test
    void faceCheckOutcomesBecomeFlagsUntilTheOutcomeChanges() {
        serverData(10, "face.check", Map.of("outcome", "OK"));
        serverData(20, "face.check", Map.of("outcome", "MULTIPLE_FACES"));
        serverData(40, "face.check", Map.of("outcome", "NO_FACE"));
        serverData(60, "face.check", Map.of("outcome", "OK"));
        serverData(70, "face.check", Map.of("outcome", "FROZEN"));
        List<Flag> f = flags(null, 100);
        Flag outsider = f.stream().filter(x -> x.type() == FlagType.MULTIPLE_FACES).findFirst().orElseThrow();
        assertEquals(T0.plusSeconds(20), outsider.startAt());
        assertEquals(T0.plusSeconds(40), outsider.endAt());
        Flag missing = f.stream().filter(x -> x.type() == FlagType.FACE_MISSING).findFirst().orElseThrow();
        assertEquals(T0.plusSeconds(60), missing.endAt());
        Flag blocked = f.stream().filter(x -> x.type() == FlagType.CAMERA_BLOCKED).findFirst().orElseThrow();
        assertEquals(null, blocked.endAt(), "still frozen while the attempt runs");
    }
}
