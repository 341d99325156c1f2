package kz.adal.testing;

import io.quarkus.arc.Arc;
import kz.adal.audit.AuditSealer;

/**
 * For tests that read {@code AuditEntry} rows directly: audited changes reach the chain just after their commit
 * (kz.adal.audit.AuditSealer), so such a test seals what is committed first, as the audit API does itself.
 */
public final class AuditLog {
    private AuditLog() {
    }

    public static void sealed() {
        Arc.container().instance(AuditSealer.class).get().sealNow();
    }
}
