package kz.adal.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import kz.adal.casework.Appeal.State;
import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** The appeal's lifecycle (docs/domain/appeal-lifecycle.md): every legal move, every illegal one refused. */
class AppealLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-10T05:00:00Z");
    private static final UUID CHAIR = UUID.randomUUID();

    private static Appeal in(State state) {
        Appeal a = new Appeal();
        a.state = state;
        return a;
    }

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(State.HEARING_SET), State.FILED.next());
        assertEquals(Set.of(State.HEARING_SET, State.DECIDED), State.HEARING_SET.next());
        assertEquals(Set.of(), State.DECIDED.next());
        for (State from : State.values()) {
            for (State to : State.values()) {
                assertEquals(from.next().contains(to), from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void aHearingIsSetMovedAndThenTheAppealDecided() {
        Appeal a = in(State.FILED);
        a.setHearing(AT, "https://meet.example.kz/a", CHAIR);
        a.setHearing(AT.plusSeconds(3600), null, CHAIR);
        assertEquals(State.HEARING_SET, a.state);
        assertEquals(AT.plusSeconds(3600), a.hearingAt);
        a.decide(Appeal.Decision.REJECTED, "reasons", CHAIR, "Chair", AppealSeat.CHAIR, AT.plusSeconds(7200));
        assertEquals(State.DECIDED, a.state);
        assertTrue(a.isDecided());
    }

    @Test
    void aFiledAppealIsNotDecidedBeforeItsHearing() {
        Appeal a = in(State.FILED);
        RuleViolation e = assertThrows(RuleViolation.class, () -> a.decide(Appeal.Decision.UPHELD, "x", CHAIR, "Chair", AppealSeat.CHAIR, AT));
        assertEquals("APPEAL_NO_HEARING", e.code());
        assertEquals(409, e.status());
        assertEquals(State.FILED, a.state);
        assertNull(a.decision);
    }

    @Test
    void aDecidedAppealTakesNoHearingAndNoSecondDecision() {
        Appeal a = in(State.DECIDED);
        assertEquals("APPEAL_DECIDED", assertThrows(RuleViolation.class, () -> a.setHearing(AT, null, CHAIR)).code());
        assertEquals("APPEAL_DECIDED", assertThrows(RuleViolation.class,
                () -> a.decide(Appeal.Decision.UPHELD, "x", CHAIR, "Chair", AppealSeat.CHAIR, AT)).code());
        assertNull(a.hearingAt);
    }
}
