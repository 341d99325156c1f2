package kz.adal.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The upload's client times (moved out of ByteRangeTest when playback went to media.playback). */
class ClientTimesTest {

    @Test
    void clientTimesAreEpochMillisecondsWithFractions() {
        assertEquals(java.time.Instant.parse("2026-11-23T10:00:00.000500Z"),
                RecordingUploadResource.instant(String.valueOf(java.time.Instant.parse("2026-11-23T10:00:00Z").toEpochMilli() + 0.5)));
        assertNull(RecordingUploadResource.instant(null));
        assertThrows(kz.adal.platform.Problem.class, () -> RecordingUploadResource.instant("yesterday"));
        assertThrows(kz.adal.platform.Problem.class, () -> RecordingUploadResource.instant("-5"));
    }
}
