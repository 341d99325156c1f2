package kz.adal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** A recording track's lifecycle (docs/domain/media-track-lifecycle.md). */
class TrackLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-10T05:00:00Z");

    private static MediaTrack in(TrackState state) {
        MediaTrack t = new MediaTrack();
        t.state = state;
        return t;
    }

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(TrackState.FINALISING, TrackState.DELETED), TrackState.RECORDING.next());
        assertEquals(EnumSet.of(TrackState.FINALISING, TrackState.RECORDING, TrackState.FINALISED, TrackState.FAILED, TrackState.DELETED),
                TrackState.FINALISING.next());
        assertEquals(Set.of(TrackState.DELETED), TrackState.FINALISED.next());
        assertEquals(Set.of(TrackState.DELETED), TrackState.FAILED.next());
        assertEquals(Set.of(), TrackState.DELETED.next());
        assertTrue(TrackState.RECORDING.acceptsChunks());
        assertFalse(TrackState.FINALISING.acceptsChunks());
    }

    @Test
    void aClaimedTrackSettlesAndIsLaterDeleted() {
        MediaTrack t = in(TrackState.FINALISING);
        t.settle(TrackState.FINALISED, AT);
        assertEquals(AT, t.finalisedAt);
        t.delete(AT.plusSeconds(60));
        assertEquals(TrackState.DELETED, t.state);
        MediaTrack failed = in(TrackState.FINALISING);
        failed.settle(TrackState.FAILED, AT);
        assertEquals(TrackState.FAILED, failed.state);
    }

    @Test
    void onlyAClaimedTrackSettles() {
        for (TrackState s : new TrackState[] {TrackState.RECORDING, TrackState.FINALISED, TrackState.FAILED, TrackState.DELETED}) {
            MediaTrack t = in(s);
            RuleViolation e = assertThrows(RuleViolation.class, () -> t.settle(TrackState.FINALISED, AT));
            assertEquals("TRACK_TRANSITION_REFUSED", e.code());
            assertEquals(s, t.state);
            assertNull(t.finalisedAt);
        }
    }

    @Test
    void aDeletedTrackStaysDeleted() { // retention never resurrects, finalisation never overwrites a deletion
        MediaTrack t = in(TrackState.DELETED);
        assertThrows(RuleViolation.class, () -> t.delete(AT));
        assertThrows(RuleViolation.class, () -> t.settle(TrackState.FAILED, AT));
        assertNull(t.deletedAt);
        for (TrackState to : TrackState.values()) assertFalse(TrackState.DELETED.canMoveTo(to));
    }
}
