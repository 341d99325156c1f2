package kz.adal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackAlignmentTest {

    private static final Instant CLIENT_START = Instant.parse("2026-11-23T09:00:00Z");

    /** A chunk of one second whose upload took {@code delayMs}, from a client clock {@code skewMs} behind the server. */
    private static ChunkRecord chunk(int seq, long skewMs, long delayMs) {
        Instant start = CLIENT_START.plusSeconds(seq);
        Instant end = start.plusSeconds(1);
        return new ChunkRecord(seq, "h" + seq, 10, start, end, end.plusMillis(skewMs + delayMs));
    }

    @Test
    void correctsTheClientClockWithTheFastestUpload() {
        // client clock 3 s behind; uploads took 400, 120 and 9000 ms (the last one queued offline)
        List<ChunkRecord> chunks = List.of(chunk(0, 3000, 400), chunk(1, 3000, 120), chunk(2, 3000, 9000));
        TrackAlignment a = TrackAlignment.estimate(chunks, 3.0);

        assertEquals(Duration.ofMillis(3120), a.clockOffset());
        assertEquals(CLIENT_START.plusMillis(3120), a.mediaZeroAt());
    }

    @Test
    void givesTheSecondToOpenForAFlag() {
        TrackAlignment a = new TrackAlignment(CLIENT_START, Duration.ZERO, 600);
        assertEquals(125.5, a.mediaOffsetFor(CLIENT_START.plusMillis(125_500)), 1e-9);
        assertEquals(0, a.mediaOffsetFor(CLIENT_START.minusSeconds(10)), "before the recording: its start");
        assertEquals(600, a.mediaOffsetFor(CLIENT_START.plusSeconds(700)), "after it: its end");
        assertTrue(a.covers(CLIENT_START.plusSeconds(600)));
        assertFalse(a.covers(CLIENT_START.plusSeconds(601)));
        assertEquals(CLIENT_START.plusMillis(42_250), a.instantAt(42.25));
    }

    @Test
    void needsChunkZero() {
        assertEquals(MediaError.MISSING_FIRST_CHUNK, assertThrows(MediaException.class,
                () -> TrackAlignment.estimate(List.of(chunk(1, 0, 10)), 1)).code());
    }
}
