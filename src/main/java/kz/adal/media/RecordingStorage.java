package kz.adal.media;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where recording bytes live, addressed by an opaque key such as
 * {@code attempts/3f2c.../camera/chunk-000042.webm}. Implementations: {@link kz.adal.media.store.LocalRecordingStorage}
 * (a directory) and {@link kz.adal.media.store.S3RecordingStorage} (an S3-compatible object store).
 *
 * <p>There is no append: a recording is one object per chunk, so no store ever reads and rewrites an object.
 *
 * <p>Keys are {@code /}-separated segments of {@code [A-Za-z0-9._-]}, each starting with a letter or
 * digit (so no {@code .}/{@code ..} segments, no hidden files, no absolute paths); see {@link #requireValidKey}.
 * All methods throw {@link MediaException} with a {@link MediaError} code on failure.
 */
public interface RecordingStorage {

    int MAX_KEY_LENGTH = 512;

    /** Creates or replaces the object; readers never see a half-written object. */
    void write(String key, byte[] data);

    /** Creates or replaces the object from a local file (large finalised recordings). */
    void write(String key, Path source);

    /** Reads up to {@code length} bytes from {@code offset}; fewer only at the end of the object. */
    byte[] read(String key, long offset, int length);

    /** Streams the whole object; the caller closes the stream. */
    InputStream open(String key);

    /** Size in bytes; {@link MediaError#NOT_FOUND} if absent. */
    long size(String key);

    boolean exists(String key);

    /** Deletes the object; returns false if it was not there. */
    boolean delete(String key);

    /** Keys starting with {@code prefix} (plain string prefix, as in S3), sorted. */
    List<String> list(String prefix);

    /**
     * A short-lived address a browser may PUT exactly this object to, with this type and length, without passing
     * through a node; empty when the store cannot give one (a local directory).
     */
    default Optional<URI> directUploadUrl(String key, String contentType, long contentLength, Duration ttl) {
        return Optional.empty();
    }

    /** Reads the whole object (small objects only). */
    default byte[] readAll(String key) {
        long size = size(key);
        if (size > Integer.MAX_VALUE - 16) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Object too large to read at once: " + key);
        }
        return read(key, 0, (int) size);
    }

    /** Returns the key if it is well formed, else throws {@link MediaError#INVALID_KEY}. */
    static String requireValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || !Keys.KEY.matcher(key).matches()) {
            throw new MediaException(MediaError.INVALID_KEY, "Invalid storage key: "
                    + (key == null ? "null" : '"' + key.substring(0, Math.min(key.length(), 80)) + '"'));
        }
        return key;
    }

    /** A list prefix: empty, or a key prefix (may end with {@code /} or in the middle of a segment). */
    static String requireValidPrefix(String prefix) {
        if (prefix == null || prefix.length() > MAX_KEY_LENGTH
                || !(prefix.isEmpty() || Keys.PREFIX.matcher(prefix).matches())) {
            throw new MediaException(MediaError.INVALID_KEY, "Invalid storage prefix: " + prefix);
        }
        return prefix;
    }

    /** Holder for the compiled key patterns (interfaces cannot have private static fields). */
    final class Keys {
        static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]*";
        public static final Pattern KEY = Pattern.compile(SEGMENT + "(/" + SEGMENT + ")*");
        static final Pattern PREFIX = Pattern.compile("(" + SEGMENT + "/)*(" + SEGMENT + ")?");

        private Keys() {
        }
    }
}
