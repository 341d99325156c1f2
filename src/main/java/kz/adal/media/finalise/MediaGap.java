package kz.adal.media.finalise;

/**
 * A hole in a finalised recording where chunks never arrived.
 *
 * <p>Timestamps are kept across a gap (they come from the WebM clusters, which count from the start of
 * the recording), so media time keeps matching the attempt clock after the hole: the player shows the
 * last picture before the gap until {@code toSeconds}. Audio resumes at {@code toSeconds}; the picture
 * resumes at the first keyframe at or after it (video frames that depend on lost frames are dropped).
 *
 * @param firstMissingSeq first missing chunk
 * @param lastMissingSeq  last missing chunk
 * @param fromSeconds     media time of the last frame or sample before the hole
 * @param toSeconds       media time of the first frame or sample after it (equals {@code fromSeconds}
 *                        when {@code atEnd})
 * @param atEnd           the missing chunks are at the end: nothing was recovered after them
 */
public record MediaGap(int firstMissingSeq, int lastMissingSeq, double fromSeconds, double toSeconds, boolean atEnd) {

    public double lengthSeconds() {
        return toSeconds - fromSeconds;
    }
}
