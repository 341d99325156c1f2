package kz.adal.media;

/** Stable machine codes for media failures; the lead maps them to HTTP problem details. */
public enum MediaError {
    /** The sequence number is negative. */
    INVALID_SEQUENCE,
    /** A chunk with this sequence number is stored with different bytes (a replay must be identical). */
    CHUNK_CONFLICT,
    /** The chunk is larger than the configured limit. */
    CHUNK_TOO_LARGE,
    /** The track already holds what its exam's length at the configured bitrate allows (with headroom). */
    RECORDING_QUOTA_EXCEEDED,
    /** The chunk is empty or its client time range is reversed. */
    INVALID_CHUNK,
    /** Chunk 0 does not start with the EBML magic {@code 1A 45 DF A3}, or a later chunk carries no cluster content. */
    NOT_WEBM,
    /** The track was closed; no more chunks are accepted. */
    TRACK_CLOSED,
    /** Chunk 0 (the one with the WebM header) is missing: nothing can be decoded. */
    MISSING_FIRST_CHUNK,
    /** The stored bytes could not be read as WebM by the finaliser. */
    UNREADABLE_MEDIA,
    /** A storage key is malformed or tries to leave the storage root. */
    INVALID_KEY,
    /** The object does not exist. */
    NOT_FOUND,
    /** A conditional storage write lost a race with another writer. */
    STORAGE_CONFLICT,
    /** The storage backend failed (I/O error, HTTP error from the object store). */
    STORAGE_FAILURE
}
