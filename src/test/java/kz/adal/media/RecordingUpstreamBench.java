package kz.adal.media;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Sizes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Upstream bandwidth of one student, measured in Debian's Chromium with a fake camera, microphone and screen:
 * the exam page with recorder.js runs for {@code -Dadal.bench.minutes} (default 5), the student answers a
 * question every 15 s, and every request the page sends is counted (body + HTTP headers, from Playwright's
 * request sizes), in one-second buckets by kind. Also the stored bytes per track. Writes
 * target/bench/recording-upstream.txt. Run: see docs/benchmarks.md "Recording".
 */
@QuarkusTest
class RecordingUpstreamBench {

    @TestHTTPResource("/")
    URL base;

    private static String kind(String url) {
        if (url.contains("/tracks/camera/chunks/")) return "camera";
        if (url.contains("/tracks/screen/chunks/")) return "screen";
        if (url.contains("/answers/")) return "answers";
        return "other";
    }

    @Test
    void measureUpstream() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("adal.bench"), "benchmarks run only with -Dadal.bench=true");
        int minutes = Integer.getInteger("adal.bench.minutes", 5);
        String fakeVideo = System.getProperty("adal.bench.y4m");
        MediaGiven.Sitting s = MediaGiven.sitting();
        UUID attempt = s.start();

        Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
        Map<Long, AtomicLong> perSecond = new ConcurrentHashMap<>();
        Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
        long[] t0 = {0};
        String[] args = fakeVideo == null ? new String[0] : new String[] {"--use-file-for-fake-video-capture=" + fakeVideo};
        try (BrowserContext ctx = Browser.context(args)) {
            Page page = Browser.loggedIn(ctx, base.toString(), s.student().login());
            page.onRequestFinished(r -> {
                if (t0[0] == 0) return;
                Sizes z = r.sizes();
                // Playwright reports no body size for a Blob body: take the largest of what it knows
                byte[] post = r.postDataBuffer();
                String length = r.headerValue("content-length");
                long body = Math.max(z.requestBodySize, Math.max(post == null ? 0 : post.length,
                        length == null ? 0 : Long.parseLong(length.trim())));
                long bytes = body + z.requestHeadersSize;
                String k = kind(r.url());
                totals.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(bytes);
                requests.computeIfAbsent(k, x -> new AtomicLong()).incrementAndGet();
                perSecond.computeIfAbsent((System.currentTimeMillis() - t0[0]) / 1000, x -> new AtomicLong()).addAndGet(bytes);
            });
            t0[0] = System.currentTimeMillis();
            page.navigate(base + "student/exam.html?attempt=" + attempt);
            page.waitForSelector("#recording-indicator [data-kind=screen][data-state=recording]");
            long end = t0[0] + minutes * 60_000L;
            int q = 0;
            while (System.currentTimeMillis() < end) {
                page.locator("label.option").nth(q % 5).click();
                if (page.locator("#next").isEnabled()) page.locator("#next").click();
                q++;
                page.waitForTimeout(15_000);
            }
            page.waitForTimeout(3_000);
        }
        double seconds = (System.currentTimeMillis() - t0[0]) / 1000.0;

        long all = totals.values().stream().mapToLong(AtomicLong::get).sum();
        long maxSecond = (long) seconds;
        Map<Integer, Double> peaks = new TreeMap<>();
        for (int w : new int[] {4, 10, 30}) {
            double peak = 0;
            for (long sec = 0; sec + w <= maxSecond; sec++) {
                long b = 0;
                for (long i = sec; i < sec + w; i++) b += perSecond.getOrDefault(i, new AtomicLong()).get();
                peak = Math.max(peak, b * 8.0 / w / 1000);
            }
            peaks.put(w, peak);
        }
        double half = seconds / 2;
        long firstHalf = perSecond.entrySet().stream().filter(e -> e.getKey() < half).mapToLong(e -> e.getValue().get()).sum();
        long secondHalf = perSecond.entrySet().stream().filter(e -> e.getKey() >= half).mapToLong(e -> e.getValue().get()).sum();
        Map<String, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> m = new TreeMap<>();
            for (MediaTrack t : MediaTrack.<MediaTrack>list("attemptId", attempt)) {
                Number sum = (Number) MediaTrack.getEntityManager().createQuery("select coalesce(sum(c.size),0) from MediaChunk c where c.trackId = :t")
                        .setParameter("t", t.id).getSingleResult();
                m.put(t.kind.folder(), sum.longValue());
            }
            return m;
        });

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "run: %.0f s of a proctored exam page in Chromium (fake %s camera, fake 1280x720 screen)%n",
                seconds, fakeVideo == null ? "pattern" : fakeVideo));
        out.append(String.format(Locale.ROOT, "total upstream: mean %.1f kbit/s; peak %.1f kbit/s over 4 s (one camera chunk lands per 4 s), %.1f over 10 s, %.1f over 30 s%n",
                all * 8 / seconds / 1000, peaks.get(4), peaks.get(10), peaks.get(30)));
        out.append(String.format(Locale.ROOT, "stationarity: first half %.1f kbit/s, second half %.1f kbit/s%n",
                firstHalf * 8 / half / 1000, secondHalf * 8 / (seconds - half) / 1000));
        for (String k : List.of("camera", "screen", "answers", "other")) {
            long b = totals.getOrDefault(k, new AtomicLong()).get();
            out.append(String.format(Locale.ROOT, "  %-8s %8.1f kbit/s  %6d requests  %10d bytes%n", k, b * 8 / seconds / 1000,
                    requests.getOrDefault(k, new AtomicLong()).get(), b));
        }
        for (Map.Entry<String, Long> e : stored.entrySet()) {
            out.append(String.format(Locale.ROOT, "stored %-6s %.2f MB in %.0f s → %.1f MB per 50-minute exam%n", e.getKey(),
                    e.getValue() / 1e6, seconds, e.getValue() / 1e6 / seconds * 3000));
        }
        System.out.println(out);
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("recording-upstream.txt"), out.toString());
    }
}
