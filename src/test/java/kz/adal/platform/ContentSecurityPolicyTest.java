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

    @Test
    void directUploadsAddTheObjectStoresOriginToConnectSrcOnly() {
        Optional<String> minio = ContentSecurityPolicy.objectStoreOrigin(Optional.of("https://Media.Example.edu/"), "us-east-1", "adal-recordings", true);
        assertEquals(Optional.of("https://media.example.edu"), minio);
        String csp = ContentSecurityPolicy.header(Optional.empty(), minio);
        assertTrue(csp.contains("connect-src 'self' https://media.example.edu;"), csp);
        assertTrue(csp.contains("script-src 'self';") && csp.contains("img-src 'self' data: blob:;"), csp);
        // AWS itself, virtual-hosted: the bucket is in the host name
        assertEquals(Optional.of("https://adal-recordings.s3.eu-central-1.amazonaws.com"),
                ContentSecurityPolicy.objectStoreOrigin(Optional.empty(), "eu-central-1", "adal-recordings", false));
        assertEquals(Optional.of("http://127.0.0.1:9000"), ContentSecurityPolicy.objectStoreOrigin(Optional.of("http://127.0.0.1:9000"), "us-east-1", "b-1", true));
        // nothing pasted into the header that is not a plain origin
        assertEquals(Optional.empty(), ContentSecurityPolicy.objectStoreOrigin(Optional.of("javascript:alert(1)"), "us-east-1", "b-1", true));
        assertEquals(Optional.empty(), ContentSecurityPolicy.objectStoreOrigin(Optional.of("https://x y"), "us-east-1", "b-1", true));
    }
}
