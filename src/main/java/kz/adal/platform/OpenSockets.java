package kz.adal.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open WebSockets on this node by kind ({@code student}, {@code proctor}, {@code oral}), as the gauge
 * {@code adal_live_sockets{kind=...}}: how many a node carries, and where students went after a node left.
 */
public final class OpenSockets {
    private static final ConcurrentHashMap<String, AtomicInteger> OPEN = new ConcurrentHashMap<>();

    private OpenSockets() {
    }

    public static void opened(String kind) {
        count(kind).incrementAndGet();
    }

    public static void closed(String kind) {
        count(kind).decrementAndGet();
    }

    public static int open(String kind) {
        return count(kind).get();
    }

    private static AtomicInteger count(String kind) {
        return OPEN.computeIfAbsent(kind, k -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("adal.live.sockets", n, AtomicInteger::get).tag("kind", k)
                    .description("Open WebSockets on this node").register(Metrics.globalRegistry);
            return n;
        });
    }
}
