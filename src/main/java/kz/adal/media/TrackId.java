package kz.adal.media;

import java.util.Objects;
import java.util.UUID;

/** One recorded track: an attempt's camera or screen. */
public record TrackId(UUID attemptId, TrackKind kind) {

    public TrackId {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(kind, "kind");
    }

    /** Storage folder of the track: {@code attempts/<attempt>/<camera|screen>}. */
    public String storagePrefix() {
        return "attempts/" + attemptId + "/" + kind.folder();
    }

    /** Key of one chunk object: {@code <track>/chunk-000042.webm}. */
    public String chunkKey(int seq) {
        return storagePrefix() + String.format("/chunk-%06d.webm", seq);
    }

    /** Key of the finalised, seekable recording. */
    public String recordingKey() {
        return storagePrefix() + "/recording.webm";
    }

    public String thumbnailSpriteKey() {
        return storagePrefix() + "/thumbnails.jpg";
    }

    public String thumbnailIndexKey() {
        return storagePrefix() + "/thumbnails.json";
    }
}
