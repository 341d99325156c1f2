package kz.adal.proctoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * One live connection per attempt, across nodes, held in the database. A second tab is refused
 * ({@code BUSY}) unless it asks to take over; the same tab reconnecting (after a drop or on another
 * node) simply replaces its old connection. A holder not seen for {@code stale} counts as gone
 * (its node may have died).
 */
@ApplicationScoped
class SessionClaims {

    /** The answer to a claim: taken (with the connection it replaced, if any) or busy in another tab. */
    record Claim(boolean taken, String replacedConnection, String replacedNode) {
    }

    private final EntityManager em;

    SessionClaims(EntityManager em) {
        this.em = em;
    }

    Claim claim(UUID attemptId, String tabId, String connectionId, String node, boolean takeover, Instant now, Duration stale) {
        for (int i = 0; ; i++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    ProctoringSession s = em.find(ProctoringSession.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
                    if (s == null) {
                        s = new ProctoringSession();
                        s.attemptId = attemptId;
                        take(s, tabId, connectionId, node, now);
                        em.persist(s);
                        em.flush();
                        return new Claim(true, null, null);
                    }
                    boolean held = s.connectionId != null && s.lastSeenAt != null && s.lastSeenAt.isAfter(now.minus(stale));
                    if (held && !tabId.equals(s.tabId) && !takeover) return new Claim(false, null, null);
                    String replaced = s.connectionId;
                    String replacedNode = s.node;
                    take(s, tabId, connectionId, node, now);
                    return new Claim(true, replaced, replacedNode);
                });
            } catch (RuntimeException e) {
                if (i >= 2) throw e; // two first connections raced on the insert: read the winner's row
            }
        }
    }

    private static void take(ProctoringSession s, String tabId, String connectionId, String node, Instant now) {
        s.tabId = tabId;
        s.connectionId = connectionId;
        s.node = node;
        s.connectedAt = now;
        s.lastSeenAt = now;
    }

    /** Lets go of the attempt if this connection still holds it; true when it did (so it was a real disconnection). */
    boolean release(UUID attemptId, String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update ProctoringSession s set s.connectionId = null "
                        + "where s.attemptId = :a and s.connectionId = :c")
                .setParameter("a", attemptId).setParameter("c", connectionId).executeUpdate() == 1);
    }

    /** Marks this node's connections as alive. */
    void touch(Collection<String> connectionIds, Instant now) {
        if (connectionIds.isEmpty()) return;
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update ProctoringSession s set s.lastSeenAt = :now where s.connectionId in :ids")
                .setParameter("now", now).setParameter("ids", connectionIds).executeUpdate());
    }
}
