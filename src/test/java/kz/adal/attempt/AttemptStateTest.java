package kz.adal.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptStateTest {

    @Test
    void goesThroughChecksBeforeAnswering() {
        assertEquals(Set.of(AttemptState.CHECKS), AttemptState.NOT_STARTED.next());
        assertFalse(AttemptState.NOT_STARTED.canMoveTo(AttemptState.IN_PROGRESS));
        assertTrue(AttemptState.CHECKS.canMoveTo(AttemptState.IN_PROGRESS));
    }

    @Test
    void movesBetweenInProgressAndSuspended() {
        assertTrue(AttemptState.IN_PROGRESS.canMoveTo(AttemptState.SUSPENDED));
        assertTrue(AttemptState.SUSPENDED.canMoveTo(AttemptState.IN_PROGRESS));
    }

    @Test
    void cannotBeSubmittedWhileSuspended() {
        assertFalse(AttemptState.SUSPENDED.canMoveTo(AttemptState.SUBMITTED));
    }

    @Test
    void endsAsSubmittedExpiredOrTerminated() {
        assertTrue(AttemptState.IN_PROGRESS.next().containsAll(
                EnumSet.of(AttemptState.SUBMITTED, AttemptState.EXPIRED, AttemptState.TERMINATED)));
        assertFalse(AttemptState.SUBMITTED.canMoveTo(AttemptState.IN_PROGRESS));
        assertFalse(AttemptState.EXPIRED.canMoveTo(AttemptState.SUBMITTED));
    }

    @Test
    void anExpiredAttemptIsTheOnlyFinishedOneThatCanBeReopened() { // 001 §6.15.6: the same attempt continues
        assertTrue(AttemptState.EXPIRED.canMoveTo(AttemptState.IN_PROGRESS));
        for (AttemptState s : AttemptState.values()) {
            assertEquals(s == AttemptState.EXPIRED, s.canReopen(), s.name());
        }
        for (AttemptState s : EnumSet.of(AttemptState.SUBMITTED, AttemptState.TERMINATED, AttemptState.VOIDED)) {
            assertFalse(s.canMoveTo(AttemptState.IN_PROGRESS), s.name());
        }
    }

    @Test
    void canBeVoidedOnlyOnceStarted() {
        for (AttemptState s : EnumSet.of(AttemptState.IN_PROGRESS, AttemptState.SUSPENDED, AttemptState.SUBMITTED,
                AttemptState.EXPIRED, AttemptState.TERMINATED)) {
            assertTrue(s.canMoveTo(AttemptState.VOIDED), s.name());
        }
        assertFalse(AttemptState.NOT_STARTED.canMoveTo(AttemptState.VOIDED));
        assertFalse(AttemptState.CHECKS.canMoveTo(AttemptState.VOIDED));
        assertTrue(AttemptState.VOIDED.next().isEmpty());
    }

    @Test
    void isFinishedOnlyInTheFourEndStates() {
        Set<AttemptState> finished = EnumSet.noneOf(AttemptState.class);
        for (AttemptState s : AttemptState.values()) {
            if (s.isFinished()) {
                finished.add(s);
            }
        }
        assertEquals(EnumSet.of(AttemptState.SUBMITTED, AttemptState.EXPIRED, AttemptState.TERMINATED, AttemptState.VOIDED), finished);
    }

    @Test
    void acceptsAnswersAndRunsTheClockOnlyInProgress() {
        for (AttemptState s : AttemptState.values()) {
            assertEquals(s == AttemptState.IN_PROGRESS, s.acceptsAnswers(), s.name());
            assertEquals(s == AttemptState.IN_PROGRESS, s.clockRuns(), s.name());
        }
    }

    @Test
    void neverMovesToItself() {
        for (AttemptState s : AttemptState.values()) {
            assertFalse(s.canMoveTo(s), s.name());
        }
    }
}
