package kz.adal.vision;

/**
 * Thrown when a face operation is requested but the face models are absent or refused. Callers
 * check {@link FaceEngine#available()} first and fall back to a manual ID-document check by a
 * proctor (000 §4.7); this exception only signals a caller that forgot to.
 */
public class VisionUnavailableException extends IllegalStateException {

    public static final String CODE = "vision.models-unavailable";

    public VisionUnavailableException(String message) {
        super(message);
    }

    /** Stable machine code for the API layer. */
    public String code() {
        return CODE;
    }
}
