package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.bytedeco.opencv.opencv_core.StringVector;

/**
 * The face pipeline on OpenCV DNN with the ONNX models listed in {@code vision/face-models.sha256}:
 * detector (UltraFace-style, 320×240) → 68 landmarks → five points → similarity alignment to the
 * ArcFace 112×112 template → 512-d embedding; head pose from a Hopenet-style model.
 *
 * <p>Thread-safety: an OpenCV {@link Net} is not thread-safe. The engine keeps a pool of
 * {@link Settings#poolSize()} network sets; each call borrows one and blocks while all are busy,
 * so at most {@code poolSize} inferences run at once. OpenCV is set to one thread per call
 * ({@code setNumThreads(1)}, a process-wide OpenCV setting) so that throughput scales with the
 * pool size and one call uses one core.
 */
public final class OnnxFaceEngine implements FaceEngine {

    /**
     * @param scoreThreshold minimum detector confidence for a face (vendor default 0.65)
     * @param nmsThreshold   overlap above which the weaker of two boxes is dropped (0.4)
     * @param poolSize       network sets, i.e. concurrent inferences; about one per core
     */
    public record Settings(double scoreThreshold, double nmsThreshold, int poolSize) {

        public Settings {
            if (!(scoreThreshold > 0 && scoreThreshold < 1) || !(nmsThreshold > 0 && nmsThreshold < 1)) {
                throw new IllegalArgumentException("Score and NMS thresholds must lie strictly between 0 and 1");
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("Pool size must be at least 1, got " + poolSize);
            }
        }

        public static Settings defaults() {
            return new Settings(0.65, 0.4, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }

        public Settings withPoolSize(int size) {
            return new Settings(scoreThreshold, nmsThreshold, size);
        }
    }

    static final int DETECT_WIDTH = 320;
    static final int DETECT_HEIGHT = 240;
    private static final int LANDMARK_SIZE = 64;
    private static final int POSE_SIZE = 224;
    private static final int TOP_K = 750;
    private static final Scalar MID_GRAY = new Scalar(127, 127, 127, 0);

    private final Settings settings;
    private final BlockingQueue<Nets> pool;

    /** One set of networks; used by one thread at a time. */
    private record Nets(Net detect, Net landmark, Net feature, Net pose) {
        void close() {
            detect.close();
            landmark.close();
            feature.close();
            pose.close();
        }
    }

    /** A detector box before landmarks. */
    record ScoredBox(FaceBox box, double score) {
    }

    OnnxFaceEngine(FaceModels models, Settings settings) {
        if (!models.complete()) {
            throw new IllegalArgumentException("Face models incomplete: " + models.problems());
        }
        this.settings = settings;
        setNumThreads(1);
        this.pool = new ArrayBlockingQueue<>(settings.poolSize());
        for (int i = 0; i < settings.poolSize(); i++) {
            pool.add(new Nets(
                    read(models, FaceModels.DETECT),
                    read(models, FaceModels.LANDMARK),
                    read(models, FaceModels.FEATURE),
                    read(models, FaceModels.POSE)));
        }
    }

    private static Net read(FaceModels models, String name) {
        String path = models.verified(name).orElseThrow().toAbsolutePath().toString();
        Net net = readNetFromONNX(path);
        if (net == null || net.empty()) {
            throw new IllegalStateException("OpenCV could not read " + path);
        }
        return net;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public List<DetectedFace> detect(FaceImage image) {
        Nets nets = borrow();
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = image.mat();
            List<DetectedFace> faces = new ArrayList<>();
            for (ScoredBox candidate : detectBoxes(nets, bgr)) {
                double[] xy68 = landmarks68(nets, bgr, candidate.box());
                faces.add(new DetectedFace(candidate.box(), candidate.score(), FaceAlignment.fivePoints(xy68)));
            }
            return faces;
        } finally {
            pool.add(nets);
        }
    }

