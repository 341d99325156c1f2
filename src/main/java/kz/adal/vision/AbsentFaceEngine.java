package kz.adal.vision;

import java.util.List;

/** The engine when models are missing or refused: says so, and refuses every face operation. */
final class AbsentFaceEngine implements FaceEngine {

    private final String reason;

    AbsentFaceEngine(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    @Override
    public List<DetectedFace> detect(FaceImage image) {
        throw unavailable();
    }

    @Override
    public float[] embed(FaceImage image, DetectedFace face) {
        throw unavailable();
    }

    @Override
    public HeadPose headPose(FaceImage image, DetectedFace face) {
        throw unavailable();
    }

    @Override
    public Liveness liveness(FaceImage image, DetectedFace face) {
        return Liveness.notAvailable(reason);
    }

    @Override
    public void close() {
        // nothing held
    }

    private VisionUnavailableException unavailable() {
        // 000 §4.7: identity by biometrics or documents — the caller falls back to a manual document check
        return new VisionUnavailableException("Face models unavailable (" + reason + "): use the manual ID check");
    }
}
