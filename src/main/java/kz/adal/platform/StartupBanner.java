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
        String db = cfg.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("");
        if (db.startsWith("jdbc:h2:file:")) {
            // say which durability the embedded database gives (docs/reliability.md)
            if (db.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=0")) {
                LOG.warn("Embedded H2 database: each commit is written before the answer is acknowledged, so a killed process "
                        + "loses nothing; a power failure may. Run real exams on PostgreSQL (docs/reliability.md).");
            } else {
                LOG.error("Embedded H2 database WITHOUT WRITE_DELAY=0: answers acknowledged in the last 0.5 s are lost if the "
                        + "process is killed. Add WRITE_DELAY=0 to ADAL_DB_URL, or run on PostgreSQL (docs/reliability.md).");
            }
        }
        LOG.infof("%n%n  Adal is running: http://localhost:%d/%n", port);
    }
}
