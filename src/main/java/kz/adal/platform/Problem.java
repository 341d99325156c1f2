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

    public Map<String, Object> body(String instance) {
        Map<String, Object> body = ProblemMapper.body(status, code, getMessage(), instance, errors);
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
