package kz.adal.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshCookieTest {
    @Test
    void secureEverywhereButPlainHttpOnThisMachine() {
        assertTrue(RefreshCookie.secure("https", "exam.example.edu"));
        assertTrue(RefreshCookie.secure("http", "exam.example.edu"));
        assertTrue(RefreshCookie.secure("http", "10.0.0.5"));
        assertTrue(RefreshCookie.secure("https", "localhost"));
        assertFalse(RefreshCookie.secure("http", "localhost"));
        assertFalse(RefreshCookie.secure("http", "127.0.0.1"));
        assertFalse(RefreshCookie.secure("http", "[::1]"));
        assertTrue(RefreshCookie.secure("http", null));
        assertTrue(RefreshCookie.secure("http", "localhost.example.edu"));
    }
}
