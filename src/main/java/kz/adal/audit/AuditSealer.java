package kz.adal.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Chains committed audit entries (issue 17). Writers only insert into {@code audit_pending}, so two starts or two
 * decisions never queue on one row while their transactions run. The sealer takes the head row's lock in a short
 * transaction of its own — one sealer at a time across nodes — and moves what is pending into {@code audit_entry},
 * numbered from the head and hashed onto the row before, in the order it finds them (the order of writing, as far as
 * the transactions had committed). Verification and the signed checkpoints ({@link AuditTrail#verify},
 * {@link AuditCheckpointJob}) read only the chain, as before.
 *
 * <p>It runs right after every commit that wrote an entry (on its own thread: the request does not wait), every
 * second for what another node or a crash left, and before anything reads the log, so a reader sees every entry
 * committed before it asked.
 */
@ApplicationScoped
public class AuditSealer {
    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    /** One sealer per node at a time; across nodes the head row's lock orders them. */
    private final ReentrantLock sealing = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-sealer");
        t.setDaemon(true);
        return t;
    });

    AuditSealer(EntityManager em) {
        this.em = em;
    }

    /** After a commit that wrote entries: seal soon, on the sealer's thread; many requests coalesce into one run. */
    void soon() {
        if (requested.compareAndSet(false, true)) {
            worker.execute(() -> {
                requested.set(false);
                try {
                    sealNow();
                } catch (RuntimeException e) {
                    LOG.warnf("audit sealing failed, retried within a second: %s", e.getMessage());
                }
            });
        }
    }

    @Scheduled(identity = "audit-seal", every = "${adal.audit.seal-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            sealNow();
        } catch (RuntimeException e) {
            LOG.warnf("audit sealing failed: %s", e.getMessage());
        }
    }

    /** Seals everything committed so far; returns how many entries it chained. Must not run inside a transaction. */
    public int sealNow() {
        sealing.lock();
        try {
            int total = 0;
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(this::sealBatch);
                total += n;
            } while (n == BATCH);
            return total;
        } finally {
            sealing.unlock();
        }
    }

    private int sealBatch() {
        // cheap when there is nothing: no lock taken
        if (em.createQuery("select count(p) from AuditPending p", Long.class).getSingleResult() == 0) return 0;
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        List<AuditPending> pending = em.createQuery("from AuditPending order by id", AuditPending.class).setMaxResults(BATCH).getResultList();
        for (AuditPending p : pending) {
            AuditEntry e = new AuditEntry();
            e.seq = head.lastSeq + 1;
            e.at = p.at;
            e.actorId = p.actorId;
            e.actorLogin = p.actorLogin;
            e.action = p.action;
            e.subjectType = p.subjectType;
            e.subjectId = p.subjectId;
            e.scopeId = p.scopeId;
            e.beforeHash = p.beforeHash;
            e.afterHash = p.afterHash;
            e.detail = p.detail;
            e.prevHash = head.lastHash;
            e.hash = AuditChain.hashOf(e);
            em.persist(e);
            em.remove(p);
            head.lastSeq = e.seq;
            head.lastHash = e.hash;
        }
        return pending.size();
    }
}
