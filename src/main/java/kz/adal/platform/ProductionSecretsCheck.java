package kz.adal.platform;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Stops a real server from starting with the secrets of the demo (see {@link ProductionSecrets}). Demo mode is
 * {@code adal.demo.enabled=true} ({@code bin/demo}, the two-node test harness) or the test/dev profile.
 * <p>
 * The check runs at the first point application code runs during start-up — when Flyway is configured, before it
 * touches the database and before the HTTP server or any job starts — and again at the start-up event in case
 * migration at start is switched off.
 */
@ApplicationScoped
public class ProductionSecretsCheck implements FlywayConfigurationCustomizer {
    private static final Logger LOG = Logger.getLogger(ProductionSecretsCheck.class);

    @Override
    public void customize(FluentConfiguration flyway) {
        check();
    }

    void onStart(@Observes @Priority(1) StartupEvent ev) {
        check();
    }

    static void check() {
        Config cfg = ConfigProvider.getConfig();
        var given = new ProductionSecrets.Given(demoMode(cfg),
                cfg.getOptionalValue("smallrye.jwt.sign.key.location", String.class).orElse(""),
                cfg.getOptionalValue("mp.jwt.verify.publickey.location", String.class).orElse(""),
                cfg.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        ProductionSecrets.refusal(given).ifPresent(reason -> {
            String line = "Adal refuses to start: " + reason;
            LOG.error(line);
            throw new RefusedToStart(line);
        });
    }

    public static boolean demoMode(Config cfg) {
        if (cfg.getOptionalValue("adal.demo.enabled", Boolean.class).orElse(false)) return true;
        if (LaunchMode.current() != LaunchMode.NORMAL) return true;
        List<String> profiles = ConfigUtils.getProfiles();
        return profiles.contains("test") || profiles.contains("dev");
    }

    /** Stops the start with one line, as the secrets check does (other features' settings that must not be left open). */
    public static RuntimeException refuse(String reason) {
        String line = "Adal refuses to start: " + reason;
        LOG.error(line);
        return new RefusedToStart(line);
    }

    /** The one-line reason, without a stack of its own: nothing in it an operator needs. */
    static final class RefusedToStart extends RuntimeException {
        RefusedToStart(String message) {
            super(message, null, false, false);
        }
    }
}
