package kz.adal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 client against an in-process fake object store (there is no S3 server on this machine). The
 * fake checks each request's SigV4 signature by recomputing it, checks the payload hash, and implements
 * PUT (with If-Match / If-None-Match), GET with Range, HEAD, DELETE and paged ListObjectsV2. This proves
 * the protocol shape; interoperability with a real store is still to be checked (docs/media.md).
 */
class S3RecordingStorageTest {

    private static final AwsSigV4Signer.Credentials CREDENTIALS =
            new AwsSigV4Signer.Credentials("AKIDTEST", "secret/test+key", null);
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final List<String> badSignatures = new ArrayList<>();
    private S3RecordingStorage storage;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        storage = new S3RecordingStorage(new S3RecordingStorage.Settings(endpoint, "us-east-1", "recordings",
                CREDENTIALS, true, Duration.ofSeconds(10)),
                java.net.http.HttpClient.newHttpClient(), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        assertEquals(List.of(), badSignatures, "every request carried a valid signature");
    }

    @Test
    void putsGetsRangesAndDeletesObjects() {
        storage.write("attempts/a/camera/chunk-000000.webm", "0123456789".getBytes(StandardCharsets.US_ASCII));

        assertEquals("2345", new String(storage.read("attempts/a/camera/chunk-000000.webm", 2, 4), StandardCharsets.US_ASCII));
        assertEquals(0, storage.read("attempts/a/camera/chunk-000000.webm", 10, 4).length);
        assertEquals(10, storage.size("attempts/a/camera/chunk-000000.webm"));
        assertTrue(storage.exists("attempts/a/camera/chunk-000000.webm"));
        assertTrue(storage.delete("attempts/a/camera/chunk-000000.webm"));
        assertFalse(storage.exists("attempts/a/camera/chunk-000000.webm"));
        assertFalse(storage.delete("attempts/a/camera/chunk-000000.webm"));
        assertEquals(MediaError.NOT_FOUND, assertThrows(MediaException.class,
                () -> storage.size("attempts/a/camera/chunk-000000.webm")).code());
    }

    @Test
    void uploadsAFileAndStreamsItBack() throws Exception {
        Path file = dir.resolve("recording.webm");
        byte[] content = new byte[300_000];
        new java.util.Random(1).nextBytes(content);
        Files.write(file, content);
        storage.write("attempts/a/camera/recording.webm", file);
        try (var in = storage.open("attempts/a/camera/recording.webm")) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void listsAcrossPages() {
        for (int i = 0; i < 5; i++) {
            storage.write(String.format("attempts/a/camera/chunk-%06d.webm", i), new byte[] {(byte) i});
        }
        storage.write("attempts/b/camera/chunk-000000.webm", new byte[] {9});
        List<String> keys = storage.list("attempts/a/");
        assertEquals(5, keys.size());
        assertEquals("attempts/a/camera/chunk-000004.webm", keys.get(4));
    }

    @Test
    void appendsWithAConditionalWrite() {
        storage.append("attempts/a/notes.log", "one ".getBytes(StandardCharsets.US_ASCII));
        storage.append("attempts/a/notes.log", "two".getBytes(StandardCharsets.US_ASCII));
        assertEquals("one two", new String(storage.readAll("attempts/a/notes.log"), StandardCharsets.US_ASCII));
    }

    @Test
    void refusesBadKeysBeforeSendingAnything() {
        assertEquals(MediaError.INVALID_KEY, assertThrows(MediaException.class,
                () -> storage.write("../other-bucket/x", new byte[1])).code());
        assertTrue(objects.isEmpty());
    }

    @Test
    void surfacesServerErrorsWithTheirCode() {
        S3RecordingStorage wrongKey = new S3RecordingStorage(new S3RecordingStorage.Settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "us-east-1", "recordings",
                new AwsSigV4Signer.Credentials("AKIDTEST", "wrong", null), true, null));
        MediaException e = assertThrows(MediaException.class, () -> wrongKey.write("k", new byte[1]));
        assertEquals(MediaError.STORAGE_FAILURE, e.code());
        assertTrue(e.getMessage().contains("SignatureDoesNotMatch"), e.getMessage());
        badSignatures.clear();
    }

