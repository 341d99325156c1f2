package kz.adal.attempt;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import kz.adal.exam.seb.SafeExamBrowser;
import kz.adal.identity.Role;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exam that requires Safe Exam Browser is started and sat only from SEB: the start and every request of
 * its attempt (the paper, answers, images, materials, hand-in) carry SEB's key headers, checked by
 * {@link SafeExamBrowser}. Left open on purpose: the result and the answer receipt (read after SEB has
 * quit) and the recording's uploads (evidence is never refused; docs/lms.md).
 */
@ApplicationScoped
class SebGate {
    private static final String UUID_RE = "([0-9a-fA-F-]{36})";
    private static final Pattern OPEN = Pattern.compile("/api/exams/" + UUID_RE + "/attempt");
    private static final Pattern ATTEMPT = Pattern.compile("/api/attempts/" + UUID_RE
            + "(/start|/paper|/answers/\\d+|/submit|/questions/\\d+/image|/materials/[^/]+)?");
    private final SafeExamBrowser seb;
    /** attempt → exam never changes: asked once per attempt and node. */
    private final Map<UUID, UUID> examOf = new ConcurrentHashMap<>();

    SebGate(SafeExamBrowser seb) {
        this.seb = seb;
    }

    @ServerRequestFilter
    void check(ContainerRequestContext request) {
        // the student's own requests; staff reading an attempt are not sitting it
        if (request.getSecurityContext() == null || !request.getSecurityContext().isUserInRole(Role.Names.STUDENT)) return;
        String path = request.getUriInfo().getPath();
        UUID examId = null;
        Matcher m = OPEN.matcher(path);
        if (m.matches()) {
            examId = uuid(m.group(1));
        } else if ((m = ATTEMPT.matcher(path)).matches()) {
            UUID attemptId = uuid(m.group(1));
            if (attemptId != null) examId = examOf.computeIfAbsent(attemptId, this::examOf);
        }
        if (examId == null) return;
        seb.requireSeb(examId, request.getUriInfo().getRequestUri(), SafeExamBrowser.base(request.getUriInfo().getBaseUri()),
                SafeExamBrowser.Keys.from(request::getHeaderString));
    }

    private UUID examOf(UUID attemptId) {
        Attempt a = QuarkusTransaction.joiningExisting().call(() -> Attempt.<Attempt>findById(attemptId));
        return a == null ? null : a.examId;
    }

    /** A finished attempt sends no more requests that need the mapping. */
    void onFinished(@jakarta.enterprise.event.Observes AttemptEvents.AttemptFinished e) {
        examOf.remove(e.attemptId());
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
