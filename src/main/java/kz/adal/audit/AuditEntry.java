package kz.adal.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the append-only audit log. {@code hash} = SHA-256 over the previous row's hash and
 * this row's fields (see {@link AuditChain}), so editing or deleting any row breaks the chain.
 */
@Entity
@Table(name = "audit_entry")
class AuditEntry extends PanacheEntityBase {
    @Id
    public long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_login", nullable = false)
    public String actorLogin;

    @Column(nullable = false)
    public String action;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    /** The exam, sitting or bank the change belongs to, for per-exam verification and reports. */
    @Column(name = "scope_id")
    public String scopeId;

    @Column(name = "before_hash")
    public String beforeHash;

    @Column(name = "after_hash")
    public String afterHash;

    /** A short JSON description of what changed (no secrets). */
    @Column(length = 8000)
    public String detail;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
