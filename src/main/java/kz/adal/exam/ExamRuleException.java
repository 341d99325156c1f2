package kz.adal.exam;

/**
 * A request that breaks an exam rule. {@link #code()} is stable: callers show it and map it to an
 * HTTP problem; the message is for people.
 */
public class ExamRuleException extends IllegalArgumentException {

    private final String code;

    public ExamRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
