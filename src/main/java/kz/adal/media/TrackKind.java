package kz.adal.media;

/** Which recording of an attempt: the webcam (with microphone) or the shared screen (003 §16). */
public enum TrackKind {
    CAMERA,
    SCREEN;

    /** The storage folder name for this kind. */
    public String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
