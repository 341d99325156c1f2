package kz.adal.audit;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;

/**
 * The audit trail as other features' tests read it (they may not name {@code AuditEntry}: package-private, kept so by
 * ArchitectureTest). Each read seals what is committed first: audited changes reach the chain just after their commit
 * ({@link AuditSealer}), as the audit API does itself.
 */
public final class AuditRows {
    private AuditRows() {
    }

    /** The actions recorded in a scope (an exam, a sitting), oldest first. */
    public static List<String> actionsInScope(String scopeId) {
        return actions("scopeId", scopeId);
    }

    /** The actions recorded about a subject (a person, an attempt, a turn), oldest first. */
    public static List<String> actionsAbout(String subjectId) {
        return actions("subjectId", subjectId);
    }

    public static long countInScope(String scopeId, String action) {
        return count("scopeId", scopeId, action);
    }

    public static long countAbout(String subjectId, String action) {
        return count("subjectId", subjectId, action);
    }

    private static List<String> actions(String field, String value) {
        seal();
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(field + " = ?1 order by seq", value)
                .stream().map(e -> e.action).toList());
    }

    private static long count(String field, String value, String action) {
        seal();
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(field + " = ?1 and action = ?2", value, action));
    }

    private static void seal() {
        Arc.container().instance(AuditSealer.class).get().sealNow();
    }
}
