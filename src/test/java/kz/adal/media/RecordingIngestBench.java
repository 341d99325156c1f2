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
 * uploading chunks of about a real size: three camera chunks (~60–70 KB: 4 s at ~140 kbit/s) then one screen chunk (~12–15 KB),
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String out = measure("through the node, local storage (fsync)", students(), (st, kind, seq, body, clock) ->
                throughNode(http, base, st, kind, seq, body, clock));
        write(out, true);
    }

    /** One started attempt of the load and its student's token. */
    record Student(UUID attempt, String token) {
    }

    /** Sends one chunk the way one upload path does; true when the node acknowledged it. */
    interface Sender {
        boolean send(Student st, String kind, int seq, byte[] body, double clientStartMs) throws Exception;
    }

    static List<Student> students() {
        int students = Integer.getInteger("adal.bench.students", 40);
        List<Student> list = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            MediaGiven.Sitting s = MediaGiven.sitting();
            list.add(new Student(s.start(), Api.token(s.student().login())));
        }
        return list;
    }

    static boolean throughNode(HttpClient http, URL base, Student st, String kind, int seq, byte[] body, double clock) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "api/attempts/" + st.attempt() + "/tracks/" + kind + "/chunks/" + seq))
                .header("Authorization", "Bearer " + st.token()).header("Content-Type", "video/webm")
                .header("X-Adal-Segment", "0").header("X-Adal-Client-Start", String.valueOf(clock))
                .header("X-Adal-Client-End", String.valueOf(clock + 4000))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /**
     * Every student a closed loop of real-size chunks (three ~60–70 KB camera chunks, then one ~12–15 KB screen chunk;
     * later chunks are real WebM cluster data from the fixtures) for
     * {@code -Dadal.bench.seconds}; the line says chunks/s, MB/s, latency of a whole chunk (all its requests) and the
     * machine's load average before and after.
     */
    static String measure(String path, List<Student> list, Sender sender) throws Exception {
        int seconds = Integer.getInteger("adal.bench.seconds", 30);
        byte[] header = MediaFixtures.camera().chunks().get(0).bytes();
        byte[] cameraFirst = payload(header, 70_000, 1);
        byte[] screenFirst = payload(MediaFixtures.screen().chunks().get(0).bytes(), 15_000, 2);
        // later chunks must be WebM cluster data (the node walks it): consecutive real chunks, joined
        byte[] cameraLater = later(MediaFixtures.camera(), 60_000);
        byte[] screenLater = later(MediaFixtures.screen(), 12_000);
        AtomicLong chunks = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        String loadBefore = uptime();
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
                        byte[] body = isScreen ? (seq == 0 ? screenFirst : screenLater) : (seq == 0 ? cameraFirst : cameraLater);
                        long t = System.nanoTime();
                        try {
                            if (sender.send(st, kind, seq, body, clock)) {
                                chunks.incrementAndGet();
                                bytes.addAndGet(body.length);
                                latencies.add(System.nanoTime() - t);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        clock += 4000;
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
        return String.format(Locale.ROOT,
                "%s: %d students, %.0f s: %d chunks stored (%.1f chunks/s), %.2f MB/s, p50 %.1f ms, p99 %.1f ms, %d refused or failed;"
                        + " ~%.0f students recording at once (0.5 chunks/s and ~21 KB/s each)%n  load before: %s%n  load after:  %s%n",
                path, list.size(), elapsed, chunks.get(), perSecond, bytes.get() / 1e6 / elapsed, p50, p99, errors.get(),
                Math.min(perSecond / 0.5, bytes.get() / elapsed / 21_000), loadBefore, uptime());
    }

    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (Exception e) {
            return "uptime unavailable: " + e.getMessage();
        }
    }

    /** Appends to target/bench/recording-ingest.txt (delete it before a run that should stand alone). */
    static void write(String out, boolean append) throws Exception {
        System.out.println(out);
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        if (append) {
            Files.writeString(dir.resolve("recording-ingest.txt"), out, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } else {
            Files.writeString(dir.resolve("recording-ingest.txt"), out);
        }
    }

    /** Real chunks 1, 2, ... of a fixture joined until at least {@code size} bytes (or all of them). */
    static byte[] later(MediaFixtures.Fixture fixture, int size) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 1; i < fixture.chunks().size() && out.size() < size; i++) out.writeBytes(fixture.chunks().get(i).bytes());
        return out.toByteArray();
    }

    /** A chunk of the given size; the first bytes are a real WebM header so chunk 0 passes the check. */
    static byte[] payload(byte[] header, int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        System.arraycopy(header, 0, b, 0, Math.min(header.length, size));
        return b;
    }
}
