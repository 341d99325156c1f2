package kz.adal.vision;

import java.util.List;

/**
 * Face detection, verification and head pose on still frames.
 *
 * <p>Obtain one with {@link FaceEngines#load}. When the models are missing or fail their checksum
 * the engine is <em>absent</em>: {@link #available()} is false and every face operation throws
 * {@link VisionUnavailableException}; the caller then falls back to a manual ID-document check by a
 * proctor (000 §4.7) — identity is never waved through because a model is missing.
 *
 * <p>Implementations are thread-safe.
 */
public interface FaceEngine extends AutoCloseable {

    /** Length of a face embedding. */
    int EMBEDDING_SIZE = 512;

    boolean available();

    /** Why the engine is absent; empty when available. */
    String unavailableReason();

    /** Faces in the image, best score first (empty list when there is none). */
    List<DetectedFace> detect(FaceImage image);

    /** The L2-normalised 512-d identity embedding of a face found by {@link #detect}. */
    float[] embed(FaceImage image, DetectedFace face);

    HeadPose headPose(FaceImage image, DetectedFace face);

    /** Presentation-attack score, when the engine can give one (see docs/vision.md). */
    Liveness liveness(FaceImage image, DetectedFace face);

    /** Cosine similarity of two embeddings, −1..1; same person scores high. */
    default double similarity(float[] a, float[] b) {
        return cosine(a, b);
    }

    static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("Embeddings must be non-empty and of equal length");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("An embedding of all zeros has no direction");
        }
        return dot / Math.sqrt(na * nb);
    }

    @Override
    void close();
}
