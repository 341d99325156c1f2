package kz.adal.attempt;

/**
 * A request that breaks an attempt rule. {@link #code()} is stable: callers show it and map it to an
 * HTTP problem; the message is for people.
 */
public class AttemptRuleException extends IllegalArgumentException {

    private final String code;

    public AttemptRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
