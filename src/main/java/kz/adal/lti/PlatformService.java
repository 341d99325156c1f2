package kz.adal.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin's registrations of platforms, and the addresses of Adal a platform's administrator copies. */
@ApplicationScoped
public class PlatformService {
    private final AuditTrail audit;
    private final TimeSource time;
    private final ToolKeys keys;

    PlatformService(AuditTrail audit, TimeSource time, ToolKeys keys) {
        this.audit = audit;
        this.time = time;
        this.keys = keys;
    }

    public record PlatformRequest(String name, String issuer, String clientId, List<String> deploymentIds, String authEndpoint,
                                  String tokenEndpoint, String jwksUrl) {}

    public record PlatformView(UUID id, String name, String issuer, String clientId, List<String> deploymentIds,
                               String authEndpoint, String tokenEndpoint, String jwksUrl, Instant createdAt) {
        static PlatformView of(LtiPlatform p) {
            return new PlatformView(p.id, p.name, p.issuer, p.clientId, p.deployments(), p.authEndpoint, p.tokenEndpoint, p.jwksUrl,
                    p.createdAt);
        }
    }

    /** What the platform's administrator enters on their side (Moodle: "Configure a tool manually"). */
    public record ToolUrls(String toolUrl, String jwksUrl, String loginUrl, String redirectUrl, String deepLinkingUrl,
                           boolean keyConfigured) {
        static ToolUrls of(String base, boolean keyConfigured) {
            String launch = base + "/api/lti/launch";
            return new ToolUrls(launch, base + "/api/lti/jwks", base + "/api/lti/login", launch, launch, keyConfigured);
        }
    }

    public record Overview(ToolUrls tool, List<PlatformView> platforms) {}

    @Transactional
    public Overview overview(String base) {
        boolean configured;
        try {
            keys.key();
            configured = true;
        } catch (Problem e) {
            configured = false;
        }
        return new Overview(ToolUrls.of(base, configured),
                LtiPlatform.<LtiPlatform>listAll().stream().map(PlatformView::of).toList());
    }

    @Transactional
    public PlatformView create(PlatformRequest r) {
        LtiPlatform p = new LtiPlatform();
        p.id = UUID.randomUUID();
        p.createdAt = time.now();
        fill(p, r);
        if (LtiPlatform.count("issuer = ?1 and clientId = ?2", p.issuer, p.clientId) > 0) {
            throw Problem.conflict("LTI_PLATFORM_EXISTS", "This platform and client id are already registered");
        }
        p.persist();
        audit.record(Change.of("lti.platform.created", "lti-platform", p.id).after(PlatformView.of(p)));
        return PlatformView.of(p);
    }

    @Transactional
    public PlatformView update(UUID id, PlatformRequest r) {
        LtiPlatform p = LtiPlatform.findById(id);
        if (p == null) throw Problem.notFound("Platform");
        PlatformView before = PlatformView.of(p);
        fill(p, r);
        if (LtiPlatform.count("issuer = ?1 and clientId = ?2 and id <> ?3", p.issuer, p.clientId, p.id) > 0) {
            throw Problem.conflict("LTI_PLATFORM_EXISTS", "This platform and client id are already registered");
        }
        audit.record(Change.of("lti.platform.updated", "lti-platform", p.id).before(before).after(PlatformView.of(p)));
        return PlatformView.of(p);
    }

    private static void fill(LtiPlatform p, PlatformRequest r) {
        if (r == null) r = new PlatformRequest(null, null, null, null, null, null, null);
        List<Map<String, String>> errors = new ArrayList<>();
        p.name = required(r.name(), "name", 200, errors);
        p.issuer = url(r.issuer(), "issuer", errors);
        p.clientId = required(r.clientId(), "clientId", 300, errors);
        List<String> deployments = r.deploymentIds() == null ? List.of()
                : r.deploymentIds().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList();
        if (deployments.isEmpty() || deployments.stream().anyMatch(d -> d.length() > 255 || d.contains("\n"))) {
            errors.add(Map.of("field", "deploymentIds", "code", "LTI_PLATFORM_INVALID", "message", "Give at least one deployment id"));
        }
        p.deploymentIds = String.join("\n", deployments);
        p.authEndpoint = url(r.authEndpoint(), "authEndpoint", errors);
        p.tokenEndpoint = url(r.tokenEndpoint(), "tokenEndpoint", errors);
        p.jwksUrl = url(r.jwksUrl(), "jwksUrl", errors);
        if (!errors.isEmpty()) {
            throw Problem.unprocessable("LTI_PLATFORM_INVALID", "Check the platform's details", errors);
        }
    }

    private static String required(String v, String field, int max, List<Map<String, String>> errors) {
        if (v == null || v.isBlank() || v.strip().length() > max) {
            errors.add(Map.of("field", field, "code", "LTI_PLATFORM_INVALID", "message", "Required, at most " + max + " characters"));
            return v;
        }
        return v.strip();
    }

    /**
     * An http(s) address. Plain http is accepted for a platform on this machine or a test network only through the
     * admin's own choice; a university's Moodle is https.
     */
    private static String url(String v, String field, List<Map<String, String>> errors) {
        String s = v == null ? "" : v.strip();
        try {
            URI u = new URI(s);
            if (s.length() <= 1000 && u.getHost() != null && u.getRawUserInfo() == null
                    && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                return s;
            }
        } catch (Exception e) {
            // reported below
        }
        errors.add(Map.of("field", field, "code", "LTI_PLATFORM_INVALID", "message", "An http(s) address"));
        return s;
    }
}
