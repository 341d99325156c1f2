package kz.adal.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser-side rules of what a page may load and use. Everything is served from this origin
 * ({@code default-src 'self'}); the only exceptions are what recording and the rooms need: {@code blob:}
 * media (recorded chunks played back), {@code data:}/{@code blob:} images (camera snapshots), WebSockets to
 * this origin (CSP Level 3 {@code 'self'} covers ws:/wss: of the same host), and the configured Jitsi Meet
 * server's script and frame for the oral room. No inline script or style is allowed: pages set styles
 * through the CSSOM ({@code el.style}), which a policy does not govern.
 */
public final class ContentSecurityPolicy {
    // a host name with an optional port: no scheme, path, wildcard or spaces (it is pasted into a header)
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

    private ContentSecurityPolicy() {}

    /** The Jitsi Meet origin for a configured domain ({@code meet.example.edu}), or empty when none or malformed. */
    public static Optional<String> jitsiOrigin(Optional<String> domain) {
        return domain.map(d -> d.strip().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith("https://") ? d.substring("https://".length()) : d)
                .map(d -> d.endsWith("/") ? d.substring(0, d.length() - 1) : d)
                .filter(d -> HOST.matcher(d).matches())
                .map(d -> "https://" + d);
    }

    public static String header(Optional<String> jitsiDomain) {
        return header(jitsiDomain, Optional.empty());
    }

    /**
     * The origin (scheme, host, port) of the object store browsers upload recording chunks to, when direct uploads
     * are on: the store's browser address (or its endpoint; AWS itself when neither), with the bucket in the host
     * name unless path-style. Empty when the address is not a plain http(s) URL.
     */
    public static Optional<String> objectStoreOrigin(Optional<String> endpoint, String region, String bucket, boolean pathStyle) {
        String address = endpoint.map(String::strip).filter(e -> !e.isEmpty()).orElse("https://s3." + region + ".amazonaws.com");
        try {
            java.net.URI u = java.net.URI.create(address);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) return Optional.empty();
            if (!pathStyle) host = bucket.toLowerCase(Locale.ROOT) + "." + host;
            String hostPort = host + (u.getPort() > 0 ? ":" + u.getPort() : "");
            return HOST.matcher(hostPort).matches() ? Optional.of(scheme + "://" + hostPort) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As {@link #header(Optional)}, and the object store's origin in {@code connect-src} when chunks go there directly. */
    public static String header(Optional<String> jitsiDomain, Optional<String> objectStoreOrigin) {
        Optional<String> jitsi = jitsiOrigin(jitsiDomain);
        String extraScript = jitsi.map(j -> " " + j).orElse("");
        StringBuilder csp = new StringBuilder()
                .append("default-src 'self'; ")
                .append("script-src 'self'").append(extraScript).append("; ")
                .append("style-src 'self'; ")
                .append("img-src 'self' data: blob:; ")
                .append("media-src 'self' blob:; ")
                .append("connect-src 'self'").append(objectStoreOrigin.map(o -> " " + o).orElse("")).append("; ")
                .append("font-src 'self'; ")
                .append("worker-src 'self'; ")
                .append("object-src 'none'; ")
                .append("base-uri 'self'; ")
                .append("form-action 'self'; ")
                .append("frame-ancestors 'self'; ")
                .append("frame-src ").append(jitsi.orElse("'none'"));
        return csp.toString();
    }

    /** Camera, microphone and screen capture for this origin only (and the Jitsi frame when configured). */
    public static String permissionsPolicy(Optional<String> jitsiDomain) {
        String allow = jitsiOrigin(jitsiDomain).map(j -> "(self \"" + j + "\")").orElse("(self)");
        return "camera=" + allow + ", microphone=" + allow + ", display-capture=" + allow
                + ", geolocation=(), payment=(), usb=()";
    }
}