    /** Detector only (no landmarks); for the benchmark. */
    List<ScoredBox> detectBoxes(FaceImage image) {
        Nets nets = borrow();
        try (PointerScope scope = new PointerScope()) {
            return detectBoxes(nets, image.mat());
        } finally {
            pool.add(nets);
        }
    }

    @Override
    public float[] embed(FaceImage image, DetectedFace face) {
        Nets nets = borrow();
        try (PointerScope scope = new PointerScope()) {
            double[][] m = FaceAlignment.similarity(face.landmarks5(), FaceAlignment.ARCFACE_TEMPLATE);
            Mat transform = new Mat(2, 3, CV_64F);
            DoubleIndexer ix = transform.createIndexer();
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    ix.put(r, c, m[r][c]);
                }
            }
            ix.close();
            Mat aligned = new Mat();
            warpAffine(image.mat(), aligned, transform, new Size(FaceAlignment.SIZE, FaceAlignment.SIZE));
            // RGB, (x − 127) / 128
            Mat blob = blobFromImage(aligned, 1 / 128.0, new Size(FaceAlignment.SIZE, FaceAlignment.SIZE), MID_GRAY, true, false, CV_32F);
            nets.feature().setInput(blob);
            float[] embedding = toArray(nets.feature().forward());
            if (embedding.length != EMBEDDING_SIZE) {
                throw new IllegalStateException("Embedding model returned " + embedding.length + " values");
            }
            return normalise(embedding);
        } finally {
            pool.add(nets);
        }
    }

    @Override
    public HeadPose headPose(FaceImage image, DetectedFace face) {
        Nets nets = borrow();
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = image.mat();
            FaceBox b = face.box();
            // the box grown by a quarter on each side, as the model was fed by its vendor
            Rect rect = clamp(b.x() - b.width() / 4, b.y() - b.height() / 4, b.width() * 1.5, b.height() * 1.5, bgr);
            Mat crop = new Mat(bgr, rect);
            // RGB, ImageNet mean/std
            Mat blob = blobFromImage(crop, 1 / 255.0, new Size(POSE_SIZE, POSE_SIZE),
                    new Scalar(0.485 * 255, 0.456 * 255, 0.406 * 255, 0), true, false, CV_32F);
            FloatBuffer data = blob.createBuffer();
            double[] std = {0.229, 0.224, 0.225};
            int plane = POSE_SIZE * POSE_SIZE;
            for (int c = 0; c < 3; c++) {
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    data.put(i, (float) (data.get(i) / std[c]));
                }
            }
            nets.pose().setInput(blob);
            MatVector outs = new MatVector();
            nets.pose().forward(outs, new StringVector("output", "617", "618"));
            return new HeadPose(binsToDegrees(toArray(outs.get(0))), binsToDegrees(toArray(outs.get(1))), binsToDegrees(toArray(outs.get(2))));
        } finally {
            pool.add(nets);
        }
    }

    @Override
    public Liveness liveness(FaceImage image, DetectedFace face) {
        return Liveness.notAvailable("fr_liveness.onnx outputs 3 classes whose meaning its vendor does not document "
                + "(its own code reports class 0; the MiniFASNet convention makes class 1 'live'); not used — see docs/vision.md");
    }

    @Override
    public void close() {
        for (Nets nets : pool) {
            nets.close();
        }
        pool.clear();
    }

    private Nets borrow() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a face network", e);
        }
    }

    private List<ScoredBox> detectBoxes(Nets nets, Mat bgr) {
        // Pad right/bottom to the detector's 4:3 aspect so faces are not stretched; padding is
        // mid-gray, which the normalisation maps to 0. Box coordinates stay those of the image.
        int w = bgr.cols();
        int h = bgr.rows();
        int canvasW = Math.max(w, (int) Math.ceil(h * 4.0 / 3.0));
        int canvasH = Math.max(h, (int) Math.ceil(w * 3.0 / 4.0));
        Mat canvas = new Mat();
        copyMakeBorder(bgr, canvas, 0, canvasH - h, 0, canvasW - w, BORDER_CONSTANT, MID_GRAY);
        Mat small = new Mat();
        resize(canvas, small, new Size(DETECT_WIDTH, DETECT_HEIGHT), 0, 0, INTER_LINEAR);
        // RGB, (x − 127) / 128
        Mat blob = blobFromImage(small, 1 / 128.0, new Size(DETECT_WIDTH, DETECT_HEIGHT), MID_GRAY, true, false, CV_32F);
        nets.detect().setInput(blob);
        MatVector outs = new MatVector();
        nets.detect().forward(outs, new StringVector("boxes", "scores"));
        float[] boxes = toArray(outs.get(0));
        float[] scores = toArray(outs.get(1));
        List<ScoredBox> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            double score = scores[2 * i + 1];
            if (score < settings.scoreThreshold()) {
                continue;
            }
            double x1 = Math.max(0, boxes[4 * i] * canvasW);
            double y1 = Math.max(0, boxes[4 * i + 1] * canvasH);
            double x2 = Math.min(w, boxes[4 * i + 2] * canvasW);
            double y2 = Math.min(h, boxes[4 * i + 3] * canvasH);
            if (x2 - x1 >= 2 && y2 - y1 >= 2) {
                candidates.add(new ScoredBox(new FaceBox(x1, y1, x2 - x1, y2 - y1), score));
            }
        }
        return nonMaximumSuppression(candidates, settings.nmsThreshold());
    }

    static List<ScoredBox> nonMaximumSuppression(List<ScoredBox> candidates, double maxOverlap) {
        List<ScoredBox> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        List<ScoredBox> kept = new ArrayList<>();
        for (ScoredBox c : sorted.subList(0, Math.min(TOP_K, sorted.size()))) {
            if (kept.stream().noneMatch(k -> k.box().iou(c.box()) > maxOverlap)) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static double[] landmarks68(Nets nets, Mat bgr, FaceBox box) {
        Rect rect = clamp(box.x(), box.y(), box.width(), box.height(), bgr);
        Mat crop = new Mat(bgr, rect);
        Mat gray = new Mat();
        cvtColor(crop, gray, COLOR_BGR2GRAY);
        // gray / 256, points come back normalised to the crop
        Mat blob = blobFromImage(gray, 1 / 256.0, new Size(LANDMARK_SIZE, LANDMARK_SIZE), new Scalar(0.0), false, false, CV_32F);
        nets.landmark().setInput(blob);
        float[] out = toArray(nets.landmark().forward());
        double[] xy = new double[out.length];
        for (int i = 0; i < out.length; i += 2) {
            xy[i] = rect.x() + out[i] * rect.width();
            xy[i + 1] = rect.y() + out[i + 1] * rect.height();
        }
        return xy;
    }

    /** Softmax expectation over 66 bins of 3°, centred so bin 33 is 0°: Σ p·i·3 − 99. */
    static double binsToDegrees(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double expectation = 0;
        for (int i = 0; i < logits.length; i++) {
            double e = Math.exp(logits[i] - max);
            sum += e;
            expectation += e * i;
        }
        return expectation / sum * 3 - 99;
    }

    private static Rect clamp(double x, double y, double width, double height, Mat image) {
        int x1 = (int) Math.max(0, Math.floor(x));
        int y1 = (int) Math.max(0, Math.floor(y));
        int x2 = (int) Math.min(image.cols(), Math.ceil(x + width));
        int y2 = (int) Math.min(image.rows(), Math.ceil(y + height));
        if (x2 - x1 < 2 || y2 - y1 < 2) {
            throw new IllegalArgumentException("Face box lies outside the image");
        }
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }

    private static float[] toArray(Mat mat) {
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        FloatBuffer buffer = continuous.createBuffer();
        float[] values = new float[(int) continuous.total()];
        buffer.get(values);
        return values;
    }

    private static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            throw new IllegalStateException("Embedding model returned a zero vector");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
