package kz.adal.media;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest throughput of one node: {@code -Dadal.bench.students} (default 40) started attempts, each a closed loop
 * uploading chunks of a real size: three camera chunks (70 KB: 4 s at ~140 kbit/s) then one screen chunk (15 KB),
 * as fast as the node answers, for {@code -Dadal.bench.seconds} (default 30). The load generator runs in the same
 * JVM on the same two cores as the server (in-memory H2, local storage with fsync), so the figures are a floor.
 * Writes target/bench/recording-ingest.txt.
 */
@QuarkusTest
class RecordingIngestBench {

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureIngest() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("adal.bench"), "benchmarks run only with -Dadal.bench=true");
        int students = Integer.getInteger("adal.bench.students", 40);
        int seconds = Integer.getInteger("adal.bench.seconds", 30);
        byte[] header = MediaFixtures.camera().chunks().get(0).bytes();
        byte[] camera = payload(header, 70_000, 1);
        byte[] screen = payload(header, 15_000, 2);

        record Student(UUID attempt, String token) {
        }
        List<Student> list = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            MediaGiven.Sitting s = MediaGiven.sitting();
            list.add(new Student(s.start(), Api.token(s.student().login())));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong chunks = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Student st : list) {
                running.add(pool.submit(() -> {
                    int cameraSeq = 0;
                    int screenSeq = 0;
                    int n = 0;
                    double clock = 1_800_000_000_000.0;
                    while (System.nanoTime() < end) {
                        boolean isScreen = n++ % 4 == 3; // three camera chunks, then one screen chunk
                        String kind = isScreen ? "screen" : "camera";
                        int seq = isScreen ? screenSeq++ : cameraSeq++;
                        byte[] body = isScreen ? screen : camera;
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "api/attempts/" + st.attempt() + "/tracks/" + kind + "/chunks/" + seq))
                                .header("Authorization", "Bearer " + st.token()).header("Content-Type", "video/webm")
                                .header("X-Adal-Segment", "0").header("X-Adal-Client-Start", String.valueOf(clock))
                                .header("X-Adal-Client-End", String.valueOf(clock + 4000))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        clock += 4000;
                        long t = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() == 200) {
                                chunks.incrementAndGet();
                                bytes.addAndGet(body.length);
                                latencies.add(System.nanoTime() - t);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        double perSecond = chunks.get() / elapsed;
        // one student sends a camera chunk every 4 s and a screen chunk every 4 s: 0.5 chunks/s, ~21 KB/s
        String out = String.format(Locale.ROOT,
                "ingest: %d students, %.0f s: %d chunks stored (%.1f chunks/s), %.2f MB/s, p50 %.1f ms, p99 %.1f ms, %d refused or failed%n"
                        + "capacity at the measured rate: ~%.0f students recording at once (0.5 chunks/s and ~21 KB/s each)%n",
                students, elapsed, chunks.get(), perSecond, bytes.get() / 1e6 / elapsed, p50, p99, errors.get(),
                Math.min(perSecond / 0.5, bytes.get() / elapsed / 21_000));
        System.out.println(out);
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("recording-ingest.txt"), out);
    }

    /** A chunk of the given size; the first bytes are a real WebM header so chunk 0 passes the check. */
    private static byte[] payload(byte[] header, int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        System.arraycopy(header, 0, b, 0, Math.min(header.length, size));
        return b;
    }
}
