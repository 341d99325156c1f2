package kz.adal.vision;

import java.util.List;

/**
 * One face found in an image.
 *
 * @param box        where the face is, in pixels of the analysed image
 * @param score      detector confidence, 0..1
 * @param landmarks5 left eye, right eye, nose tip, left and right mouth corner, as seen in the image
 *                   (left = smaller x), derived from the 68-point landmark model
 */
public record DetectedFace(FaceBox box, double score, List<FacePoint> landmarks5) {

    public DetectedFace {
        if (box == null) {
            throw new IllegalArgumentException("A detected face needs a box");
        }
        landmarks5 = List.copyOf(landmarks5);
        if (landmarks5.size() != 5) {
            throw new IllegalArgumentException("A detected face needs 5 landmarks, got " + landmarks5.size());
        }
    }
}
