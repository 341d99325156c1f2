package kz.adal.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts who and what a request is about into the log context (MDC): {@code userId} (the token's subject) and
 * {@code attemptId} (from any {@code /attempts/{id}} in the path). The JSON log format ({@code ADAL_LOG_JSON=true})
 * writes them as fields, so one student's attempt can be followed across nodes in the log store.
 */
public class LogContext {
    private static final Pattern ATTEMPT = Pattern.compile("/attempts/([0-9a-fA-F-]{36})(?:/|$)");

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        var principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (principal instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null) {
            MDC.put("userId", jwt.getSubject());
        } else if (principal != null) {
            MDC.put("userId", principal.getName());
        }
        Matcher m = ATTEMPT.matcher(request.getUriInfo().getPath());
        if (m.find()) MDC.put("attemptId", m.group(1));
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove("userId");
        MDC.remove("attemptId");
    }

    /** The attempt id named by a request path, if any (tests). */
    static String attemptOf(String path) {
        Matcher m = ATTEMPT.matcher(path);
        return m.find() ? m.group(1) : null;
    }
}
