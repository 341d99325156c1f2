package kz.adal.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Anchors the audit log outside the database and watches it: a signed checkpoint of the head every
 * {@code adal.audit.checkpoint-every}, a full verification every {@code adal.audit.verify-every}. The outcome is a
 * metric for alerting ({@code adal_audit_verification_ok} 1/0, {@code adal_audit_verification_failures_total},
 * {@code adal_audit_checkpoint_seq}) and, when broken, an ERROR line in the log.
 * Safe on several nodes: each writes its own checkpoint file; verification only reads.
 */
@ApplicationScoped
public class AuditCheckpointJob {
    private static final Logger LOG = Logger.getLogger(AuditCheckpointJob.class);

    private final AuditTrail trail;
    // -1 until the first verification has run
    private final AtomicLong ok = new AtomicLong(-1);
    private final AtomicLong checkpointSeq = new AtomicLong(0);
    private final Counter failures;

    AuditCheckpointJob(AuditTrail trail, MeterRegistry metrics) {
        this.trail = trail;
        metrics.gauge("adal.audit.verification.ok", ok);
        metrics.gauge("adal.audit.checkpoint.seq", checkpointSeq);
        this.failures = Counter.builder("adal.audit.verification.failures").description("audit verifications that found the log broken")
                .register(metrics);
    }

    @Scheduled(identity = "audit-checkpoint", every = "${adal.audit.checkpoint-every}", delayed = "${adal.audit.checkpoint-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpoint() {
        trail.checkpoint().ifPresent(cp -> checkpointSeq.set(cp.seq()));
    }

    @Scheduled(identity = "audit-verify", every = "${adal.audit.verify-every}", delayed = "${adal.audit.checkpoint-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void verify() {
        verifyNow();
    }

    /** Runs one verification and records its outcome in the metrics and, when broken, the log. */
    public AuditTrail.Verification verifyNow() {
        AuditTrail.Verification v = trail.verify(null);
        ok.set(v.intact() ? 1 : 0);
        if (v.checkpoint() != null) checkpointSeq.set(Math.max(checkpointSeq.get(), v.checkpoint().seq()));
        if (!v.intact()) {
            failures.increment();
            LOG.errorf("AUDIT LOG BROKEN: %d problem(s), first at #%d: %s (checked against %d signed checkpoint(s))",
                    v.breaks().size(), v.breaks().get(0).seq(), v.breaks().get(0).problem(), v.checkpoints());
        }
        return v;
    }
}
