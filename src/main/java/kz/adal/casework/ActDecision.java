package kz.adal.casework;

import java.util.Comparator;
import java.util.Optional;

/**
 * What the commission decides on a technical-failure act (001 §6.15.6), and what each member votes for. Which of
 * them an act offers depends on its kind ({@link Act.Kind#options}). Stored by name (casework_act.decision,
 * casework_act_vote.choice); pages compare with web/js/states.js {@code ActDecision}.
 */
public enum ActDecision {
    /** Test: the same attempt continues, the lost time credited. */
    RESUME,
    /** Test: the attempt is voided and an individual sheet opens. */
    VOID,
    /** Oral exam: another time, with a new ticket; the "I" stays until then. */
    RESIT,
    /** Any kind: no failure that prevented finishing was established; the result stands. */
    REJECT;

    /** The order the act's page lists options and counts in (by name, as it always has). */
    public static final Comparator<ActDecision> LISTED = Comparator.comparing(ActDecision::name);

    /** The decision of this name, or empty for anything else (a vote or a decision as the page sent it). */
    public static Optional<ActDecision> named(String name) {
        if (name == null) return Optional.empty();
        for (ActDecision d : values()) if (d.name().equals(name)) return Optional.of(d);
        return Optional.empty();
    }
}
