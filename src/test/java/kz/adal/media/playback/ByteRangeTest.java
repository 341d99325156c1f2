package kz.adal.media.playback;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Range header parsing for playback (RFC 9110 §14). */
class ByteRangeTest {

    @Test
    void readsFirstLastSuffixAndOpenEndedRanges() {
        assertEquals(new PlaybackResource.ByteRange(0, 100), PlaybackResource.ByteRange.parse("bytes=0-99", 1000));
        assertEquals(new PlaybackResource.ByteRange(900, 100), PlaybackResource.ByteRange.parse("bytes=900-", 1000));
        assertEquals(new PlaybackResource.ByteRange(990, 10), PlaybackResource.ByteRange.parse("bytes=-10", 1000));
        assertEquals(new PlaybackResource.ByteRange(0, 1000), PlaybackResource.ByteRange.parse("bytes=-5000", 1000));
        // a last byte past the end is cut to the end
        assertEquals(new PlaybackResource.ByteRange(500, 500), PlaybackResource.ByteRange.parse("bytes=500-99999", 1000));
        // several ranges: the first is served
        assertEquals(new PlaybackResource.ByteRange(0, 10), PlaybackResource.ByteRange.parse("bytes=0-9, 20-29", 1000));
    }

    @Test
    void ignoresWhatIsNotAByteRangeAndRefusesWhatCannotBeSatisfied() {
        assertNull(PlaybackResource.ByteRange.parse(null, 1000));
        assertNull(PlaybackResource.ByteRange.parse("items=0-9", 1000));
        assertNull(PlaybackResource.ByteRange.parse("bytes=abc-def", 1000));
        assertThrows(IllegalArgumentException.class, () -> PlaybackResource.ByteRange.parse("bytes=1000-", 1000));
        assertThrows(IllegalArgumentException.class, () -> PlaybackResource.ByteRange.parse("bytes=50-10", 1000));
        assertThrows(IllegalArgumentException.class, () -> PlaybackResource.ByteRange.parse("bytes=-0", 1000));
    }
}
