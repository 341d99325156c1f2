package kz.adal.proctoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import kz.adal.platform.RuleViolation;
import kz.adal.proctoring.ProctorTermination.State;
import org.junit.jupiter.api.Test;

/** The proctor's termination request (docs/domain/termination-lifecycle.md, 001 §6.14). */
class TerminationLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-10T05:00:00Z");
    private static final UUID TEACHER = UUID.randomUUID();

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(State.CONFIRMED, State.DECLINED), State.PENDING.next());
        assertEquals(Set.of(), State.CONFIRMED.next());
        assertEquals(Set.of(), State.DECLINED.next());
        for (State from : State.values()) {
            for (State to : State.values()) {
                assertEquals(from.next().contains(to), from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void aConfirmationRecordsAnUnexcusedAbsence() {
        ProctorTermination t = new ProctorTermination();
        t.confirm(TEACHER, AT, "F");
        assertEquals(State.CONFIRMED, t.state);
        assertEquals("UNEXCUSED", t.absence);
        assertEquals("F", t.gradeEffect);
        assertEquals(TEACHER, t.decidedBy);
    }

    @Test
    void aDecidedRequestIsNeitherConfirmedNorDeclinedAgain() {
        for (State s : new State[] {State.CONFIRMED, State.DECLINED}) {
            ProctorTermination t = new ProctorTermination();
            t.state = s;
            assertEquals("TERMINATION_DECIDED", assertThrows(RuleViolation.class, t::requirePending).code());
            RuleViolation e = assertThrows(RuleViolation.class, () -> t.confirm(TEACHER, AT, "NONE"));
            assertEquals(409, e.status());
            assertEquals("TERMINATION_DECIDED", assertThrows(RuleViolation.class, () -> t.decline(TEACHER, AT)).code());
            assertEquals(s, t.state);
            assertNull(t.decidedAt);
            assertNull(t.absence);
        }
    }
}
