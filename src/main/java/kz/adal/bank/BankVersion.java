package kz.adal.bank;

import kz.adal.platform.RuleViolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.adal.platform.Problem;

import java.time.Instant;
import java.util.UUID;

/** One version of a bank with its passport (001 §5.22). Frozen once approved. */
@Entity
@Table(name = "bank_version")
class BankVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "bank_id", nullable = false)
    public UUID bankId;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BankVersionState state = BankVersionState.DRAFT;

    // --- the passport ---
    @Column(nullable = false)
    public String discipline;

    @Column(nullable = false)
    public String programme;

    /** Language of instruction kk/ru/en: must match the group's (001 §5.23.5). */
    @Column(nullable = false)
    public String language;

    /** Permitted reference materials — tables, graphs, schemes (001 §5.22, §5.23.4). */
    @Column(name = "reference_materials")
    public String referenceMaterials;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "frozen_at")
    public Instant frozenAt;

    public void requireEditable() {
        if (state.isFrozen()) {
            throw Problem.conflict("VERSION_FROZEN", "Version " + number + " is approved and frozen; create a new version to edit");
        }
    }

    /** Refuses unless the version is still a draft (409 ALREADY_APPROVED): submitting or approving it again. */
    public void requireDraft() {
        if (!state.canMoveTo(BankVersionState.APPROVED)) {
            throw RuleViolation.conflict("ALREADY_APPROVED", "Version " + number + " is already " + state);
        }
    }

    /** DRAFT → APPROVED: the department's approval is recorded (001 §5.19); the version is frozen from {@code now}. */
    public void approve(Instant now) {
        requireDraft();
        frozenAt = now;
        state = BankVersionState.APPROVED;
    }
}
