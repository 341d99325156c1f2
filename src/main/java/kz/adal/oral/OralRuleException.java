package kz.adal.oral;

/** A rule of the oral exam refused an action; {@link #code()} is stable for clients. */
public class OralRuleException extends RuntimeException {
    private final String code;

    public OralRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() { return code; }
}
