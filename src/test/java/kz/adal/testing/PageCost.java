package kz.adal.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What pages cost the machine over a window, for the benchmarks in the docs (not an assertion: a shared machine's
 * load decides most of it). Per page, from Chrome DevTools' Performance domain: main-thread busy time (tasks,
 * script, style, layout) per second; from {@link #LONG_TASKS} (added with {@code addInitScript}): how late a 100 ms
 * timer fired at most and on average (what a click waits for). For the whole browser: CPU seconds of this JVM's
 * descendant processes (the Chromium renderers, GPU, audio and network processes) per wall second.
 */
public final class PageCost {
    private PageCost() {
    }

    /** A 100 ms timer's lateness, collected in the page (window.__lag). */
    public static final String LONG_TASKS = """
            (() => {
              const lag = window.__lag = { max: 0, sum: 0, n: 0 };
              let last = performance.now();
              setInterval(() => {
                const now = performance.now(), late = Math.max(0, now - last - 100);
                last = now; lag.max = Math.max(lag.max, late); lag.sum += late; lag.n += 1;
              }, 100);
            })();
            """;

    public record Cost(double taskMsPerS, double scriptMsPerS, double styleLayoutMsPerS, double lagMaxMs, double lagMeanMs) {
        @Override
        public String toString() {
            return String.format("task %.0f ms/s (script %.0f, style+layout %.0f), timer late max %.0f ms mean %.0f ms",
                    taskMsPerS, scriptMsPerS, styleLayoutMsPerS, lagMaxMs, lagMeanMs);
        }
    }

    /** Measures every page over the window; prints and returns the figures (with the browser's CPU and the load). */
    public static Map<String, Cost> measure(String label, Map<String, Page> pages, Duration window) throws InterruptedException {
        Map<String, CDPSession> cdp = new LinkedHashMap<>();
        Map<String, Map<String, Double>> before = new LinkedHashMap<>();
        for (var e : pages.entrySet()) {
            CDPSession s = e.getValue().context().newCDPSession(e.getValue());
            s.send("Performance.enable");
            cdp.put(e.getKey(), s);
            before.put(e.getKey(), metrics(s));
            e.getValue().evaluate("() => { if (window.__lag) Object.assign(window.__lag, { max: 0, sum: 0, n: 0 }); }");
        }
        double cpu0 = browserCpuSeconds();
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis()); // a measurement window, not a wait for a condition
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (browserCpuSeconds() - cpu0) / wall;
        Map<String, Cost> out = new LinkedHashMap<>();
        for (var e : pages.entrySet()) {
            Map<String, Double> a = metrics(cdp.get(e.getKey())), b = before.get(e.getKey());
            double span = a.get("Timestamp") - b.get("Timestamp");
            java.util.function.Function<String, Double> per = k -> (a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0)) / span * 1000;
            @SuppressWarnings("unchecked")
            Map<String, Object> lag = (Map<String, Object>) e.getValue().evaluate("() => window.__lag || { max: 0, sum: 0, n: 0 }");
            double n = ((Number) lag.get("n")).doubleValue();
            out.put(e.getKey(), new Cost(per.apply("TaskDuration"), per.apply("ScriptDuration"),
                    per.apply("RecalcStyleDuration") + per.apply("LayoutDuration"),
                    ((Number) lag.get("max")).doubleValue(), n == 0 ? 0 : ((Number) lag.get("sum")).doubleValue() / n));
            cdp.get(e.getKey()).detach();
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("[page-cost] %s: browser CPU %.2f cores over %.0f s, load average %.1f on %d cores%n", label, cpu, wall, load,
                Runtime.getRuntime().availableProcessors());
        out.forEach((who, c) -> System.out.println("[page-cost]   " + who + ": " + c));
        return out;
    }

    private static Map<String, Double> metrics(CDPSession s) {
        JsonObject r = s.send("Performance.getMetrics");
        Map<String, Double> m = new LinkedHashMap<>();
        for (JsonElement x : r.getAsJsonArray("metrics")) {
            m.put(x.getAsJsonObject().get("name").getAsString(), x.getAsJsonObject().get("value").getAsDouble());
        }
        return m;
    }

    /** CPU time of every process this JVM started, directly or not (Playwright's driver and its Chromium). */
    static double browserCpuSeconds() {
        return ProcessHandle.current().descendants().mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9).sum();
    }
}
