package kz.adal.exam.seb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Safe Exam Browser's "SEB-JSON" and the Config Key computed from it, as SEB's developer documentation
 * ("Config Key", safeexambrowser.org/developer/seb-config-key.html) defines them, so that the key Adal
 * computes for the .seb file it hands out is the key SEB computes when it opens that file:
 * <ul>
 * <li>the root's {@code originatorVersion} is left out (metadata of the saving SEB version);</li>
 * <li>dictionaries, also inside arrays, are written with their keys in case-insensitive, culture-invariant
 *     order; empty dictionaries are left out;</li>
 * <li>no white space and <em>no character escaping</em> (a backslash in a URL filter stays one backslash;
 *     strings are UTF-8 as they are);</li>
 * <li>{@code <data>} as Base64, {@code <date>} as ISO 8601;</li>
 * <li>the key is the SHA-256 of the UTF-8 string, Base16 in lower case.</li>
 * </ul>
 * Values are the plist's: {@link Map} (dict), {@link List} (array), String, Boolean, Long/Integer
 * (integer), Double (real), byte[] (data), Instant (date).
 */
final class SebJson {
    private SebJson() {
    }

    static String of(Map<String, ?> settings) {
        StringBuilder out = new StringBuilder();
        dict(out, settings, true);
        return out.toString();
    }

    static String configKey(Map<String, ?> settings) {
        return sha256(of(settings));
    }

    /** What SEB sends in X-SafeExamBrowser-ConfigKeyHash (or RequestHash for a Browser Exam Key): SHA-256 of the URL followed by the key. */
    static String requestHash(String absoluteUrl, String key) {
        return sha256(withoutFragment(absoluteUrl) + key);
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dict(StringBuilder out, Map<String, ?> d, boolean root) {
        List<String> keys = new ArrayList<>(d.keySet());
        if (root) keys.remove("originatorVersion");
        keys.removeIf(k -> d.get(k) instanceof Map<?, ?> m && m.isEmpty());
        // case-insensitive and culture-invariant: compare by the ordinal of the lower-cased key, never a Collator
        keys.sort(String.CASE_INSENSITIVE_ORDER);
        out.append('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) out.append(',');
            first = false;
            out.append('"').append(k).append("\":");
            value(out, d.get(k));
        }
        out.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object v) {
        switch (v) {
            case Map<?, ?> m -> dict(out, (Map<String, ?>) m, false);
            case List<?> l -> {
                out.append('[');
                boolean first = true;
                for (Object item : l) {
                    if (item instanceof Map<?, ?> m && m.isEmpty()) continue;
                    if (!first) out.append(',');
                    first = false;
                    value(out, item);
                }
                out.append(']');
            }
            case String s -> out.append('"').append(s).append('"');
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Double d -> out.append(d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d.longValue()) : String.valueOf(d));
            case byte[] data -> out.append('"').append(Base64.getEncoder().encodeToString(data)).append('"');
            case Instant t -> out.append('"').append(t.truncatedTo(ChronoUnit.SECONDS)).append('"');
            case null -> throw new IllegalArgumentException("a SEB setting has no value");
            default -> throw new IllegalArgumentException("not a plist value: " + v.getClass().getSimpleName());
        }
    }
}
