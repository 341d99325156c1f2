package kz.adal.platform;

import java.util.List;
import java.util.Map;

/**
 * A refusal the user can act on: an HTTP status, a stable machine code and a clear message.
 * Thrown from services; {@link ProblemMapper} turns it into RFC 9457 problem details.
 * The optional {@code errors} list carries per-item detail (for example import lines).
 */
public class Problem extends RuntimeException {
    private final int status;
    private final String code;
    private final List<?> errors;
    /** Extra members of the problem details (RFC 9457 §3.2), e.g. {@code until} for a refusal that ends at a known time. */
    private final Map<String, Object> extensions = new java.util.LinkedHashMap<>();
    /** Values for the catalogue's sentence of this code ({0}, {1}… in texts/texts*.properties). */
    private Object[] args = new Object[0];
    /** The message is already in the caller's language (worded from the catalogue at the throw site). */
    private boolean worded;

    public Problem(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public Problem(int status, String code, String message, List<?> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : errors;
    }

    public static Problem badRequest(String code, String message) { return new Problem(400, code, message); }
    public static Problem notFound(String what) { return new Problem(404, "NOT_FOUND", what + " not found"); }
    public static Problem forbidden(String message) { return new Problem(403, "FORBIDDEN", message); }
    public static Problem conflict(String code, String message) { return new Problem(409, code, message); }
    public static Problem unprocessable(String code, String message, List<?> errors) { return new Problem(422, code, message, errors); }

    public int status() { return status; }
    public String code() { return code; }
    public List<?> errors() { return errors; }

    /** Adds a member to the problem details (not one of the standard ones). */
    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Map<String, Object> extensions() { return extensions; }

    /**
     * The values the catalogue's sentence for this code names ({0}, {1}…): the English message at the
     * throw site is for logs and English readers; kk and ru readers get {@code problem.CODE} with these.
     */
    public Problem args(Object... values) {
        this.args = values == null ? new Object[0] : values;
        return this;
    }

    public Object[] args() { return args.clone(); }

    /** The message was worded in the caller's language already ({@link Texts#of}); the mapper keeps it. */
    public Problem worded() {
        this.worded = true;
        return this;
    }

    public boolean isWorded() { return worded; }

    Problem wordedIf(boolean already) {
        this.worded = already;
        return this;
    }

    /**
     * The detail as a reader of {@code lang} reads it: the catalogue's sentence for the code
     * ({@code problem.CODE}, texts/texts[_kk|_ru].properties) for kk and ru, this specific English sentence for
     * en (or when the throw site worded it already). For a refusal shown outside problem details (a page's
     * "why you can't start yet").
     */
    public String detailIn(String lang) {
        if (worded || "en".equals(lang)) return getMessage();
        String own = Texts.problem(lang, code, args);
        return own != null ? own : getMessage();
    }

    public Map<String, Object> body(String instance) {
        return body(instance, getMessage(), errors);
    }

    /** The problem details with the detail (and per-item errors) as the caller reads them. */
    public Map<String, Object> body(String instance, String detail, List<?> errors) {
        Map<String, Object> body = ProblemMapper.body(status, code, detail, instance, errors);
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
