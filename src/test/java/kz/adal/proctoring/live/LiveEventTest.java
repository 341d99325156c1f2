package kz.adal.proctoring.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveEventTest {
    private static final Instant SERVER = Instant.parse("2026-12-02T08:00:00.500Z");

    private static Instant at(Instant clientAt) {
        return new LiveEvent(UUID.randomUUID(), UUID.randomUUID(), 1L, "visibility.hidden", clientAt, SERVER, Map.of()).at();
    }

    @Test
    void theClientsTimeCountsUnlessItIsMoreThanFiveSecondsAheadOfArrival() {
        assertEquals(SERVER, at(null));
        assertEquals(SERVER.minusSeconds(30), at(SERVER.minusSeconds(30)), "sent earlier, arrived later (a replay)");
        assertEquals(SERVER.plusSeconds(5), at(SERVER.plusSeconds(5)), "exactly the tolerance");
        assertEquals(SERVER, at(SERVER.plusSeconds(5).plusNanos(1)), "just beyond it: the server's time");
        assertEquals(SERVER, at(SERVER.plusSeconds(6).minusMillis(600)), "5.4 s ahead");
        assertEquals(SERVER.plusMillis(4_900), at(SERVER.plusMillis(4_900)));
    }
}
