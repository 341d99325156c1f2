package kz.adal.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Puts the Content-Security-Policy and Permissions-Policy on every response of the public port: pages,
 * scripts, the API and its errors (the fixed headers — nosniff, Referrer-Policy, X-Frame-Options — are in
 * application.properties). Computed once at start from the configured Jitsi domain and, with direct recording
 * uploads, the object store's origin.
 */
@ApplicationScoped
public class SecurityHeaders {
    void register(@Observes Filters filters, @ConfigProperty(name = "adal.oral.jitsi.domain") Optional<String> jitsiDomain,
                  @ConfigProperty(name = "adal.media.storage", defaultValue = "local") String storage,
                  @ConfigProperty(name = "adal.media.direct-upload.enabled", defaultValue = "false") boolean directUpload,
                  @ConfigProperty(name = "adal.media.s3.browser-endpoint") Optional<String> browserEndpoint,
                  @ConfigProperty(name = "adal.media.s3.endpoint") Optional<String> endpoint,
                  @ConfigProperty(name = "adal.media.s3.region", defaultValue = "us-east-1") String region,
                  @ConfigProperty(name = "adal.media.s3.bucket") Optional<String> bucket,
                  @ConfigProperty(name = "adal.media.s3.path-style", defaultValue = "true") boolean pathStyle) {
        // recording chunks go straight to the object store only when direct uploads are on (docs/media.md)
        Optional<String> store = directUpload && "s3".equals(storage) && bucket.isPresent()
                ? ContentSecurityPolicy.objectStoreOrigin(browserEndpoint.filter(e -> !e.isBlank()).or(() -> endpoint), region, bucket.get(), pathStyle)
                : Optional.empty();
        String csp = ContentSecurityPolicy.header(jitsiDomain, store);
        String permissions = ContentSecurityPolicy.permissionsPolicy(jitsiDomain);
        // the one page that hands a signed LTI message back to the LMS posts a form to the LMS's address (kz.adal.lti)
        String handoff = csp.replace("form-action 'self'", "form-action 'self' https: http:");
        filters.register(rc -> {
            String path = rc.normalizedPath();
            rc.response().headers().set("Content-Security-Policy", path != null && path.startsWith("/api/lti/handoff/") ? handoff : csp)
                    .set("Permissions-Policy", permissions);
            rc.next();
        }, 10);
    }
}
