package kz.adal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An audited change written with its transaction but not yet in the chain: {@link AuditSealer} numbers and chains
 * it into {@link AuditEntry} once committed, and deletes it here in the same transaction.
 */
@Entity
@Table(name = "audit_pending")
class AuditPending {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    Instant at;

    @Column(name = "actor_id")
    UUID actorId;

    @Column(name = "actor_login", nullable = false)
    String actorLogin;

    @Column(nullable = false)
    String action;

    @Column(name = "subject_type", nullable = false)
    String subjectType;

    @Column(name = "subject_id")
    String subjectId;

    @Column(name = "scope_id")
    String scopeId;

    @Column(name = "before_hash")
    String beforeHash;

    @Column(name = "after_hash")
    String afterHash;

    @Column(length = 8000)
    String detail;
}
