package kz.adal.exam;

/** How a question with more than one correct option is scored; chosen per exam. */
public enum MultipleCorrectRule {
    /** 1 when exactly the correct options are chosen, otherwise 0. */
    ALL_OR_NOTHING,
    /** +1/k per correct option chosen, −1/k per wrong option chosen, floored at 0 (k = correct options). */
    PARTIAL_CREDIT
}
