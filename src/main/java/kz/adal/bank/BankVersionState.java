package kz.adal.bank;

/**
 * A version is edited while DRAFT. Recording the department's approval (001 §5.19) freezes it:
 * from then on edits go into a new version, so an exam always uses exactly what was approved and reviewed.
 */
public enum BankVersionState {
    DRAFT,
    APPROVED,
    /** Replaced by a newer version; kept for history and for exams that used it. */
    SUPERSEDED;

    public boolean isFrozen() { return this != DRAFT; }

    public boolean canMoveTo(BankVersionState next) {
        return switch (this) {
            case DRAFT -> next == APPROVED;
            case APPROVED -> next == SUPERSEDED;
            case SUPERSEDED -> false;
        };
    }
}
