package kz.adal.platform;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentSecurityPolicyTest {
    @Test
    void withoutJitsiNothingButThisOriginIsAllowed() {
        String csp = ContentSecurityPolicy.header(Optional.empty());
        assertTrue(csp.startsWith("default-src 'self'; script-src 'self'; style-src 'self'; "), csp);
        assertTrue(csp.contains("img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self';"), csp);
        assertTrue(csp.endsWith("frame-src 'none'"), csp);
        assertFalse(csp.contains("https:"), csp);
        assertEquals("camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()",
                ContentSecurityPolicy.permissionsPolicy(Optional.empty()));
    }

    @Test
    void theConfiguredJitsiServerMayFrameTheRoomAndLoadItsScript() {
        String csp = ContentSecurityPolicy.header(Optional.of("meet.example.edu"));
        assertTrue(csp.contains("script-src 'self' https://meet.example.edu;"), csp);
        assertTrue(csp.endsWith("frame-src https://meet.example.edu"), csp);
        assertTrue(ContentSecurityPolicy.permissionsPolicy(Optional.of("meet.example.edu")).startsWith("camera=(self \"https://meet.example.edu\")"));
    }

    @Test
    void aMalformedDomainAddsNothing() {
        for (String bad : new String[]{"", "  ", "meet.example.edu; script-src *", "*.example.edu", "http://x y"}) {
            assertEquals(ContentSecurityPolicy.header(Optional.empty()), ContentSecurityPolicy.header(Optional.of(bad)), bad);
        }
        assertEquals(Optional.of("https://meet.example.edu:8443"), ContentSecurityPolicy.jitsiOrigin(Optional.of("https://Meet.Example.edu:8443/")));
    }
}
