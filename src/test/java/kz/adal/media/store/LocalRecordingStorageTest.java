package kz.adal.media.store;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRecordingStorageTest {

    @TempDir
    Path dir;

    private LocalRecordingStorage storage() {
        return new LocalRecordingStorage(dir.resolve("root"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/../../etc/passwd", "/etc/passwd", "a//b", "./a", "a/./b", ".hidden",
            "a/.tmp", "a\\b", "a/b/", "", "a\u0000b", "a b", "ä", "..", "a/.."})
    void refusesKeysThatCouldLeaveTheRoot(String key) {
        LocalRecordingStorage storage = storage();
        MediaException e = assertThrows(MediaException.class, () -> storage.write(key, new byte[] {1}));
        assertEquals(MediaError.INVALID_KEY, e.code());
        assertThrows(MediaException.class, () -> storage.read(key, 0, 1));
        assertThrows(MediaException.class, () -> storage.delete(key));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing written anywhere");
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void refusesPrefixesThatCouldLeaveTheRoot() {
        assertEquals(MediaError.INVALID_KEY,
                assertThrows(MediaException.class, () -> storage().list("../")).code());
    }

    @Test
    void writesReadsRangesAndLists() {
        LocalRecordingStorage storage = storage();
        storage.write("attempts/a1/camera/chunk-000001.webm", "0123456789".getBytes(StandardCharsets.US_ASCII));
        storage.write("attempts/a1/camera/chunk-000000.webm", new byte[] {1});
        storage.write("attempts/a2/camera/chunk-000000.webm", new byte[] {2});

        assertEquals("3456", new String(storage.read("attempts/a1/camera/chunk-000001.webm", 3, 4), StandardCharsets.US_ASCII));
        assertEquals("89", new String(storage.read("attempts/a1/camera/chunk-000001.webm", 8, 100), StandardCharsets.US_ASCII));
        assertEquals(0, storage.read("attempts/a1/camera/chunk-000001.webm", 50, 5).length);
        assertEquals(10, storage.size("attempts/a1/camera/chunk-000001.webm"));
        assertEquals(List.of("attempts/a1/camera/chunk-000000.webm", "attempts/a1/camera/chunk-000001.webm"),
                storage.list("attempts/a1/"));
        assertEquals(3, storage.list("").size());
        assertEquals(3, storage.list("attempts/a").size(), "plain string prefix, like S3");
        assertEquals(List.of(), storage.list("attempts/none/"));
    }

    @Test
    void replacesAnObjectWholeAndLeavesNoTempFiles() throws Exception {
        LocalRecordingStorage storage = storage();
        storage.write("k/one", new byte[] {1, 2, 3});
        storage.write("k/one", new byte[] {4});
        assertArrayEquals(new byte[] {4}, storage.readAll("k/one"));
        try (Stream<String> names = Files.list(storage.root().resolve("k")).map(p -> p.getFileName().toString())) {
            assertEquals(List.of("one"), names.toList());
        }
    }

    @Test
    void reportsMissingObjects() {
        LocalRecordingStorage storage = storage();
        assertEquals(MediaError.NOT_FOUND, assertThrows(MediaException.class, () -> storage.size("no/such")).code());
        assertEquals(MediaError.NOT_FOUND, assertThrows(MediaException.class, () -> storage.read("no/such", 0, 1)).code());
        assertFalse(storage.exists("no/such"));
        assertFalse(storage.delete("no/such"));
    }
}
