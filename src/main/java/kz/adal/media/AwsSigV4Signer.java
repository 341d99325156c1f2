package kz.adal.media;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for request headers, written against the published algorithm so the S3
 * client needs no SDK. Verified with AWS's own test-suite vectors (see {@code AwsSigV4SignerTest}).
 *
 * <p>The canonical URI is the request's raw (already percent-encoded) path, as S3 expects: S3 does
 * not normalise or double-encode paths. Callers encode key segments with {@link #uriEncode}.
 */
public final class AwsSigV4Signer {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** Access key pair; {@code sessionToken} may be null (only for temporary credentials). */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        public Credentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("Access key id and secret are required");
            }
        }

        @Override
        public String toString() { // never print the secret
            return "Credentials[" + accessKeyId + "]";
        }
    }

    /** Everything the signature was made from, for debugging against a server's error message. */
    public record Signature(String canonicalRequest, String stringToSign, String signature,
                            String authorization, Map<String, String> headers) {
    }

    private final Credentials credentials;
    private final String region;
    private final String service;

    public AwsSigV4Signer(Credentials credentials, String region, String service) {
        this.credentials = credentials;
        this.region = region;
        this.service = service;
    }

    /**
     * Signs a request. {@code headers} are the headers to sign besides {@code host} (taken from the URI
     * if absent) and {@code x-amz-date} (added from {@code now}). Returns the headers to send, including
     * {@code Authorization}; the {@code host} header is left to the HTTP client, which sends the same value.
     */
    public Signature sign(String method, URI uri, Map<String, String> headers, String payloadSha256Hex, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String day = amzDate.substring(0, 8);
        TreeMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), normaliseValue(value)));
        canonical.putIfAbsent("host", hostHeader(uri));
        canonical.put("x-amz-date", amzDate);
        if (credentials.sessionToken() != null) {
            canonical.put("x-amz-security-token", credentials.sessionToken());
        }
        StringBuilder headerBlock = new StringBuilder();
        canonical.forEach((name, value) -> headerBlock.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", canonical.keySet());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String canonicalRequest = method + '\n' + path + '\n' + canonicalQuery(uri.getRawQuery()) + '\n'
                + headerBlock + '\n' + signedHeaders + '\n' + payloadSha256Hex;
        String scope = day + '/' + region + '/' + service + "/aws4_request";
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));
        String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + '/' + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        Map<String, String> toSend = new LinkedHashMap<>(canonical);
        toSend.remove("host");
        toSend.put("authorization", authorization);
        return new Signature(canonicalRequest, stringToSign, signature, authorization, toSend);
    }

    /** The Host header value an HTTP client sends for this URI (port only when not the default). */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? uri.getHost() : uri.getHost() + ':' + port;
    }

    private static String normaliseValue(String value) {
        return value.trim().replaceAll(" +", " ");
    }

    /** Query parameters decoded, re-encoded with {@link #uriEncode} and sorted by name then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {uriEncode(decode(name), true), uriEncode(decode(value), true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding as SigV4 defines it: unreserved characters kept, {@code /} kept unless asked. */
    public static String uriEncode(String s, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
