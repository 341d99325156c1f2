package kz.adal.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Prints where to open the app (the demo logins follow from the identity feature). */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void announce(@Observes @Priority(10_000) StartupEvent ev) {
        var cfg = ConfigProvider.getConfig();
        int port = cfg.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        if (cfg.getOptionalValue("smallrye.jwt.sign.key.location", String.class).orElse("").contains("demo-private")) {
            LOG.warn("Demo mode: tokens are signed with the DEMO key shipped in the source. Outside demo mode the server refuses it: set ADAL_JWT_PRIVATE_KEY and ADAL_JWT_PUBLIC_KEY (docs/security.md).");
        }
        LOG.infof("%n%n  Adal is running: http://localhost:%d/%n", port);
    }
}
