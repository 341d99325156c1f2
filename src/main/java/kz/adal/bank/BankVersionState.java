package kz.adal.bank;

import kz.adal.platform.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * A version is edited while DRAFT. Recording the department's approval (001 §5.19) freezes it:
 * from then on edits go into a new version, so an exam always uses exactly what was approved and reviewed.
 * See docs/domain/bank-version-lifecycle.md.
 *
 * <p>There is no "superseded" state: approving a newer version does not retire an older one. The seeds
 * tie a bank's use to the department's approval (001 §5.19) and a valid positive expert conclusion for
 * the day (001 §5.25–5.26), not to being the newest; exams already defined on an older version keep
 * drawing from it and showing its passport, and its conclusion's validity ends its use.
 */
public enum BankVersionState implements Lifecycle<BankVersionState> {
    DRAFT,
    /** Approved at a department meeting; frozen. Final. */
    APPROVED;

    public boolean isFrozen() { return this != DRAFT; }

    public Set<BankVersionState> next() {
        return this == DRAFT ? EnumSet.of(APPROVED) : EnumSet.noneOf(BankVersionState.class);
    }
}
