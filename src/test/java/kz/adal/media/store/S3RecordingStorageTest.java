package kz.adal.media.store;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import kz.adal.testing.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 storage (AWS SDK v2) against s3proxy, a real S3 API server started here, which checks every request's
 * signature with its own code. A fault front answers {@code 503 SlowDown} on demand to prove the retries.
 */
class S3RecordingStorageTest {

    private static S3Server server;
    private static S3RecordingStorage storage;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start();
        storage = storage("recordings", 6);
        storage.createBucketIfMissing();
    }

    private static S3RecordingStorage storage(String bucket, int attempts) {
        return new S3RecordingStorage(new S3RecordingStorage.Settings(server.endpoint(), "us-east-1", bucket,
                S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true, Duration.ofSeconds(20), attempts, 5L << 20, 5L << 20));
    }

    @AfterAll
    static void stop() throws Exception {
        storage.close();
        server.close();
    }

    @Test
    void putsGetsRangesListsAndDeletes() {
        String key = "attempts/a/camera/chunk-000000.webm";
        storage.write(key, "0123456789".getBytes(StandardCharsets.US_ASCII));
        storage.write("attempts/a/camera/chunk-000001.webm", new byte[] {1});
        storage.write("attempts/b/camera/chunk-000000.webm", new byte[] {2});

        assertEquals("2345", new String(storage.read(key, 2, 4), StandardCharsets.US_ASCII));
        assertEquals("89", new String(storage.read(key, 8, 100), StandardCharsets.US_ASCII));
        assertEquals(0, storage.read(key, 10, 4).length);
        assertEquals(10, storage.size(key));
        assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), storage.readAll(key));
        assertEquals(List.of(key, "attempts/a/camera/chunk-000001.webm"), storage.list("attempts/a/"));
        assertTrue(storage.exists(key));
        assertTrue(storage.delete(key));
        assertFalse(storage.exists(key));
        assertFalse(storage.delete(key));
        assertEquals(MediaError.NOT_FOUND, assertThrows(MediaException.class, () -> storage.size(key)).code());
        assertEquals(MediaError.NOT_FOUND, assertThrows(MediaException.class, () -> storage.read(key, 0, 1)).code());
        assertEquals(MediaError.NOT_FOUND, assertThrows(MediaException.class, () -> storage.open(key)).code());
    }

    @Test
    void listsPastOnePageOfAThousand() {
        for (int i = 0; i < 1005; i++) {
            storage.write(String.format("paged/chunk-%06d.webm", i), new byte[] {(byte) i});
        }
        List<String> keys = storage.list("paged/");
        assertEquals(1005, keys.size());
        assertEquals("paged/chunk-001004.webm", keys.get(1004));
    }

    @Test
    void largeFilesGoUpInPartsAndComeBackWhole() throws Exception {
        byte[] data = new byte[12 * 1024 * 1024 + 123];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("final.webm");
        Files.write(file, data);

        storage.write("attempts/c/camera/final.webm", file);

        assertEquals(data.length, storage.size("attempts/c/camera/final.webm"));
        try (InputStream in = storage.open("attempts/c/camera/final.webm")) {
            assertArrayEquals(data, in.readAllBytes());
        }
        byte[] tail = storage.read("attempts/c/camera/final.webm", data.length - 10, 10);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, data.length - 10, data.length), tail);
    }

    @Test
    void retriesSlowDownAndServerErrors() {
        server.failNext(3);
        int before = server.refused();
        storage.write("retry/chunk-000000.webm", new byte[] {42});
        assertEquals(3, server.refused() - before, "three SlowDown answers were taken and retried");
        assertArrayEquals(new byte[] {42}, storage.readAll("retry/chunk-000000.webm"));
    }

    @Test
    void givesUpAfterItsAttemptsWithAStorageFailure() {
        try (S3RecordingStorage twoTries = storage("recordings", 2)) {
            server.failNext(5);
            MediaException e = assertThrows(MediaException.class, () -> twoTries.write("retry/never.webm", new byte[] {1}));
            assertEquals(MediaError.STORAGE_FAILURE, e.code());
            assertTrue(e.getMessage().contains("SlowDown") || e.getMessage().contains("503"), e.getMessage());
        } finally {
            server.failNext(0);
        }
        assertFalse(storage.exists("retry/never.webm"));
    }

    @Test
    void refusesBadKeysBeforeAnyRequest() {
        for (String key : List.of("../escape", "/abs", "a//b", ".hidden")) {
            assertEquals(MediaError.INVALID_KEY, assertThrows(MediaException.class, () -> storage.write(key, new byte[] {1})).code());
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheStore() {
        S3RecordingStorage.Settings s = storage.settings();
        try (S3RecordingStorage wrong = new S3RecordingStorage(new S3RecordingStorage.Settings(s.endpoint(), s.region(), s.bucket(),
                s.accessKey(), "not-the-secret", true, Duration.ofSeconds(10), 1, s.partBytes(), s.multipartAbove()))) {
            assertEquals(MediaError.STORAGE_FAILURE, assertThrows(MediaException.class, () -> wrong.write("x/y.webm", new byte[] {1})).code());
        }
    }

    @Test
    void aPresignedAddressTakesExactlyOneChunkOfItsSize() throws Exception {
        byte[] chunk = "a webm chunk".getBytes(StandardCharsets.US_ASCII);
        URI url = storage.presignPut("attempts/d/camera/chunk-000007.webm", "video/webm", chunk.length, Duration.ofMinutes(2));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).header("Content-Type", "video/webm")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertArrayEquals(chunk, storage.readAll("attempts/d/camera/chunk-000007.webm"));

            // the same address for another type is refused by the store (the type is signed)
            HttpResponse<String> otherType = http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/html")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, otherType.statusCode());
            // and for another key
            URI elsewhere = URI.create(url.toString().replace("chunk-000007", "chunk-000008"));
            HttpResponse<String> otherKey = http.send(HttpRequest.newBuilder(elsewhere).header("Content-Type", "video/webm")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, otherKey.statusCode());
        }
        assertFalse(storage.exists("attempts/d/camera/chunk-000008.webm"));
    }
}
