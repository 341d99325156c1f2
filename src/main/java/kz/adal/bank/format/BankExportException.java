package kz.adal.bank.format;

/** A question cannot be written in the chosen format without losing or changing it. */
public final class BankExportException extends IllegalArgumentException {
    private final String code;
    private final int questionIndex;

    BankExportException(String code, int questionIndex, String message) {
        super("Question " + (questionIndex + 1) + ": " + message + " [" + code + "]");
        this.code = code;
        this.questionIndex = questionIndex;
    }

    /** Stable machine code, e.g. {@code AIKEN_SINGLE_CORRECT_ONLY}. */
    public String code() {
        return code;
    }

    /** 0-based index of the offending question in the exported list. */
    public int questionIndex() {
        return questionIndex;
    }
}
