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
        assertTrue(ActEvidenceText.lines(r, kz.adal.platform.OfficialDocuments.in("kk")).stream().anyMatch(l -> l.contains("My internet is gone")));
    }

    /**
     * The drafted "what happened" is written in the act's language (issue 15): every interval, the student's
     * reports (their own words kept), the errors and the time lost, with readable durations.
     */
    @Test
    void theDraftedEvidenceReadsInTheActsLanguageWithReadableDurations() {
        var r = ActDraft.draft(List.of(
                Evidence.of("connection.closed", at(5, 0)),
                Evidence.of("connection.opened", at(12, 0)),
                Evidence.of("problem.reported", at(6, 0), "text", "Интернет жоқ"),
                Evidence.of("problem.reported", at(7, 0)),
                Evidence.of("camera.ended", at(20, 0)),
                new Evidence("recording.stopped", at(21, 0), Map.of("track", "SCREEN", "reason", "DENIED")),
                new Evidence("recording.resumed", at(22, 5), Map.of("track", "SCREEN"))), T0, at(50, 0), GRACE);
        var answerPaused = new ActDraft.Result(List.of(new ActDraft.Interval(at(1, 0), at(2, 30), true, ActDraft.ORAL_LINK + "Қайрат Омаров")),
                List.of(), List.of(), List.of(), List.of(new ActDraft.Note(at(2, 30), ActDraft.ANSWER_PAUSED + " (ticket 7)"),
                new ActDraft.Note(at(3, 0), ActDraft.AT_STAGE + "ANSWERING, ticket 7: Дыбыс жоқ")), 90);
        java.util.regex.Pattern english = java.util.regex.Pattern.compile("[A-Za-z]{3,}");
        for (String lang : List.of("kk", "ru")) {
            var w = kz.adal.platform.OfficialDocuments.in(lang);
            List<String> lines = new java.util.ArrayList<>(ActEvidenceText.lines(r, w));
            lines.addAll(ActEvidenceText.lines(answerPaused, w));
            String all = String.join("\n", lines);
            // nothing English but the units the documents share ("мин" is Cyrillic): no word of three Latin letters
            assertFalse(english.matcher(all).find(), lang + ":\n" + all);
            assertTrue(all.contains("Интернет жоқ") && all.contains("Дыбыс жоқ") && all.contains("Қайрат Омаров"), all);
            assertTrue(all.contains("7 мин") && all.contains("1 мин 5 с") && all.contains("1 мин 30 с"), "durations people read:\n" + all);
            assertTrue(all.contains(lang.equals("kk") ? "Байланыс үзілді" : "Связь прервалась"), all);
            assertTrue(all.contains(lang.equals("kk") ? "рұқсат берілмеді" : "доступ не предоставлен"), all);
            assertTrue(all.contains(lang.equals("kk") ? "Жауап беруде" : "Отвечает"), "the oral stage by its name:\n" + all);
        }
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
