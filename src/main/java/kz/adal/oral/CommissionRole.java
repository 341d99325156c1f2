package kz.adal.oral;

/** A person's role in one sitting's attestation commission (001 §6.15.2, §6.15.6). */
public enum CommissionRole {
    /** Chairs the commission, grades, starts and ends the stages, publishes the results. */
    CHAIR,
    /** Grades independently. */
    MEMBER,
    /** The technical secretary: identity, desk and room check, technical-failure records; does not grade. */
    SECRETARY;

    public boolean grades() { return this != SECRETARY; }
}
