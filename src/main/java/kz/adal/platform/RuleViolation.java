package kz.adal.platform;

import java.util.List;

/**
 * A domain rule refused an action: the one refusal type every feature's rules throw (lifecycle moves,
 * deadlines, votes, limits, scales). It is a {@link Problem}, so {@link ProblemMapper} maps it to problem
 * details once and services let it pass instead of catching and rethrowing it.
 *
 * <p>The code is stable and UPPER_SNAKE like every other problem code (the pages look up
 * {@code problem.<CODE>} in their bundles); the message is for people. The status says what kind of
 * refusal it is: 409 when the state of things refuses the move (the default), 422 when the input breaks a
 * rule, 400 for a malformed choice, 403 when the caller has no part in the decision.
 */
public class RuleViolation extends Problem {

    public RuleViolation(int status, String code, String message, List<?> errors) {
        super(status, code, message, errors);
        if (!code.matches("[A-Z][A-Z0-9_]*")) throw new IllegalArgumentException("rule codes are UPPER_SNAKE: " + code);
    }

    public RuleViolation(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    /** 409: the thing's current state refuses the move (a lifecycle, a vote not yet complete, a closed window). */
    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(409, code, message);
    }

    /** 422: the input is well formed but breaks a rule (points out of range, a ticket without questions). */
    public static RuleViolation invalid(String code, String message) {
        return new RuleViolation(422, code, message);
    }

    /** 400: a choice outside the allowed set, a missing required value. */
    public static RuleViolation badRequest(String code, String message) {
        return new RuleViolation(400, code, message);
    }

    /** 403: the caller takes no part in this decision. */
    public static RuleViolation forbidden(String code, String message) {
        return new RuleViolation(403, code, message);
    }
}
