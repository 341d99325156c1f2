package kz.adal.oral.ticket;

import kz.adal.platform.RuleViolation;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed vectors below were computed independently with sha256sum and Python (docs/oral-exam.md worked example). */
class TicketDrawTest {
    static final String SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final UUID SITTING = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID STUDENT = UUID.fromString("22222222-2222-2222-2222-222222222222");

    @Test
    void commitmentIsSha256OfSeedSittingAndStudent() {
        assertEquals("c1690112e1f5cb980c89c4db36c75256e582b7dedf5fa816a6745eff690002bd",
                TicketDraw.commitment(SEED, SITTING, STUDENT));
        assertTrue(TicketDraw.verifies("C1690112E1F5CB980C89C4DB36C75256E582B7DEDF5FA816A6745EFF690002BD", SEED, SITTING, STUDENT));
    }

    @Test
    void commitmentBindsTheStudentAndTheSeed() {
        String c = TicketDraw.commitment(SEED, SITTING, STUDENT);
        assertFalse(TicketDraw.verifies(c, SEED, SITTING, UUID.randomUUID()));
        String other = "ff" + SEED.substring(2);
        assertFalse(TicketDraw.verifies(c, other, SITTING, STUDENT));
    }

    @Test
    void picksTheSeventhOfTenTicketsForTheVector() {
        // SHA-256(seed + ":0") starts e28db788 = 3800938376; 3800938376 mod 10 = 6 → the 7th ticket
        assertEquals(6, TicketDraw.index(SEED, 10));
        assertEquals(7, TicketDraw.ticket(SEED, List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1)));
        assertEquals(14, TicketDraw.ticket(SEED, List.of(2, 4, 6, 8, 10, 12, 14, 16, 18, 20)));
    }

    @Test
    void rejectsTheTopRemainderToAvoidModuloBias() {
        // n = 2^31 + 1: limit = 2^32 − (2^32 mod n) = 2^31 + 1. k = 0 gives e28db788 and k = 1 eca0e32a, both ≥ the
        // limit and rejected; k = 2 gives 2c08483b = 738740283, accepted: index 738740283
        assertEquals(738_740_283L, TicketDraw.index(SEED, (1L << 31) + 1));
        // without rejection the first value would have been used: 3800938376 mod n = 1653454727
        assertNotEquals(3_800_938_376L % ((1L << 31) + 1), TicketDraw.index(SEED, (1L << 31) + 1));
    }

    @Test
    void everyTicketCanComeOutAndTheDrawIsRoughlyUniform() {
        SecureRandom r = new SecureRandom(new byte[]{1});
        int[] hits = new int[7];
        for (int i = 0; i < 7000; i++) hits[TicketDraw.index(TicketDraw.newSeed(r), 7)]++;
        for (int h : hits) assertTrue(h > 800 && h < 1200, "each of 7 tickets ~1000 times, got " + h);
    }

    @Test
    void refusesAnEmptyListAndABadSeed() {
        assertEquals("ORAL_NO_TICKETS", assertThrows(RuleViolation.class, () -> TicketDraw.index(SEED, 0)).code());
        assertThrows(IllegalArgumentException.class, () -> TicketDraw.commitment("abc", SITTING, STUDENT));
        assertThrows(IllegalArgumentException.class, () -> TicketDraw.index(SEED.toUpperCase(), 3));
    }

    @Test
    void freshSeedsAre32RandomBytes() {
        SecureRandom r = new SecureRandom();
        String a = TicketDraw.newSeed(r);
        assertEquals(32, HexFormat.of().parseHex(a).length);
        assertNotEquals(a, TicketDraw.newSeed(r));
        assertEquals(10, IntStream.range(0, 10).mapToObj(i -> TicketDraw.newSeed(r)).distinct().count());
    }
}
