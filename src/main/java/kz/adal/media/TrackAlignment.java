package kz.adal.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Maps attempt-clock instants (server time, the clock flags and events are stamped with) to media time
 * in a finalised track.
 *
 * <p>Media time 0 is when MediaRecorder started, which the client reports as chunk 0's {@code clientStart}
 * on its own clock. The client clock may be off, so it is corrected with the server's receive times:
 * for every chunk, {@code receivedAt − clientEnd} is the clock offset plus that upload's delay, so the
 * smallest value over all chunks is the offset plus the shortest upload delay (an NTP-style minimum;
 * chunks queued offline only make their own sample larger and do not spoil the minimum). The error is
 * therefore at most the shortest upload delay, typically well under a second.
 *
 * @param mediaZeroAt     attempt-clock instant of media time 0
 * @param clockOffset     estimated server clock minus client clock
 * @param durationSeconds length of the finalised recording
 */
public record TrackAlignment(Instant mediaZeroAt, Duration clockOffset, double durationSeconds) {

    /** Estimates the alignment from the ledger's chunks (chunk 0 must be among them). */
    public static TrackAlignment estimate(List<ChunkRecord> chunks, double durationSeconds) {
        ChunkRecord first = chunks.stream().filter(c -> c.seq() == 0).findFirst().orElseThrow(() ->
                new MediaException(MediaError.MISSING_FIRST_CHUNK, "Chunk 0 is needed to align a track"));
        Duration offset = chunks.stream()
                .map(c -> Duration.between(c.clientEnd(), c.receivedAt()))
                .min(Duration::compareTo)
                .orElseThrow();
        return new TrackAlignment(first.clientStart().plus(offset), offset, durationSeconds);
    }

    /**
     * The media second to open for an attempt-clock instant (e.g. a flag), clamped to the recording:
     * 0 before it started, the duration after it ended.
     */
    public double mediaOffsetFor(Instant attemptTime) {
        double seconds = Duration.between(mediaZeroAt, attemptTime).toNanos() / 1e9;
        return Math.max(0, Math.min(durationSeconds, seconds));
    }

    /** True when the instant falls inside the recording's time span (gaps are not excluded). */
    public boolean covers(Instant attemptTime) {
        double seconds = Duration.between(mediaZeroAt, attemptTime).toNanos() / 1e9;
        return seconds >= 0 && seconds <= durationSeconds;
    }

    /** The attempt-clock instant shown at a media time. */
    public Instant instantAt(double mediaSeconds) {
        return mediaZeroAt.plusNanos(Math.round(mediaSeconds * 1e9));
    }
}
