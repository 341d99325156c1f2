package kz.adal.media;

/**
 * A hole in a track's time line, in seconds of the finalised recording.
 *
 * @param cause           MISSING_CHUNKS (chunks never arrived inside a segment), RECORDER_RESTART (between two
 *                        segments: a reload or crash), LOST_SEGMENT (a segment whose chunk 0 never arrived)
 * @param segment         the segment the hole is in (or, for a restart, the segment after it)
 * @param firstMissingSeq first missing chunk, -1 when not about chunks
 * @param lastMissingSeq  last missing chunk, -1 when not about chunks
 */
public record RecordingGap(String cause, int segment, int firstMissingSeq, int lastMissingSeq, double fromSeconds,
                           double toSeconds) {

    public double lengthSeconds() {
        return toSeconds - fromSeconds;
    }
}
