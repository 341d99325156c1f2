package kz.adal.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The server's clock: every rule takes its "now" from here, never from the browser.
 * Tests move it forward with {@link #advance(Duration)} (the offset is zero in production).
 */
@ApplicationScoped
public class TimeSource {
    /**
     * Dates (deadlines in days, holidays) are read in the institution's zone: the configuration's {@code adal.zone}
     * (application.properties, {@code ADAL_ZONE}), Asia/Almaty by default. The pages read the same value from
     * {@code GET /api/public/settings}. Read once, when the class is first used.
     */
    public static final ZoneId ZONE = ZoneId.of(configuredZone());

    private static String configuredZone() {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("adal.zone", String.class)
                    .filter(z -> !z.isBlank()).orElse("Asia/Almaty");
        } catch (RuntimeException e) {
            // no configuration (a plain unit test without one): the system property, else the default
            return System.getProperty("adal.zone", "Asia/Almaty");
        }
    }

    private final Clock base = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    public Instant now() { return base.instant().plus(offset); }

    public LocalDate today() { return LocalDate.ofInstant(now(), ZONE); }

    public Clock clock() { return Clock.offset(base, offset); }

    /** For tests only: shift the server's time forward (for example past an exam deadline). */
    public void advance(Duration by) { offset = offset.plus(by); }

    public void reset() { offset = Duration.ZERO; }
}
