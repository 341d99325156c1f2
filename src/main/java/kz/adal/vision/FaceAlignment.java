package kz.adal.vision;

import java.util.List;

/**
 * Maps five face landmarks onto the standard ArcFace 112×112 template with the least-squares
 * similarity transform (rotation, uniform scale, translation — no shear, so faces are not distorted).
 */
final class FaceAlignment {

    static final int SIZE = 112;

    /** ArcFace reference points for a 112×112 crop: eyes, nose tip, mouth corners (image left first). */
    static final List<FacePoint> ARCFACE_TEMPLATE = List.of(
            new FacePoint(38.2946, 51.6963),
            new FacePoint(73.5318, 51.5014),
            new FacePoint(56.0252, 71.7366),
            new FacePoint(41.5493, 92.3655),
            new FacePoint(70.7299, 92.2041));

    private FaceAlignment() {
    }

    /**
     * The 2×3 affine matrix {@code [[a, -b, tx], [b, a, ty]]} minimising the squared distance from
     * the transformed {@code from} points to {@code to} (Umeyama's method without reflection).
     */
    static double[][] similarity(List<FacePoint> from, List<FacePoint> to) {
        if (from.size() != to.size() || from.size() < 2) {
            throw new IllegalArgumentException("Need the same number (≥ 2) of source and target points");
        }
        int n = from.size();
        double fx = 0, fy = 0, tx = 0, ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from.get(i).x();
            fy += from.get(i).y();
            tx += to.get(i).x();
            ty += to.get(i).y();
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double px = from.get(i).x() - fx;
            double py = from.get(i).y() - fy;
            double qx = to.get(i).x() - tx;
            double qy = to.get(i).y() - ty;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("Source points all coincide");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new double[][] {
                {a, -b, tx - (a * fx - b * fy)},
                {b, a, ty - (b * fx + a * fy)}};
    }

    static FacePoint apply(double[][] m, FacePoint p) {
        return new FacePoint(m[0][0] * p.x() + m[0][1] * p.y() + m[0][2], m[1][0] * p.x() + m[1][1] * p.y() + m[1][2]);
    }

    /** The five points from the 68-point (iBUG) layout, as the model vendor's own code derives them. */
    static List<FacePoint> fivePoints(double[] xy68) {
        if (xy68.length != 136) {
            throw new IllegalArgumentException("Expected 68 points (136 values), got " + xy68.length);
        }
        return List.of(
                mean(xy68, 37, 38, 40, 41),
                mean(xy68, 43, 44, 46, 47),
                mean(xy68, 30),
                mean(xy68, 48, 60),
                mean(xy68, 54, 64));
    }

    private static FacePoint mean(double[] xy, int... points) {
        double x = 0, y = 0;
        for (int p : points) {
            x += xy[2 * p];
            y += xy[2 * p + 1];
        }
        return new FacePoint(x / points.length, y / points.length);
    }
}
