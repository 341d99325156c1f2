package kz.adal.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A test bank; its content lives in numbered {@link BankVersion}s. */
@Entity
@Table(name = "bank")
class Bank extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The department's decision on which items are typical (001 §5.23.2). */
    @Column(name = "typical_decision")
    public String typicalDecision;

    /** Compilers (user ids): only they edit the bank, and none of them may review it (001 §5.24). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "bank_compiler", joinColumns = @JoinColumn(name = "bank_id"))
    @Column(name = "user_id")
    public Set<UUID> compilers = new HashSet<>();

    public boolean isCompiler(UUID userId) { return compilers.contains(userId); }
}
