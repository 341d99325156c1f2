package kz.adal.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static kz.adal.identity.UserSession.Presented.CURRENT;
import static kz.adal.identity.UserSession.Presented.PREVIOUS_IN_GRACE;
import static kz.adal.identity.UserSession.Presented.REUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rotation rule on its own: a lost refresh response is recoverable once, real reuse is not. */
class RefreshGraceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(60);

    private static UserSession rotatedOnce() {
        UserSession s = new UserSession();
        s.refreshHash = "h1";
        s.rotate("h2", CURRENT, T0);
        return s;
    }

    @Test
    void theCurrentTokenRotates() {
        assertEquals(CURRENT, rotatedOnce().check("h2", T0.plusSeconds(5), GRACE));
    }

    @Test
    void theTokenJustRotatedOutMayBePresentedOnceMoreWithinTheGrace() {
        UserSession s = rotatedOnce();
        assertEquals(PREVIOUS_IN_GRACE, s.check("h1", T0.plusSeconds(59), GRACE));
        s.rotate("h3", PREVIOUS_IN_GRACE, T0.plusSeconds(59));
        assertEquals(REUSED, s.check("h1", T0.plusSeconds(60), GRACE), "only once");
        assertEquals(REUSED, s.check("h2", T0.plusSeconds(60), GRACE), "the successor that was lost is gone");
        assertEquals(CURRENT, s.check("h3", T0.plusSeconds(60), GRACE));
    }

    @Test
    void theTokenRotatedOutIsAReuseAfterTheGrace() {
        assertEquals(REUSED, rotatedOnce().check("h1", T0.plusSeconds(61), GRACE));
    }

    @Test
    void anOlderTokenIsAlwaysAReuse() {
        UserSession s = rotatedOnce();
        s.rotate("h3", CURRENT, T0.plusSeconds(1));
        assertEquals(REUSED, s.check("h1", T0.plusSeconds(2), GRACE));
        assertEquals(PREVIOUS_IN_GRACE, s.check("h2", T0.plusSeconds(2), GRACE));
    }
}
