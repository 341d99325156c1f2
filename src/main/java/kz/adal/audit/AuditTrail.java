package kz.adal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.TransactionSynchronizationRegistry;
import kz.adal.platform.AfterCommit;
import jakarta.transaction.Transactional;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes to the audit log inside the caller's transaction, so a change and its trace commit together or not at
 * all. The entry waits in {@code audit_pending} until {@link AuditSealer} chains it (right after the commit): the
 * caller's transaction locks no shared row, so audited changes do not queue behind each other (issue 17).
 */
@ApplicationScoped
public class AuditTrail {
    private final EntityManager em;
    private final TimeSource time;
    private final ObjectMapper json;
    private final Instance<SecurityIdentity> identity;
    private final Instance<JsonWebToken> jwt;
    private final AuditCheckpointStore checkpoints;
    private final AuditSealer sealer;
    private final TransactionSynchronizationRegistry tx;

    AuditTrail(EntityManager em, TimeSource time, ObjectMapper json, Instance<SecurityIdentity> identity, Instance<JsonWebToken> jwt,
               AuditCheckpointStore checkpoints, AuditSealer sealer, TransactionSynchronizationRegistry tx) {
        this.sealer = sealer;
        this.tx = tx;
        this.em = em;
        this.time = time;
        this.json = json;
        this.identity = identity;
        this.jwt = jwt;
        this.checkpoints = checkpoints;
    }

    /** What happened, to what, in which scope; before/after are hashed, detail is kept readable. */
    public record Change(String action, String subjectType, Object subjectId, Object scopeId,
                         Object before, Object after, Map<String, ?> detail) {
        public static Change of(String action, String subjectType, Object subjectId) {
            return new Change(action, subjectType, subjectId, null, null, null, null);
        }
        public Change scope(Object scope) { return new Change(action, subjectType, subjectId, scope, before, after, detail); }
        public Change before(Object b) { return new Change(action, subjectType, subjectId, scopeId, b, after, detail); }
        public Change after(Object a) { return new Change(action, subjectType, subjectId, scopeId, before, a, detail); }
        public Change detail(Map<String, ?> d) { return new Change(action, subjectType, subjectId, scopeId, before, after, d); }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        record(change, null, null);
    }

    /** For actions taken by the system (jobs) or on behalf of someone not logged in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change, UUID actorId, String actorLogin) {
        AuditPending e = new AuditPending();
        // the database keeps microseconds at best: hash what will be read back
        e.at = time.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (actorLogin == null) {
            Actor a = currentActor();
            actorId = a.id();
            actorLogin = a.login();
        }
        e.actorId = actorId;
        e.actorLogin = actorLogin;
        e.action = change.action();
        e.subjectType = change.subjectType();
        e.subjectId = change.subjectId() == null ? null : change.subjectId().toString();
        e.scopeId = change.scopeId() == null ? null : change.scopeId().toString();
        e.beforeHash = change.before() == null ? null : AuditChain.sha256(toJson(change.before()));
        e.afterHash = change.after() == null ? null : AuditChain.sha256(toJson(change.after()));
        String detail = change.detail() == null ? null : toJson(change.detail());
        e.detail = detail != null && detail.length() > 8000 ? detail.substring(0, 7990) + "…" : detail;
        em.persist(e);
        if (tx.getResource(AuditSealer.class) == null) {   // once per transaction
            tx.putResource(AuditSealer.class, Boolean.TRUE);
            AfterCommit.run(tx, sealer::soon);
        }
    }

    private record Actor(UUID id, String login) {}

    private Actor currentActor() {
        try {
            SecurityIdentity id = identity.get();
            if (id != null && !id.isAnonymous()) {
                String sub = jwt.get().getSubject();
                return new Actor(sub == null ? null : UUID.fromString(sub), id.getPrincipal().getName());
            }
        } catch (RuntimeException notInRequest) {
            // jobs and start-up run without a request: the system acts
        }
        return new Actor(null, "system");
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }

    /**
     * The outcome of a verification. {@code checkpoint} is the latest signed checkpoint the log was checked against
     * (null when none has been written yet); {@code checkpoints} how many were checked.
     */
    public record Verification(boolean intact, long rows, List<AuditChain.Break> breaks, AuditCheckpoint.View checkpoint, int checkpoints) {}

    /**
     * Recomputes the whole chain and checks it against every signed checkpoint; with a scope, reports whether any
     * break touches that scope.
     */
    public Verification verify(String scopeId) {
        sealer.sealNow();   // what was committed before the question is part of the answer
        return QuarkusTransaction.requiringNew().call(() -> verifySealed(scopeId));
    }

    private Verification verifySealed(String scopeId) {
        AuditHead head = em.find(AuditHead.class, 1);
        List<AuditEntry> rows = em.createQuery("from AuditEntry order by seq", AuditEntry.class).getResultList();
        List<AuditChain.Break> breaks = new java.util.ArrayList<>(AuditChain.verify(rows, head.lastSeq, head.lastHash));
        AuditCheckpointStore.Loaded signed = checkpoints.load();
        java.util.Map<Long, String> hashBySeq = new java.util.HashMap<>();
        for (AuditEntry r : rows) hashBySeq.put(r.seq, r.hash);
        // the log's real end: the head may have been rewound along with the rows
        long lastSeq = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq;
        breaks.addAll(AuditChain.verifyCheckpoints(hashBySeq, Math.min(head.lastSeq, lastSeq), signed.checkpoints()));
        for (AuditCheckpointStore.Forged f : signed.forged()) {
            breaks.add(new AuditChain.Break(0, "checkpoint file " + f.file() + ": " + f.problem(), "CHECKPOINT_FORGED"));
        }
        AuditCheckpoint.View latest = signed.latest().map(AuditCheckpoint::view).orElse(null);
        int checked = signed.checkpoints().size();
        if (scopeId != null && breaks.isEmpty()) {
            long inScope = rows.stream().filter(r -> scopeId.equals(r.scopeId)).count();
            return new Verification(true, inScope, breaks, latest, checked);
        }
        return new Verification(breaks.isEmpty(), rows.size(), breaks, latest, checked);
    }

    /**
     * Signs a checkpoint of the current head and keeps it outside the database; nothing when the log has not grown
     * since the latest checkpoint. Returns the checkpoint the log is now anchored to (empty while the log is empty).
     */
    public java.util.Optional<AuditCheckpoint> checkpoint() {
        sealer.sealNow();
        return QuarkusTransaction.requiringNew().call(this::checkpointSealed);
    }

    private java.util.Optional<AuditCheckpoint> checkpointSealed() {
        AuditHead head = em.find(AuditHead.class, 1);
        if (head.lastSeq == 0) return java.util.Optional.empty();
        java.util.Optional<AuditCheckpoint> latest = checkpoints.load().latest();
        if (latest.isPresent() && latest.get().seq() == head.lastSeq && latest.get().hash().equals(head.lastHash)) return latest;
        return java.util.Optional.of(checkpoints.write(head.lastSeq, head.lastHash, time.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    public List<AuditEntry> recent(String scopeId, int limit) {
        sealer.sealNow();
        String q = scopeId == null ? "from AuditEntry order by seq desc" : "from AuditEntry where scopeId = ?1 order by seq desc";
        var query = em.createQuery(q, AuditEntry.class).setMaxResults(limit);
        if (scopeId != null) query.setParameter(1, scopeId);
        return query.getResultList();
    }
}
