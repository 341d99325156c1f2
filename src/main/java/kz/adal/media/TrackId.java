package kz.adal.media;

import java.util.Objects;
import java.util.UUID;

/**
 * One recorded segment of an attempt's camera or screen. A track is a sequence of segments: each
 * MediaRecorder the browser starts (the first one, and a new one after every reload or crash) writes
 * its own WebM header into its chunk 0, so its chunks form one decodable stream and one ledger.
 * The finaliser remuxes each segment, then {@link kz.adal.media.finalise.SegmentJoiner} places the segments on one time line.
 *
 * <p>The owner is an attempt by default ({@code attempts/<id>}); other features own recordings under their own
 * folder ({@code folder}, e.g. {@code oral-turns} for an oral exam turn, see {@link RecordingOwner}). The
 * component keeps its historical name {@code attemptId}: it is the owner's id ({@link #ownerId()}).
 *
 * @param segment 0 for the first recorder of the attempt, then 1, 2… (see docs/media.md "Segments")
 * @param folder  the storage folder of the owner kind: {@code attempts} or a {@link RecordingOwner#folder()}
 */
public record TrackId(UUID attemptId, TrackKind kind, int segment, String folder) {

    public static final String ATTEMPTS = "attempts";

    /** Upper bound for segment numbers: a reload every 10 s of a 3-hour sitting stays below it. */
    public static final int MAX_SEGMENT = 999;

    public TrackId {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(kind, "kind");
        if (folder == null) folder = ATTEMPTS;
        if (!folder.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("An owner folder is lower-case letters, digits and dashes: " + folder);
        }
        if (segment < 0 || segment > MAX_SEGMENT) {
            throw new MediaException(MediaError.INVALID_SEQUENCE, "Segment must be between 0 and " + MAX_SEGMENT
                    + ", was " + segment);
        }
    }

    /** A segment of an attempt's track. */
    public TrackId(UUID attemptId, TrackKind kind, int segment) {
        this(attemptId, kind, segment, ATTEMPTS);
    }

    /** The first (or only) segment. */
    public TrackId(UUID attemptId, TrackKind kind) {
        this(attemptId, kind, 0);
    }

    /** The id of whoever owns the recording: the attempt, or e.g. the oral turn. */
    public UUID ownerId() {
        return attemptId;
    }

    /** Storage folder of the whole track (all segments): {@code attempts/<attempt>/<camera|screen>}. */
    public String trackPrefix() {
        return folder + "/" + attemptId + "/" + kind.folder();
    }

    /** Storage folder of this segment: {@code attempts/<attempt>/<camera|screen>/s000}. */
    public String storagePrefix() {
        return trackPrefix() + String.format("/s%03d", segment);
    }

    /** Key of one chunk object: {@code <segment>/chunk-000042.webm}. */
    public String chunkKey(int seq) {
        return storagePrefix() + String.format("/chunk-%06d.webm", seq);
    }

    /** Key of the segment's finalised, seekable recording. */
    public String recordingKey() {
        return storagePrefix() + "/recording.webm";
    }

    public String thumbnailSpriteKey() {
        return storagePrefix() + "/thumbnails.jpg";
    }

    public String thumbnailIndexKey() {
        return storagePrefix() + "/thumbnails.json";
    }

    /** Key of the whole track's recording: every segment on one time line. */
    public String trackRecordingKey() {
        return trackPrefix() + "/recording.webm";
    }

    public String trackThumbnailSpriteKey() {
        return trackPrefix() + "/thumbnails.jpg";
    }

    public String trackThumbnailIndexKey() {
        return trackPrefix() + "/thumbnails.json";
    }
}
