package kz.adal.casework;

import kz.adal.platform.RuleViolation;

import kz.adal.casework.ActVotes.Vote;
import org.junit.jupiter.api.Test;

import static kz.adal.casework.ActDecision.*;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commission decides collegially (001 §6.15.6): one vote each, majority, the chair breaks a tie. */
class ActVotesTest {
    static final Set<ActDecision> OPTIONS = Set.of(RESUME, VOID, REJECT);
    final UUID chair = UUID.randomUUID(), m1 = UUID.randomUUID(), m2 = UUID.randomUUID(), m3 = UUID.randomUUID();
    final List<UUID> voters = List.of(chair, m1, m2, m3);

    @Test
    void theMajorityDecidesAndTheChairMustRecordIt() {
        var votes = List.of(new Vote(chair, VOID), new Vote(m1, RESUME), new Vote(m2, RESUME), new Vote(m3, RESUME));
        var t = ActVotes.tally(voters, votes, OPTIONS);
        assertEquals(3, t.counts().get(RESUME));
        assertEquals(RESUME, ActVotes.decide(t, null));
        assertEquals(RESUME, ActVotes.decide(t, RESUME));
        var e = assertThrows(RuleViolation.class, () -> ActVotes.decide(t, VOID));
        assertEquals("ACT_AGAINST_MAJORITY", e.code());
    }

    @Test
    void aTieIsDecidedByTheChairBetweenTheTiedOptionsOnly() {
        var votes = List.of(new Vote(chair, VOID), new Vote(m1, RESUME), new Vote(m2, VOID), new Vote(m3, RESUME));
        var t = ActVotes.tally(voters, votes, OPTIONS);
        assertTrue(t.tie());
        assertEquals("ACT_TIE_NEEDS_CHAIR", assertThrows(RuleViolation.class, () -> ActVotes.decide(t, null)).code());
        assertEquals("ACT_TIE_NEEDS_CHAIR", assertThrows(RuleViolation.class, () -> ActVotes.decide(t, REJECT)).code());
        assertEquals(RESUME, ActVotes.decide(t, RESUME));
    }

    @Test
    void noDecisionUntilEveryMemberHasVoted() {
        var t = ActVotes.tally(voters, List.of(new Vote(chair, VOID), new Vote(m1, VOID)), OPTIONS);
        assertEquals(List.of(m2, m3), t.waitingFor());
        assertEquals("ACT_VOTES_PENDING", assertThrows(RuleViolation.class, () -> ActVotes.decide(t, VOID)).code());
    }

    @Test
    void oneVoteEachFromMembersOnlyForAnOfferedOption() {
        var cast = List.of(new Vote(m1, VOID));
        assertEquals("ACT_ALREADY_VOTED", assertThrows(RuleViolation.class,
                () -> ActVotes.checkVote(voters, cast, OPTIONS, m1, RESUME)).code());
        assertEquals("ACT_NOT_A_MEMBER", assertThrows(RuleViolation.class,
                () -> ActVotes.checkVote(voters, cast, OPTIONS, UUID.randomUUID(), RESUME)).code());
        assertEquals("ACT_CHOICE_INVALID", assertThrows(RuleViolation.class,
                () -> ActVotes.checkVote(voters, cast, OPTIONS, m2, RESIT)).code());
        ActVotes.checkVote(voters, cast, OPTIONS, m2, RESUME);
    }

    @Test
    void aFormerMembersVoteDoesNotCount() {
        UUID gone = UUID.randomUUID();
        var t = ActVotes.tally(List.of(chair, m1), List.of(new Vote(gone, VOID), new Vote(chair, RESUME), new Vote(m1, RESUME)), OPTIONS);
        assertEquals(0, t.counts().get(VOID));
        assertEquals(2, t.cast());
    }
}
