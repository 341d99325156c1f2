package kz.adal.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps failures to RFC 9457 problem details. Clients never see stack
 * traces or class names; 5xx are logged loudly, 4xx quietly.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @jakarta.inject.Inject RequestLanguage language;   // package-visible: unit tests give their own

    /**
     * The detail as the caller reads it. The code is stable; the sentence comes from the catalogue
     * ({@code problem.CODE} in texts/texts[_kk|_ru].properties) in the caller's language. English readers get
     * the throw site's own sentence, which names the values (a date, a count, a person) the catalogue's
     * general sentence may leave out; a throw site that worded its message from the catalogue itself keeps it.
     */
    private String detail(String code, String english, Object[] args, boolean worded) {
        return new Problem(400, code, english).args(args == null ? new Object[0] : args).wordedIf(worded).detailIn(lang());
    }

    private String lang() {
        try {
            return language.get();
        } catch (RuntimeException e) {
            return "kk";   // no request scope (should not happen for an HTTP failure): the institution's usual language
        }
    }

    /**
     * Per-item problems (import lines, exam fields) carry a code and an English message: kk and ru readers
     * get the catalogue's sentence for the code instead; other members stay as they are.
     */
    public static List<?> localized(List<?> items, String lang) {
        if (items == null || items.isEmpty() || "en".equals(lang)) return items;
        return items.stream().map(item -> localizedItem(item, lang)).toList();
    }

    private static Object localizedItem(Object item, String lang) {
        if (item == null || !item.getClass().isRecord()) return item;
        java.lang.reflect.RecordComponent[] parts = item.getClass().getRecordComponents();
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            for (java.lang.reflect.RecordComponent c : parts) out.put(c.getName(), c.getAccessor().invoke(item));
        } catch (ReflectiveOperationException e) {
            return item;
        }
        if (out.get("code") instanceof String code && out.containsKey("message")) {
            String own = Texts.problem(lang, code);
            if (own != null) out.put("message", own);
            return out;
        }
        return item;
    }

    static Map<String, Object> body(int status, String code, String detail, String instance, List<?> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://adal.kz/problems/" + code.toLowerCase().replace('_', '-'));
        body.put("title", Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        if (errors != null && !errors.isEmpty()) body.put("errors", errors);
        return body;
    }

    private Response respond(int status, String code, String english, UriInfo uri, List<?> errors, Object... args) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(body(status, code, detail(code, english, args, false), uri == null ? null : uri.getPath(),
                        localized(errors, lang()))).build();
    }

    @ServerExceptionMapper
    public Response problem(Problem p, UriInfo uri) {
        LOG.debugf("%s %s: %s", p.status(), p.code(), p.getMessage());
        Response r = Response.status(p.status()).type(PROBLEM_JSON).entity(p.body(uri == null ? null : uri.getPath(),
                detail(p.code(), p.getMessage(), p.args(), p.isWorded()), localized(p.errors(), lang()))).build();
        if (p instanceof TooManyRequests tmr) {
            return Response.fromResponse(r).header("Retry-After", tmr.retryAfterSeconds()).build();
        }
        return r;
    }

    /**
     * A field that breaks its Bean Validation constraint: the field (its property path without list positions,
     * {@code options.text}), a stable code for the kind of rule and a sentence in the caller's language that names
     * the field as a person reads it ({@code field.NAME} in the catalogue). kk and ru readers get the catalogue's
     * {@code problem.FIELD_*} sentence; English readers the field's name and the constraint's own message, which
     * says the rule. A constraint whose message is <code>{problem.CODE}</code> has a sentence of its own in the
     * catalogue (a rule that needs its numbers said, such as exactly five options), in every language.
     */
    public record FieldProblem(String field, String code, String message) {
        private static final java.util.regex.Pattern OWN_SENTENCE = java.util.regex.Pattern.compile("\\{problem\\.([A-Z][A-Z0-9_]*)}");

        public static FieldProblem of(ConstraintViolation<?> v, String lang) {
            String field = field(v.getPropertyPath());
            String code = code(v);
            return new FieldProblem(field, code, sentence(v, field, code, lang));
        }

        static String code(ConstraintViolation<?> v) {
            return switch (v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
                case "NotNull", "NotBlank", "NotEmpty" -> "FIELD_REQUIRED";
                case "Size", "Length" -> "FIELD_LENGTH";
                case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero", "Range" -> "FIELD_RANGE";
                case "Pattern", "Email" -> "FIELD_FORMAT";
                default -> "FIELD_INVALID";
            };
        }

        /** {@code options[2].text} → {@code options.text}; a set's element ({@code topics[].<iterable element>}) → {@code topics}. */
        static String field(jakarta.validation.Path path) {
            StringBuilder out = new StringBuilder();
            String last = "";
            for (jakarta.validation.Path.Node n : path) {
                if (n.getName() != null) last = n.getName();
                if (n.getKind() != jakarta.validation.ElementKind.PROPERTY || n.getName() == null) continue;
                if (!out.isEmpty()) out.append('.');
                out.append(n.getName());
            }
            return out.isEmpty() ? last : out.toString();   // a method's parameter: its own name
        }

        private static String sentence(ConstraintViolation<?> v, String field, String code, String lang) {
            java.util.regex.Matcher own = OWN_SENTENCE.matcher(v.getMessageTemplate());
            if (own.matches()) {
                String s = Texts.problem(lang, own.group(1));
                if (s != null) return s;
            }
            String name = Texts.field(lang, field);
            String catalogue = "en".equals(lang) ? null : Texts.problem(lang, code, name);
            if (catalogue != null) return catalogue;
            return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + v.getMessage();
        }
    }

    /** Bean Validation: 400 INVALID_REQUEST whose detail names the bad fields, one {@link FieldProblem} each. */
    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        String lang = lang();
        List<FieldProblem> errors = e.getConstraintViolations().stream().map(v -> FieldProblem.of(v, lang))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        String english = String.join(", ", errors.stream().map(f -> Texts.field("en", f.field())).distinct().toList());
        String fields = String.join(", ", errors.stream().map(f -> Texts.field(lang, f.field())).distinct().toList());
        return Response.status(400).type(PROBLEM_JSON).entity(body(400, "INVALID_REQUEST",
                detail("INVALID_REQUEST", "The request has invalid fields: " + english, new Object[]{fields}, false),
                uri == null ? null : uri.getPath(), errors)).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(400, "MALFORMED_JSON", "The request body is not valid JSON for this endpoint", uri, List.of());
    }

    /**
     * A value of the wrong type in a field ({@code "roles": "X"} for a list): Jackson's own mapper
     * answered these with a JSON body of its own, not problem details.
     */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return respond(400, "MALFORMED_JSON", field == null ? "The request body does not have the expected shape"
                : "The field '" + field + "' has a value of the wrong type", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "UNAUTHENTICATED", "Log in first", uri, List.of());
    }

    @ServerExceptionMapper
    public Response authFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "UNAUTHENTICATED", "Your session has ended; log in again", uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "FORBIDDEN", "Your role does not allow this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException) return json((JsonProcessingException) c, uri);
        }
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "TOO_LARGE";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
        if (status >= 500) LOG.error("Request failed", e);
        String detail = status >= 500 ? "Something went wrong on our side; nothing you saved was lost" : e.getMessage();
        return respond(status, code, detail, uri, List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (isClientDisconnect(e)) {
            // a torn upload (the browser went offline or closed the tab mid-body) is ordinary: the
            // client retries it; nobody reads this response
            LOG.debugf("client disconnected during %s: %s", uri == null ? "a request" : uri.getPath(), e);
            return respond(400, "CLIENT_DISCONNECTED", "The connection closed before the request was complete", uri, List.of());
        }
        LOG.error("Unexpected failure", e);
        return respond(500, "INTERNAL", "Something went wrong on our side; nothing you saved was lost", uri, List.of());
    }

    /** The client went away mid-request (its connection closed while the body was being read). */
    static boolean isClientDisconnect(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.nio.channels.ClosedChannelException) return true;
            String m = c.getMessage();
            if ((c instanceof java.io.IOException || c.getClass().getName().startsWith("io.vertx")) && m != null && (m.contains("Connection reset") || m.contains("Connection was closed"))) return true;
        }
        return false;
    }
}
