package kz.adal.media.finalise;

import kz.adal.media.TrackAlignment;
import kz.adal.media.TrackId;
import java.util.List;

/**
 * The result of finalising a track: a seekable WebM (Duration and Cues written), its thumbnails and the
 * alignment to the attempt clock.
 *
 * @param recordingKey   storage key of the seekable WebM
 * @param bytes          its size
 * @param seekable       FFmpeg wrote Cues and a Duration (checked by reading the file back)
 * @param gaps           holes where chunks were missing, in media order
 * @param thumbnails     the sprite and index, or null when the track has no video
 */
public record FinalisedTrack(TrackId track, String recordingKey, long bytes, double durationSeconds,
                             boolean seekable, List<MediaGap> gaps, ThumbnailStrip thumbnails,
                             String thumbnailSpriteKey, String thumbnailIndexKey, TrackAlignment alignment) {

    public boolean complete() {
        return gaps.isEmpty();
    }
}
