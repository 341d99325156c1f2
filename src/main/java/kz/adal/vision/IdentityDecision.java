package kz.adal.vision;

import java.util.List;

/**
 * The automatic part of the identity check, without a database: one frame, the student's consent
 * and reference → passed, or pending a proctor with the reason. Absent models and refused
 * biometrics go to a proctor — a manual ID-document check (000 §4.7) — never a pass, never a dead end.
 */
public final class IdentityDecision {

    /** Whether the student consented: null = not asked yet (the check still runs on a reference, if any). */
    public record Result(IdentityChecks.Status status, IdentityChecks.Reason reason, Double similarity, Integer faceCount) {
        static Result pending(IdentityChecks.Reason reason, Double similarity, Integer faceCount) {
            return new Result(IdentityChecks.Status.PENDING, reason, similarity, faceCount);
        }
    }

    private IdentityDecision() {
    }

    /**
     * @param consent   true given, false refused, null not recorded
     * @param reference the enrolled embedding, or null
     */
    public static Result judge(FaceEngine engine, double matchThreshold, Boolean consent, float[] reference, byte[] frame) {
        if (Boolean.FALSE.equals(consent)) return Result.pending(IdentityChecks.Reason.BIOMETRICS_REFUSED, null, null);
        if (!engine.available()) return Result.pending(IdentityChecks.Reason.MODELS_ABSENT, null, null);
        return compare(engine, matchThreshold, reference, probe(engine, frame));
    }

    /** What one frame shows: the embedding of its one face, or why there is none to compare. */
    record Probe(float[] embedding, IdentityChecks.Reason refusal, Integer faceCount) {
    }

    /** The frame half of the check: decode (scaled down), exactly one face, its embedding. */
    static Probe probe(FaceEngine engine, byte[] frame) {
        FaceImage image;
        try {
            image = FaceImage.decode(frame);
        } catch (IllegalArgumentException e) {
            return new Probe(null, IdentityChecks.Reason.UNREADABLE_FRAME, null);
        }
        try (image) {
            List<DetectedFace> faces = engine.detect(image);
            if (faces.isEmpty()) return new Probe(null, IdentityChecks.Reason.NO_FACE, 0);
            // 001 §6.13: no outsiders in the frame
            if (faces.size() > 1) return new Probe(null, IdentityChecks.Reason.MULTIPLE_FACES, faces.size());
            return new Probe(engine.embed(image, faces.get(0)), null, 1);
        }
    }

    /** The comparison half: the probe's face against the reference at the threshold. */
    static Result compare(FaceEngine engine, double matchThreshold, float[] reference, Probe probe) {
        if (probe.refusal() != null) return Result.pending(probe.refusal(), null, probe.faceCount());
        if (reference == null) return Result.pending(IdentityChecks.Reason.NO_REFERENCE, null, 1);
        double similarity = engine.similarity(reference, probe.embedding());
        if (similarity < matchThreshold) return Result.pending(IdentityChecks.Reason.MISMATCH, similarity, 1);
        return new Result(IdentityChecks.Status.PASSED, null, similarity, 1);
    }
}
