package kz.adal.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Milliseconds per frame on one core (OpenCV set to 1 thread) for detection alone and for the full
 * identity pipeline, at 320×240 and 640×480, plus node throughput with one worker per core.
 * Frames: a shared face crop scaled to 60 % of the frame height on a mid-gray canvas.
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.mainClass=kz.adal.vision.VisionBenchmark -Dexec.classpathScope=test</pre>
 */
public final class VisionBenchmark {

    private static final int WARMUP = 20;
    private static final int RUNS = 200;

    private VisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Path crop = TestFaces.facesDir().orElseThrow(() -> new IllegalStateException("face crops not found")).resolve("sheldon/sheldon1.png");
        try (OnnxFaceEngine engine = (OnnxFaceEngine) FaceEngines.load(TestFaces.modelsDir(), OnnxFaceEngine.Settings.defaults().withPoolSize(cores))) {
            System.out.printf(Locale.ROOT, "cores %d, %d timed runs after %d warm-up, median and p95 ms per frame%n", cores, RUNS, WARMUP);
            System.out.printf(Locale.ROOT, "%-9s %-42s %8s %8s %10s%n", "frame", "stage (one core)", "median", "p95", "frames/s");
            for (int[] size : new int[][] {{320, 240}, {640, 480}}) {
                try (FaceImage frame = frame(crop, size[0], size[1])) {
                    DetectedFace face = engine.detect(frame).get(0);
                    String label = size[0] + "x" + size[1];
                    report(label, "detection (detector only)", time(f -> engine.detectBoxes(f), frame));
                    report(label, "detection + 68 landmarks", time(f -> engine.detect(f), frame));
                    double[] full = time(f -> engine.embed(f, engine.detect(f).get(0)), frame);
                    report(label, "detect + landmarks + align + embedding", full);
                    byte[] jpeg = jpeg(frame);
                    report(label, "JPEG decode", time(f -> FaceImage.decode(jpeg).close(), frame));
                    // what SnapshotAnalysis does per check: decode, detect, landmarks, embed, pose
                    double[] check = time(f -> {
                        try (FaceImage decoded = FaceImage.decode(jpeg)) {
                            DetectedFace d = engine.detect(decoded).get(0);
                            engine.embed(decoded, d);
                            engine.headPose(decoded, d);
                        }
                    }, frame);
                    report(label, "one check: decode + full pipeline + pose", check);
                    report(label, "embedding only (align + model)", time(f -> engine.embed(f, face), frame));
                    report(label, "head pose only", time(f -> engine.headPose(f, face), frame));
                    double node = nodeThroughput(engine, frame, cores);
                    double perCore = 1000 / median(check);
                    System.out.printf(Locale.ROOT, "%-9s full pipeline, %d workers: %.1f frames/s per node; "
                            + "one check per core: students per core: %.0f at one check / 10 s, %.0f at one check / 30 s%n",
                            label, cores, node, perCore * 10, perCore * 30);
                }
            }
        }
    }

    static FaceImage frame(Path crop, int width, int height) {
        try (FaceImage face = TestFaces.read(crop); Mat scaled = new Mat(); Mat canvas = new Mat()) {
            int side = (int) (height * 0.6);
            resize(face.mat(), scaled, new Size(side, side));
            int left = (width - side) / 2;
            int top = (height - side) / 2;
            copyMakeBorder(scaled, canvas, top, height - side - top, left, width - side - left, BORDER_CONSTANT, new Scalar(110, 120, 130, 0));
            return FaceImage.of(canvas);
        }
    }

    private static byte[] jpeg(FaceImage frame) {
        try (org.bytedeco.javacpp.BytePointer buffer = new org.bytedeco.javacpp.BytePointer()) {
            org.bytedeco.opencv.global.opencv_imgcodecs.imencode(".jpg", frame.mat(), buffer);
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    private static double[] time(Consumer<FaceImage> work, FaceImage frame) {
        for (int i = 0; i < WARMUP; i++) {
            work.accept(frame);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.accept(frame);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void report(String frame, String stage, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-9s %-42s %8.1f %8.1f %10.1f%n", frame, stage, median(sorted),
                sorted[(int) (sorted.length * 0.95)], 1000 / median(sorted));
    }

    /** Full pipeline on {@code workers} threads sharing the engine's pool; frames per second overall. */
    private static double nodeThroughput(FaceEngine engine, FaceImage frame, int workers) throws Exception {
        int perWorker = RUNS / 2;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWorker; i++) {
                        engine.embed(frame, engine.detect(frame).get(0));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return workers * perWorker / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
