package kz.adal.proctoring;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The proctor console's own cost at the size of a room: {@code -Dadal.bench.students} (default 50) live students
 * (sockets from this JVM: a tab switch away or back every {@code -Dadal.bench.event-seconds} (default 2 s) each,
 * a clipboard use now and then, a snapshot every 10 s), the console open in Chromium on one of them, and the
 * proctor typing into the action box for {@code -Dadal.bench.seconds} (default 60). Measured: the page's main
 * thread time from the DevTools Protocol ({@code Performance.getMetrics}: TaskDuration, ScriptDuration,
 * LayoutDuration, RecalcStyleDuration) over the window, and key-press-to-paint latency in the page
 * ({@code keydown} event time → a task after the next animation frame). Writes target/bench/proctor-console.txt.
 */
@QuarkusTest
class ProctorConsoleBench {

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureTheConsole() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("adal.bench"), "benchmarks run only with -Dadal.bench=true");
        int students = Integer.getInteger("adal.bench.students", 50);
        int seconds = Integer.getInteger("adal.bench.seconds", 60);
        int eventSeconds = Integer.getInteger("adal.bench.event-seconds", 2);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        ProctorConsoleBrowserTest.Room room = ProctorConsoleBrowserTest.room(students);
        try (StudentTraffic traffic = StudentTraffic.connect(base, room.sittings()); BrowserContext ctx = Browser.context()) {
            Page console = Browser.loggedIn(ctx, base.toString(), room.proctor().login());
            console.navigate(base + "proctor/index.html");
            assertThat(console.locator(".pc-tile")).hasCount(students, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            traffic.start(Duration.ofSeconds(eventSeconds), Duration.ofSeconds(10));
            console.locator(".pc-tile").nth(students / 2).click();
            Locator box = console.locator("#pc-text");
            box.click();
            console.evaluate("() => { window.__latency = []; document.addEventListener('keydown', e => { const t0 = e.timeStamp;"
                    + " requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t0), 0)); }, true);"
                    + " window.__tiles = 0; }");
            Thread.sleep(5000); // the room's traffic settles in
            CDPSession cdp = ctx.newCDPSession(console);
            cdp.send("Performance.enable");
            Map<String, Double> before = metrics(cdp);
            long sentBefore = traffic.sent.get();
            long t0 = System.nanoTime();
            String text = "Please look at your screen and keep your hands on the desk. ";
            int i = 0;
            while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
                console.keyboard().type(String.valueOf(text.charAt(i++ % text.length())));
                Thread.sleep(250);  // four keys a second, a proctor writing a warning
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> after = metrics(cdp);
            long sent = traffic.sent.get() - sentBefore;
            @SuppressWarnings("unchecked")
            List<Number> latency = (List<Number>) console.evaluate("() => window.__latency");
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            List<Double> l = new ArrayList<>(latency.stream().map(Number::doubleValue).sorted().toList());
            String typed = box.inputValue();
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "students %d, window %.1f s, messages sent by the students %d (%.1f/s), keys %d (box holds %d chars)%n",
                    students, wall, sent, sent / wall, l.size(), typed.length()));
            for (String m : List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")) {
                double d = after.getOrDefault(m, 0.0) - before.getOrDefault(m, 0.0);
                out.append(String.format(Locale.ROOT, "%s: %.2f s = %.1f %% of one core%n", m, d, 100 * d / wall));
            }
            out.append(String.format(Locale.ROOT, "key press to paint: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(l, 50), pct(l, 95), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1)));
            out.append("load average before: ").append(loadBefore).append("; after: ").append(loadAfter).append('\n');
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/proctor-console.txt"), out);
            System.out.println(out);
            if (typed.length() != l.size()) throw new AssertionError("keys lost: typed " + l.size() + ", box holds " + typed.length());
        }
    }

    private static Map<String, Double> metrics(CDPSession cdp) {
        JsonObject r = cdp.send("Performance.getMetrics");
        Map<String, Double> m = new HashMap<>();
        JsonArray a = r.getAsJsonArray("metrics");
        for (JsonElement e : a) m.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("value").getAsDouble());
        return m;
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
