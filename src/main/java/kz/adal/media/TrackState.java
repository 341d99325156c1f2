package kz.adal.media;

/** Where a track is in its life: receiving chunks, being finalised, playable, failed, or deleted by retention. */
public enum TrackState {
    /** Chunks are accepted (while the attempt runs and for the upload grace after it). */
    RECORDING,
    /** A node claimed it and runs FFmpeg; no chunks are accepted any more. */
    FINALISING,
    /** One seekable file with duration, thumbnails and alignment. */
    FINALISED,
    /** Finalisation failed (e.g. chunk 0 of every segment lost); the chunks are kept for a person to look at. */
    FAILED,
    /** Deleted by the retention job; only the row remains. */
    DELETED;

    /** Whether new chunks may still arrive. */
    public boolean acceptsChunks() {
        return this == RECORDING;
    }
}
