package kz.adal.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.platform.ProductionSecretsCheck;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.Optional;

/**
 * Single sign-on switched on but not set up, or set up over plain HTTP, stops a real server at start: a
 * provider reached without TLS could be impersonated and would sign anyone in. Demo and tests may use a local
 * provider over HTTP.
 */
@ApplicationScoped
class SsoStartupCheck {
    void onStart(@Observes StartupEvent ev, SsoConfig config) {
        refusal(config.enabled(), config.issuer(), config.clientId(), config.clientSecret(),
                ProductionSecretsCheck.demoMode(ConfigProvider.getConfig()))
                .ifPresent(reason -> { throw ProductionSecretsCheck.refuse(reason); });
    }

    static Optional<String> refusal(boolean enabled, Optional<String> issuer, Optional<String> clientId,
                                    Optional<String> secret, boolean demo) {
        if (!enabled) return Optional.empty();
        if (issuer.isEmpty() || issuer.get().isBlank()) return Optional.of("adal.sso.enabled=true without adal.sso.issuer");
        if (clientId.isEmpty() || clientId.get().isBlank()) return Optional.of("adal.sso.enabled=true without adal.sso.client-id");
        if (secret.isEmpty() || secret.get().isBlank()) return Optional.of("adal.sso.enabled=true without a client secret (ADAL_SSO_CLIENT_SECRET)");
        URI u;
        try {
            u = URI.create(issuer.get());
        } catch (IllegalArgumentException e) {
            return Optional.of("adal.sso.issuer is not an address: " + issuer.get());
        }
        if (!demo && !"https".equalsIgnoreCase(u.getScheme())) {
            return Optional.of("adal.sso.issuer must be https outside demo mode: " + issuer.get());
        }
        return Optional.empty();
    }
}
