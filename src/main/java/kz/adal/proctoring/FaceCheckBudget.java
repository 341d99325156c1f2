package kz.adal.proctoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many live snapshots this node's face checks may work on at once. A check costs about 25 ms of one core
 * (docs/vision.md) and every student sends a snapshot every 10 s, so a node with N students asks for N × 2.5 ms of
 * CPU a second: 10,000 students would need 25 cores. Before this bound every snapshot queued an asynchronous check,
 * and under load the queue (each entry a copy of the JPEG and a transaction) grew without limit and took the CPU the
 * events and answer saves needed (issue 17's benchmark). A snapshot that finds no free slot is not checked and is
 * counted in {@code adal_face_checks_skipped_total}: no flag comes from a check that did not run, so an honest
 * student is never flagged by this; the checks that do run are spread over the students at random. More checks per
 * node: raise {@code adal.proctoring.face-checks-in-flight} on a node with more cores (docs/proctoring.md).
 */
@ApplicationScoped
class FaceCheckBudget {
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter skipped;

    @jakarta.inject.Inject
    FaceCheckBudget(ProctoringConfig config, MeterRegistry registry) {
        this(config.faceChecksInFlight().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)), registry);
    }

    FaceCheckBudget(int limit, MeterRegistry registry) {
        this.limit = limit;
        this.skipped = Counter.builder("adal.face.checks.skipped")
                .description("Live snapshots not face-checked because this node's checks were all busy").register(registry);
    }

    /** Takes a slot for one check, or counts the snapshot as skipped; a taken slot is given back by {@link #done}. */
    boolean take() {
        while (true) {
            int n = inFlight.get();
            if (n >= limit) {
                skipped.increment();
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) return true;
        }
    }

    void done() {
        inFlight.decrementAndGet();
    }

    int limit() {
        return limit;
    }

    double skipped() {
        return skipped.count();
    }
}
