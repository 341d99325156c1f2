package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Checks on a camera frame that need no face model, so they work even when the engine is absent:
 * a covered camera (very dark, or nearly one flat colour) and a frozen feed (two successive
 * snapshots almost identical — a stuck camera or a static photo fed as a virtual camera).
 * Thread-safe.
 */
public final class FrameChecks {

    /**
     * @param darkMaxMean       grayscale mean (0..255) at or below which the frame counts as dark
     * @param flatMaxStdDev     grayscale standard deviation at or below which the frame counts as flat
     * @param frozenMaxMeanDiff mean absolute grayscale difference at or below which two frames count as the same
     */
    public record Thresholds(double darkMaxMean, double flatMaxStdDev, double frozenMaxMeanDiff) {

        public Thresholds {
            if (darkMaxMean < 0 || flatMaxStdDev < 0 || frozenMaxMeanDiff < 0) {
                throw new IllegalArgumentException("Frame thresholds must not be negative");
            }
        }

        /** Not yet validated on real webcam footage: see docs/vision.md. */
        public static Thresholds defaults() {
            return new Thresholds(20, 6, 0.5);
        }
    }

    /** Brightness statistics of a frame and whether they mean a covered camera. */
    public record Exposure(double mean, double stdDev, boolean covered) {
    }

    /** Difference between two frames and whether it means a frozen feed. */
    public record Motion(double meanAbsDiff, boolean frozen) {
    }

    private final Thresholds thresholds;

    public FrameChecks(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Exposure exposure(FaceImage frame) {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = gray(frame.mat());
            Mat mean = new Mat();
            Mat std = new Mat();
            meanStdDev(gray, mean, std);
            double m = first(mean);
            double s = first(std);
            return new Exposure(m, s, m <= thresholds.darkMaxMean() || s <= thresholds.flatMaxStdDev());
        }
    }

    /** Compares two successive frames; a previous frame of another size is scaled to the current one. */
    public Motion motion(FaceImage previous, FaceImage current) {
        try (PointerScope scope = new PointerScope()) {
            Mat a = gray(previous.mat());
            Mat b = gray(current.mat());
            if (a.cols() != b.cols() || a.rows() != b.rows()) {
                Mat scaled = new Mat();
                resize(a, scaled, new Size(b.cols(), b.rows()), 0, 0, INTER_AREA);
                a = scaled;
            }
            Mat diff = new Mat();
            absdiff(a, b, diff);
            Mat mean = new Mat();
            Mat std = new Mat();
            meanStdDev(diff, mean, std);
            double d = first(mean);
            return new Motion(d, d <= thresholds.frozenMaxMeanDiff());
        }
    }

    private static Mat gray(Mat bgr) {
        Mat gray = new Mat();
        cvtColor(bgr, gray, COLOR_BGR2GRAY);
        return gray;
    }

    private static double first(Mat m) {
        try (DoubleIndexer ix = m.createIndexer()) {
            return ix.get(0);
        }
    }
}
