package kz.adal.media;

/** A media failure with a stable {@link MediaError} code a caller can show or map. */
public class MediaException extends RuntimeException {

    private final MediaError code;

    public MediaException(MediaError code, String message) {
        super(message);
        this.code = code;
    }

    public MediaException(MediaError code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public MediaError code() {
        return code;
    }
}
