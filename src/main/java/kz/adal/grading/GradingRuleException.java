package kz.adal.grading;

/**
 * A request that breaks a grading rule, or a bad grading configuration. {@link #code()} is stable.
 */
public class GradingRuleException extends IllegalArgumentException {

    private final String code;

    public GradingRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
