package kz.adal.proctoring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventBoundsTest {
    private final EventBounds bounds = EventBounds.DEFAULT;
    private final Instant started = Instant.parse("2026-06-10T04:00:00Z");
    private final Instant now = started.plus(Duration.ofMinutes(30));

    @Test
    void aSeqMayRunOnlyAWindowAheadOfTheLastAccepted() {
        assertTrue(bounds.seqAcceptable(1, 0));
        assertTrue(bounds.seqAcceptable(10_000, 0));
        assertFalse(bounds.seqAcceptable(10_001, 0));
        assertTrue(bounds.seqAcceptable(3, 500));      // a replay of an old one is fine (it is a duplicate)
        assertFalse(bounds.seqAcceptable(Long.MAX_VALUE, 500));
        assertFalse(bounds.seqAcceptable(0, 500));
    }

    @Test
    void aClientTimeIsBelievedOnlyWithinTheAttempt() {
        Instant replayed = started.plus(Duration.ofMinutes(3));
        assertEquals(replayed, bounds.believedClientTime(replayed, now, started));
        assertNull(bounds.believedClientTime(Instant.EPOCH, now, started));
        assertNull(bounds.believedClientTime(started.minus(Duration.ofHours(1)), now, started));
        assertNull(bounds.believedClientTime(now.plus(Duration.ofMinutes(1)), now, started));
        assertNull(bounds.believedClientTime(null, now, started));
    }
}
