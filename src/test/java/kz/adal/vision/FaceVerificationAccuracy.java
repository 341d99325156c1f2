package kz.adal.vision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Genuine/impostor score distributions over the face crops: every crop is detected (on a padded
 * canvas), aligned and embedded; every pair of crops is compared by cosine similarity.
 */
final class FaceVerificationAccuracy {

    /** Margin added around each 150×150 crop before detection (see TestFaces#padded). */
    static final double MARGIN = 0.5;

    record Result(List<String> undetected, List<Double> genuine, List<Double> impostor) {

        double far(double threshold) {
            return impostor.stream().filter(s -> s >= threshold).count() / (double) impostor.size();
        }

        double frr(double threshold) {
            return genuine.stream().filter(s -> s < threshold).count() / (double) genuine.size();
        }

        /** Midpoint between the highest impostor and the lowest genuine score (the equal-error point if they overlap). */
        double chosenThreshold() {
            double maxImpostor = impostor.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double minGenuine = genuine.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            if (minGenuine > maxImpostor) {
                return (minGenuine + maxImpostor) / 2;
            }
            double best = 0;
            double bestGap = Double.MAX_VALUE;
            for (double t = -0.2; t <= 1.0; t += 0.005) {
                double gap = Math.abs(far(t) - frr(t));
                if (gap < bestGap) {
                    bestGap = gap;
                    best = t;
                }
            }
            return best;
        }

        String report() {
            StringBuilder out = new StringBuilder();
            double t = chosenThreshold();
            out.append(String.format(Locale.ROOT, "crops not detected: %s%n", undetected));
            out.append(summary("genuine ", genuine)).append(summary("impostor", impostor));
            out.append(String.format(Locale.ROOT, "threshold %.3f: FAR %.4f (%d/%d), FRR %.4f (%d/%d)%n", t,
                    far(t), Math.round(far(t) * impostor.size()), impostor.size(),
                    frr(t), Math.round(frr(t) * genuine.size()), genuine.size()));
            for (double fixed : new double[] {0.25, 0.30, 0.35, 0.40}) {
                out.append(String.format(Locale.ROOT, "  at %.2f: FAR %.4f, FRR %.4f%n", fixed, far(fixed), frr(fixed)));
            }
            out.append(histogram());
            return out.toString();
        }

        private static String summary(String label, List<Double> scores) {
            DoubleSummaryStatistics s = scores.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            return String.format(Locale.ROOT, "%s pairs %4d  min %.3f  mean %.3f  max %.3f%n", label, s.getCount(), s.getMin(), s.getAverage(), s.getMax());
        }

        /** Text histogram in 0.05 bins; G = genuine, I = impostor (each mark up to 1 genuine / 8 impostor pairs). */
        String histogram() {
            StringBuilder out = new StringBuilder("  bin          genuine  impostor\n");
            for (int bin = -20; bin < 20; bin++) {
                double lo = bin * 0.05;
                double hi = lo + 0.05;
                long g = genuine.stream().filter(s -> s >= lo && s < hi).count();
                long i = impostor.stream().filter(s -> s >= lo && s < hi).count();
                if (g == 0 && i == 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "  %5.2f..%5.2f  %4d     %4d  %s%s%n", lo, hi, g, i,
                        "G".repeat((int) g), "I".repeat((int) Math.ceil(i / 8.0))));
            }
            return out.toString();
        }
    }

    private FaceVerificationAccuracy() {
    }

    static Result measure(FaceEngine engine, Path facesDir) {
        Map<Path, float[]> embeddings = new LinkedHashMap<>();
        List<String> undetected = new ArrayList<>();
        for (Path crop : TestFaces.crops(facesDir)) {
            try (FaceImage image = TestFaces.padded(crop, MARGIN)) {
                List<DetectedFace> faces = engine.detect(image);
                if (faces.isEmpty()) {
                    undetected.add(crop.getFileName().toString());
                    continue;
                }
                DetectedFace best = faces.stream().max(Comparator.comparingDouble(DetectedFace::score)).orElseThrow();
                embeddings.put(crop, engine.embed(image, best));
            }
        }
        List<Path> keys = new ArrayList<>(embeddings.keySet());
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                double s = engine.similarity(embeddings.get(keys.get(i)), embeddings.get(keys.get(j)));
                (TestFaces.person(keys.get(i)).equals(TestFaces.person(keys.get(j))) ? genuine : impostor).add(s);
            }
        }
        return new Result(undetected, genuine, impostor);
    }

    /** {@code mvn -o -q test-compile exec:java -Dexec.mainClass=kz.adal.vision.FaceVerificationAccuracy -Dexec.classpathScope=test} */
    public static void main(String[] args) {
        try (FaceEngine engine = FaceEngines.load(TestFaces.modelsDir())) {
            Path dir = TestFaces.facesDir().orElseThrow(() -> new IllegalStateException("face crops not found"));
            System.out.print(measure(engine, dir).report());
        }
    }
}
