package kz.adal.exam;

/**
 * One thing wrong with an exam definition: which field, a stable code, a message citing the clause,
 * and the HTTP status it is refused with when saving (400 for the request itself, 409 for the state
 * of the bank, group or other exams).
 */
public record ExamProblem(String field, String code, String message, int status) {
    static ExamProblem invalid(String field, String code, String message) {
        return new ExamProblem(field, code, message, 400);
    }

    /**
     * The same problem as a reader of {@code lang} reads it (the catalogue's sentence for the code). A field's own
     * problem ({@code FIELD_*}, from its constraint) was worded for the reader when it was found.
     */
    public ExamProblem in(String lang) {
        if ("en".equals(lang) || code.startsWith("FIELD_")) return this;
        String own = kz.adal.platform.Texts.problem(lang, code);
        return own == null ? this : new ExamProblem(field, code, own, status);
    }

    static ExamProblem conflict(String field, String code, String message) {
        return new ExamProblem(field, code, message, 409);
    }
}