    // ---- the fake object store ----

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!signatureValid(ex, body)) {
            badSignatures.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            send(ex, 403, "<Error><Code>SignatureDoesNotMatch</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = ex.getRequestURI().getRawPath();
        String prefix = "/recordings/";
        if (path.equals("/recordings/") || path.equals("/recordings")) {
            list(ex);
            return;
        }
        String key = URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
        byte[] object = objects.get(key);
        switch (ex.getRequestMethod()) {
            case "PUT" -> {
                String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
                String ifNone = ex.getRequestHeaders().getFirst("If-None-Match");
                if ((ifNone != null && object != null) || (ifMatch != null && (object == null || !ifMatch.equals(etag(object))))) {
                    send(ex, 412, "<Error><Code>PreconditionFailed</Code></Error>".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                objects.put(key, body);
                ex.getResponseHeaders().add("ETag", etag(body));
                send(ex, 200, new byte[0]);
            }
            case "GET" -> {
                if (object == null) {
                    send(ex, 404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                ex.getResponseHeaders().add("ETag", etag(object));
                String range = ex.getRequestHeaders().getFirst("Range");
                if (range == null) {
                    send(ex, 200, object);
                    return;
                }
                String[] r = range.substring("bytes=".length()).split("-");
                int from = Integer.parseInt(r[0]);
                int to = Math.min(object.length - 1, Integer.parseInt(r[1]));
                if (from >= object.length) {
                    send(ex, 416, new byte[0]);
                    return;
                }
                send(ex, 206, java.util.Arrays.copyOfRange(object, from, to + 1));
            }
            case "HEAD" -> {
                if (object == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    ex.getResponseHeaders().add("Content-Length", Integer.toString(object.length));
                    ex.sendResponseHeaders(200, -1);
                }
                ex.close();
            }
            case "DELETE" -> {
                objects.remove(key);
                ex.sendResponseHeaders(204, -1);
                ex.close();
            }
            default -> send(ex, 405, new byte[0]);
        }
    }

    private void list(HttpExchange ex) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String part : ex.getRequestURI().getRawQuery().split("&")) {
            String[] kv = part.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        String prefix = query.getOrDefault("prefix", "");
        String after = query.get("continuation-token");
        List<String> matching = objects.keySet().stream().filter(k -> k.startsWith(prefix))
                .filter(k -> after == null || k.compareTo(after) > 0).toList();
        List<String> page = matching.subList(0, Math.min(2, matching.size())); // tiny pages to test paging
        StringBuilder xml = new StringBuilder("<ListBucketResult>");
        page.forEach(k -> xml.append("<Contents><Key>").append(k).append("</Key></Contents>"));
        boolean truncated = matching.size() > page.size();
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (truncated) {
            xml.append("<NextContinuationToken>").append(page.get(page.size() - 1)).append("</NextContinuationToken>");
        }
        send(ex, 200, xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean signatureValid(HttpExchange ex, byte[] body) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        String payload = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (authorization == null || payload == null || !payload.equals(AwsSigV4Signer.sha256Hex(body))) {
            return false;
        }
        String signed = authorization.replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
        Map<String, String> headers = new TreeMap<>();
        for (String name : signed.split(";")) {
            if (!name.equals("x-amz-date")) {
                headers.put(name, ex.getRequestHeaders().getFirst(name));
            }
        }
        Instant date = Instant.from(AMZ.parse(ex.getRequestHeaders().getFirst("x-amz-date")));
        URI uri = URI.create("http://" + headers.get("host") + ex.getRequestURI().toString());
        AwsSigV4Signer signer = new AwsSigV4Signer(CREDENTIALS, "us-east-1", "s3");
        return signer.sign(ex.getRequestMethod(), uri, headers, payload, date).authorization().equals(authorization);
    }

    private static String etag(byte[] data) {
        return "\"" + AwsSigV4Signer.sha256Hex(data).substring(0, 32) + "\"";
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
