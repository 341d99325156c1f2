package kz.adal.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import kz.adal.casework.Act.State;
import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** The technical-failure act's lifecycle (docs/domain/act-lifecycle.md): every legal move, every illegal one refused. */
class ActLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-10T05:00:00Z");
    private static final UUID SECRETARY = UUID.randomUUID();
    private static final UUID CHAIR = UUID.randomUUID();

    private static Act in(State state) {
        Act act = Act.draft(Act.Kind.TEST, UUID.randomUUID(), SECRETARY, AT);
        act.state = state;
        return act;
    }

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(State.SIGNED), State.DRAFT.next());
        assertEquals(Set.of(State.DECIDED), State.SIGNED.next());
        assertEquals(Set.of(), State.DECIDED.next());
        for (State from : State.values()) {
            for (State to : State.values()) {
                assertEquals(from.next().contains(to), from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void aDraftIsEditedSignedAndDecided() {
        Act act = Act.draft(Act.Kind.TEST, UUID.randomUUID(), SECRETARY, AT);
        assertEquals(State.DRAFT, act.state);
        act.edit("camera lost", "12 minutes", "none");
        act.sign(SECRETARY, AT.plusSeconds(60));
        assertEquals(State.SIGNED, act.state);
        assertEquals(AT.plusSeconds(60), act.signedAt);
        act.requireVoting();
        act.decide(ActDecision.RESUME, "credited", CHAIR, AT.plusSeconds(120));
        assertEquals(State.DECIDED, act.state);
        assertEquals(CHAIR, act.decidedBy);
        assertFalse(act.isOpen());
    }

    @Test
    void aSignedOrDecidedActIsNeitherEditedNorSignedAgain() {
        for (State s : new State[] {State.SIGNED, State.DECIDED}) {
            Act act = in(s);
            assertEquals("ACT_SIGNED", assertThrows(RuleViolation.class, () -> act.edit("x", null, null)).code());
            RuleViolation e = assertThrows(RuleViolation.class, () -> act.sign(SECRETARY, AT));
            assertEquals("ACT_SIGNED", e.code());
            assertEquals(409, e.status());
            assertNull(act.whatHappened);
        }
    }

    @Test
    void onlyASignedUndecidedActTakesVotesAndADecision() {
        for (State s : new State[] {State.DRAFT, State.DECIDED}) {
            Act act = in(s);
            assertEquals("ACT_NOT_VOTING", assertThrows(RuleViolation.class, act::requireVoting).code());
            assertEquals("ACT_NOT_VOTING", assertThrows(RuleViolation.class, () -> act.decide(ActDecision.VOID, null, CHAIR, AT)).code());
            assertEquals(s, act.state);
            assertNull(act.decision);
        }
    }
}
