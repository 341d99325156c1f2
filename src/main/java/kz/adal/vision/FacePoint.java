package kz.adal.vision;

/** A point in image pixels. */
public record FacePoint(double x, double y) {
}
