package kz.adal.casework;

/**
 * A request that breaks a casework rule (appeals, calendars). {@link #code()} is stable.
 */
public class CaseworkRuleException extends IllegalArgumentException {

    private final String code;

    public CaseworkRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
