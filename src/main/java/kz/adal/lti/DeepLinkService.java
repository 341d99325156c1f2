package kz.adal.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.CurrentUser;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deep Linking 2.0: the instructor who asked (from Moodle's "Select content") picks one of the exams they set, and Adal
 * answers with a signed LtiDeepLinkingResponse holding one ltiResourceLink: the exam in a custom parameter and a line
 * item, so Moodle makes the gradebook column scores go to.
 */
@ApplicationScoped
public class DeepLinkService {
    private final ToolKeys keys;
    private final ExamCatalog exams;
    private final CurrentUser me;
    private final AuditTrail audit;
    private final TimeSource time;

    DeepLinkService(ToolKeys keys, ExamCatalog exams, CurrentUser me, AuditTrail audit, TimeSource time) {
        this.keys = keys;
        this.exams = exams;
        this.me = me;
        this.audit = audit;
        this.time = time;
    }

    public record ExamChoice(UUID id, String title) {}

    public record Request(UUID id, String platform, List<ExamChoice> exams) {}

    /** Where the browser goes to post the signed answer to the platform (a one-time page). */
    public record Answer(String handoff) {}

    /** The page's content: the platform's return URL and the signed response. */
    public record Handoff(String returnUrl, String jwt) {}

    @Transactional
    public Request request(UUID id) {
        LtiDeepLink d = open(id);
        LtiPlatform p = LtiPlatform.findById(d.platformId);
        return new Request(d.id, p.name, exams.setBy(d.userId).stream().map(e -> new ExamChoice(e.id(), e.title())).toList());
    }

    @Transactional
    public Answer answer(UUID id, UUID examId) {
        LtiDeepLink d = open(id);
        ExamCatalog.ExamRecord exam = exams.setBy(d.userId).stream().filter(e -> e.id().equals(examId)).findFirst()
                .orElseThrow(() -> new Problem(404, "LTI_EXAM_UNKNOWN", "Pick one of the exams you set"));
        LtiPlatform p = LtiPlatform.findById(d.platformId);
        Instant now = time.now();
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", 100);
        lineItem.put("label", exam.title());
        lineItem.put("resourceId", exam.id().toString());
        lineItem.put("tag", "adal");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", exam.title());
        item.put("custom", Map.of(LtiClaims.CUSTOM_EXAM, exam.id().toString()));
        item.put("lineItem", lineItem);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(p.clientId).audience(p.issuer).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.DEPLOYMENT_ID, d.deploymentId)
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DL_CONTENT_ITEMS, List.of(item));
        if (d.data != null) claims.claim(LtiClaims.DL_DATA, d.data);
        d.responseJwt = keys.sign(claims.build());
        d.usedAt = now;
        d.handoffCode = UUID.randomUUID().toString() + UUID.randomUUID();
        audit.record(Change.of("lti.deep-link", "exam", exam.id()).scope(exam.id()).detail(Map.of("platform", p.name)));
        return new Answer("/api/lti/handoff/" + d.handoffCode);
    }

    /** The signed answer, once: the code is spent by reading it. */
    @Transactional
    public Handoff handoff(String code) {
        LtiDeepLink d = code == null ? null : LtiDeepLink.<LtiDeepLink>find("handoffCode", code).firstResult();
        if (d == null || d.responseJwt == null) {
            throw new Problem(410, "LTI_DEEP_LINK_EXPIRED", "This request has been answered or has expired; choose the content again in the course");
        }
        Handoff h = new Handoff(d.returnUrl, d.responseJwt);
        d.handoffCode = null;
        d.responseJwt = null;
        return h;
    }

    private LtiDeepLink open(UUID id) {
        LtiDeepLink d = id == null ? null : LtiDeepLink.findById(id);
        if (d == null || !d.userId.equals(me.id())) throw Problem.notFound("Deep-linking request");
        if (d.usedAt != null || !time.now().isBefore(d.expiresAt)) {
            throw new Problem(410, "LTI_DEEP_LINK_EXPIRED", "This request has been answered or has expired; choose the content again in the course");
        }
        return d;
    }
}
