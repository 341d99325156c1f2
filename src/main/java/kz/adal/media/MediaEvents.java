package kz.adal.media;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events of recording; observe with {@code @Observes}. Fired inside the transaction that records them. */
public final class MediaEvents {

    private MediaEvents() {
    }

    /**
     * The camera or screen recording of a running attempt stopped (003 §16 requires the whole exam on
     * video): proctoring turns this into a flag for a person to look at (flags are advisory).
     *
     * @param reason ENDED, DENIED, RECORDER_ERROR or STORAGE_FULL
     * @param at     when the server learnt of it (attempt clock)
     */
    public record RecordingInterrupted(UUID attemptId, TrackKind kind, String reason, String detail, Instant at) {
    }

    /** A track was finalised (or failed to be); gaps are listed in the track's view. */
    public record TrackFinalised(UUID attemptId, TrackKind kind, TrackState state, int gaps) {
    }

    /** A student refused recording for an exam; the teacher and dean were told. */
    public record RecordingConsentRefused(UUID examId, UUID studentId, Instant at) {
    }
}
