package kz.adal.exam;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results wait while anyone admitted can still sit the exam, and the rule says until when. */
class ResultHoldTest {
    static final Instant NOW = Instant.parse("2026-06-01T06:00:00Z");
    static final Instant CLOSES = NOW.plus(Duration.ofHours(2));
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static ResultHold.AttemptStanding finished(UUID s) {
        return new ResultHold.AttemptStanding(s, 1, true, true, null);
    }

    @Test
    void waitsForTheWindowWhileAnAdmittedStudentHasNotSat() {
        Optional<ResultHold.Hold> h = ResultHold.of(NOW, CLOSES, Set.of(A, B), List.of(finished(A)), List.of());
        assertEquals(ResultHold.Reason.WINDOW_OPEN, h.orElseThrow().reason());
        assertEquals(CLOSES, h.get().until());
    }

    @Test
    void isFreeOnceEveryAdmittedStudentFinished() {
        assertTrue(ResultHold.of(NOW, CLOSES, Set.of(A, B), List.of(finished(A), finished(B)), List.of()).isEmpty());
    }

    @Test
    void aRunningAttemptPastTheCloseHoldsUntilItsDeadline() {
        Instant deadline = CLOSES.plus(Duration.ofMinutes(25)); // an accommodation's extra time
        Optional<ResultHold.Hold> h = ResultHold.of(CLOSES.minusSeconds(60), CLOSES, Set.of(A, B),
                List.of(finished(A), new ResultHold.AttemptStanding(B, 1, false, true, deadline)), List.of());
        assertEquals(new ResultHold.Hold(ResultHold.Reason.ATTEMPT_RUNNING, deadline), h.orElseThrow());
    }

    @Test
    void afterTheCloseNobodyWhoDidNotStartHoldsIt() {
        assertTrue(ResultHold.of(CLOSES.plusSeconds(1), CLOSES, Set.of(A, B), List.of(finished(A)), List.of()).isEmpty());
    }

    @Test
    void anIndividualSheetHoldsUntilItsPersonalWindowEndsOrWithoutAnEndBeforeIssue() {
        Instant sheetCloses = CLOSES.plus(Duration.ofDays(14));
        Instant after = CLOSES.plusSeconds(1);
        assertEquals(new ResultHold.Hold(ResultHold.Reason.INDIVIDUAL_SHEET, sheetCloses), ResultHold.of(after, CLOSES, Set.of(A),
                List.of(finished(A)), List.of(new ResultHold.SheetWindow(A, false, sheetCloses))).orElseThrow());
        ResultHold.Hold unknown = ResultHold.of(after, CLOSES, Set.of(A), List.of(finished(A)),
                List.of(new ResultHold.SheetWindow(A, false, sheetCloses), new ResultHold.SheetWindow(B, false, null))).orElseThrow();
        assertNull(unknown.until());
        assertTrue(ResultHold.of(after, CLOSES, Set.of(A), List.of(finished(A)),
                List.of(new ResultHold.SheetWindow(A, true, sheetCloses))).isEmpty());
    }
}
