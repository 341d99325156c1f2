package kz.adal.casework.absence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import kz.adal.casework.absence.AbsenceApplication.State;

import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** The absence application's lifecycle (docs/domain/absence-lifecycle.md, 001 §6.15.3). */
class AbsenceLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-10T05:00:00Z");
    private static final UUID DEAN = UUID.randomUUID();
    private static final UUID CHAIR = UUID.randomUUID();

    private static AbsenceApplication in(State state) {
        AbsenceApplication a = new AbsenceApplication();
        a.state = state;
        return a;
    }

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(State.FORWARDED), State.APPLIED.next());
        assertEquals(Set.of(State.ALLOWED, State.NOT_ALLOWED), State.FORWARDED.next());
        assertEquals(Set.of(), State.ALLOWED.next());
        assertEquals(Set.of(), State.NOT_ALLOWED.next());
        for (State from : State.values()) {
            for (State to : State.values()) {
                assertEquals(from.next().contains(to), from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void forwardedThenTheChairsVisa() {
        AbsenceApplication a = in(State.APPLIED);
        a.forward(DEAN, "Dean", null, AT);
        assertEquals(State.FORWARDED, a.state);
        a.visa(true, CHAIR, "Chair", null, AT.plusSeconds(60));
        assertEquals(State.ALLOWED, a.state);
        AbsenceApplication b = in(State.FORWARDED);
        b.visa(false, CHAIR, "Chair", "no document", AT);
        assertEquals(State.NOT_ALLOWED, b.state);
        assertEquals("no document", b.visaNote);
    }

    @Test
    void theChairGivesNoVisaBeforeTheDeansOfficeForwards() {
        AbsenceApplication a = in(State.APPLIED);
        RuleViolation e = assertThrows(RuleViolation.class, () -> a.visa(true, CHAIR, "Chair", null, AT));
        assertEquals("ABSENCE_NOT_FORWARDED", e.code());
        assertEquals(409, e.status());
        assertEquals(State.APPLIED, a.state);
    }

    @Test
    void nothingMovesAfterForwardingOrTheVisa() {
        for (State s : new State[] {State.FORWARDED, State.ALLOWED, State.NOT_ALLOWED}) {
            AbsenceApplication a = in(s);
            assertEquals("ABSENCE_STATE", assertThrows(RuleViolation.class, () -> a.forward(DEAN, "Dean", null, AT)).code());
            assertNull(a.forwardedAt);
        }
        for (State s : new State[] {State.ALLOWED, State.NOT_ALLOWED}) {
            AbsenceApplication a = in(s);
            assertEquals("ABSENCE_DECIDED", assertThrows(RuleViolation.class, () -> a.visa(false, CHAIR, "Chair", "x", AT)).code());
            assertEquals(s, a.state);
            assertNull(a.visaAt);
        }
    }
}
