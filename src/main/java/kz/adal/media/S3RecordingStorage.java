package kz.adal.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Recording storage in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Garage...) using only
 * {@code java.net.http} and our own {@link AwsSigV4Signer}: PUT, GET with Range, HEAD, DELETE and
 * ListObjectsV2. Chunked recordings are one object per chunk ({@code <track>/chunk-000042.webm});
 * the finaliser concatenates them, so no server-side append is needed.
 *
 * <p>S3 has no append: {@link #append} reads the object and writes it back with a conditional
 * {@code If-Match} on the ETag read (or {@code If-None-Match: *} when absent), so two writers cannot
 * silently overwrite each other ({@link MediaError#STORAGE_CONFLICT}); the cost grows with the object,
 * so use it only for small objects. {@link #delete} answers "was it there" with a HEAD first, which is
 * not atomic with the DELETE.
 */
public final class S3RecordingStorage implements RecordingStorage {

    /**
     * Where and how to reach the bucket.
     *
     * @param endpoint  e.g. {@code http://127.0.0.1:9000} for MinIO, or the provider's regional endpoint
     * @param pathStyle true: {@code endpoint/bucket/key} (MinIO and most self-hosted stores);
     *                  false: virtual-hosted {@code bucket.endpoint-host/key}
     */
    public record Settings(URI endpoint, String region, String bucket, AwsSigV4Signer.Credentials credentials,
                           boolean pathStyle, Duration timeout) {
        public Settings {
            if (endpoint == null || region == null || region.isBlank() || bucket == null || bucket.isBlank()
                    || credentials == null) {
                throw new IllegalArgumentException("endpoint, region, bucket and credentials are required");
            }
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("Invalid bucket name: " + bucket);
            }
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final AwsSigV4Signer signer;
    private final Clock clock;

    public S3RecordingStorage(Settings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.signer = new AwsSigV4Signer(settings.credentials(), settings.region(), "s3");
    }

    public S3RecordingStorage(Settings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC());
    }

    URI objectUri(String key) {
        RecordingStorage.requireValidKey(key);
        return bucketUri("/" + AwsSigV4Signer.uriEncode(key, false), null);
    }

    private URI bucketUri(String path, String rawQuery) {
        URI e = settings.endpoint();
        String base = e.getScheme() + "://" + (settings.pathStyle() ? "" : settings.bucket() + ".")
                + e.getRawAuthority();
        String basePath = e.getRawPath() == null ? "" : e.getRawPath().replaceAll("/+$", "");
        String bucketPath = settings.pathStyle() ? "/" + settings.bucket() : "";
        return URI.create(base + basePath + bucketPath + path + (rawQuery == null ? "" : "?" + rawQuery));
    }

    @Override
    public void write(String key, byte[] data) {
        put(key, HttpRequest.BodyPublishers.ofByteArray(data), AwsSigV4Signer.sha256Hex(data), Map.of());
    }

    @Override
    public void write(String key, Path source) {
        try {
            put(key, HttpRequest.BodyPublishers.ofFile(source), sha256Hex(source), Map.of());
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private void put(String key, HttpRequest.BodyPublisher body, String sha256, Map<String, String> extra) {
        Map<String, String> headers = new TreeMap<>(extra);
        headers.put("content-type", "application/octet-stream");
        HttpResponse<byte[]> response = send("PUT", objectUri(key), headers, body, sha256);
        if (response.statusCode() == 412) {
            throw new MediaException(MediaError.STORAGE_CONFLICT, "Object changed while appending: " + key);
        }
        requireSuccess(response, "PUT " + key);
    }

    @Override
    public void append(String key, byte[] data) {
        HttpResponse<byte[]> current = send("GET", objectUri(key), Map.of(), null, AwsSigV4Signer.EMPTY_SHA256);
        byte[] combined;
        Map<String, String> condition;
        if (current.statusCode() == 404) {
            combined = data;
            condition = Map.of("if-none-match", "*");
        } else {
            requireSuccess(current, "GET " + key);
            byte[] old = current.body();
            combined = new byte[old.length + data.length];
            System.arraycopy(old, 0, combined, 0, old.length);
            System.arraycopy(data, 0, combined, old.length, data.length);
            String etag = current.headers().firstValue("etag").orElseThrow(() -> new MediaException(
                    MediaError.STORAGE_FAILURE, "Object store sent no ETag for " + key));
            condition = Map.of("if-match", etag);
        }
        put(key, HttpRequest.BodyPublishers.ofByteArray(combined), AwsSigV4Signer.sha256Hex(combined), condition);
    }

    @Override
    public byte[] read(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        if (length == 0) {
            size(key); // still report NOT_FOUND
            return new byte[0];
        }
        Map<String, String> range = Map.of("range", "bytes=" + offset + "-" + (offset + length - 1));
        HttpResponse<byte[]> response = send("GET", objectUri(key), range, null, AwsSigV4Signer.EMPTY_SHA256);
        if (response.statusCode() == 416) {
            return new byte[0]; // offset at or past the end
        }
        requireSuccess(response, "GET " + key);
        byte[] body = response.body();
        if (response.statusCode() == 200 && (offset > 0 || body.length > length)) {
            // a store that ignores Range: cut the answer ourselves
            int from = (int) Math.min(offset, body.length);
            return java.util.Arrays.copyOfRange(body, from, Math.min(body.length, from + length));
        }
        return body;
    }

    @Override
    public InputStream open(String key) {
        HttpRequest request = request("GET", objectUri(key), Map.of(), null, AwsSigV4Signer.EMPTY_SHA256);
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readAllBytes();
                }
                throw failure(response.statusCode(), body, "GET " + key);
            }
            return response.body();
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "GET " + key + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaError.STORAGE_FAILURE, "Interrupted: GET " + key, e);
        }
    }

    @Override
    public long size(String key) {
        HttpResponse<byte[]> response = send("HEAD", objectUri(key), Map.of(), null, AwsSigV4Signer.EMPTY_SHA256);
        requireSuccess(response, "HEAD " + key);
        return response.headers().firstValueAsLong("content-length").orElseThrow(() ->
                new MediaException(MediaError.STORAGE_FAILURE, "No Content-Length for " + key));
    }

    @Override
    public boolean exists(String key) {
        HttpResponse<byte[]> response = send("HEAD", objectUri(key), Map.of(), null, AwsSigV4Signer.EMPTY_SHA256);
        if (response.statusCode() == 404) {
            return false;
        }
        requireSuccess(response, "HEAD " + key);
        return true;
    }

    @Override
    public boolean delete(String key) {
        boolean existed = exists(key);
        HttpResponse<byte[]> response = send("DELETE", objectUri(key), Map.of(), null, AwsSigV4Signer.EMPTY_SHA256);
        if (response.statusCode() != 404) {
            requireSuccess(response, "DELETE " + key);
        }
        return existed;
    }

    @Override
    public List<String> list(String prefix) {
        RecordingStorage.requireValidPrefix(prefix);
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String query = "list-type=2&prefix=" + AwsSigV4Signer.uriEncode(prefix, true)
                    + (token == null ? "" : "&continuation-token=" + AwsSigV4Signer.uriEncode(token, true));
            HttpResponse<byte[]> response = send("GET", bucketUri("/", query), Map.of(), null,
                    AwsSigV4Signer.EMPTY_SHA256);
            requireSuccess(response, "LIST " + prefix);
            Document doc = parseXml(response.body());
            NodeList contents = doc.getElementsByTagName("Key");
            for (int i = 0; i < contents.getLength(); i++) {
                keys.add(contents.item(i).getTextContent());
            }
            boolean truncated = "true".equals(text(doc, "IsTruncated").orElse("false"));
            token = truncated ? text(doc, "NextContinuationToken").orElse(null) : null;
        } while (token != null);
        keys.sort(null);
        return keys;
    }

    private HttpResponse<byte[]> send(String method, URI uri, Map<String, String> headers,
                                      HttpRequest.BodyPublisher body, String payloadSha256) {
        try {
            return http.send(request(method, uri, headers, body, payloadSha256), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, method + " " + uri.getRawPath() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaError.STORAGE_FAILURE, "Interrupted: " + method + " " + uri.getRawPath(), e);
        }
    }

    private HttpRequest request(String method, URI uri, Map<String, String> headers,
                                HttpRequest.BodyPublisher body, String payloadSha256) {
        Map<String, String> toSign = new TreeMap<>(headers);
        toSign.put("x-amz-content-sha256", payloadSha256);
        AwsSigV4Signer.Signature signature = signer.sign(method, uri, toSign, payloadSha256, clock.instant());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        signature.headers().forEach(builder::header);
        return builder.build();
    }

    private static void requireSuccess(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body(), what);
        }
    }

    private static MediaException failure(int status, byte[] body, String what) {
        String code = "";
        if (body != null && body.length > 0) {
            Matcher m = Pattern.compile("<Code>([^<]*)</Code>").matcher(new String(body, StandardCharsets.UTF_8));
            code = m.find() ? " " + m.group(1) : "";
        }
        if (status == 404) {
            return new MediaException(MediaError.NOT_FOUND, what + ": not found" + code);
        }
        return new MediaException(MediaError.STORAGE_FAILURE, what + ": HTTP " + status + code);
    }

    private static Document parseXml(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Unreadable list answer from the object store", e);
        }
    }

    private static Optional<String> text(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }

    private static String sha256Hex(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
