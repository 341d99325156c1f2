package kz.adal.identity;

import jakarta.ws.rs.core.NewCookie;

import java.util.Locale;

/**
 * The refresh token's cookie: HttpOnly, SameSite=Strict, limited to /api/auth, and {@code Secure} whenever the
 * page is not plain http on this machine — a real server is reached over HTTPS (camera and screen capture
 * need a secure context anyway), so the cookie must never travel in clear; only a local demo on
 * http://localhost goes without it.
 */
final class RefreshCookie {
    static final String NAME = "adal_refresh";

    private RefreshCookie() {}

    /** Secure unless this is http on a loopback host (localhost, 127.x.x.x, ::1). */
    static boolean secure(String scheme, String host) {
        if ("https".equalsIgnoreCase(scheme)) return true;
        return !isLoopback(host);
    }

    static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1");
    }

    static NewCookie of(String value, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/api/auth").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }
}
