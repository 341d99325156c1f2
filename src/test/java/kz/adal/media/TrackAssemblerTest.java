package kz.adal.media;

import kz.adal.media.store.LocalRecordingStorage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final byte[] HEADER = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3};

    @TempDir
    Path dir;

    private CountingStorage storage;
    private TrackId track;
    private TrackAssembler assembler;

    /** Counts writes, so "not stored twice" is observed rather than assumed. */
    static final class CountingStorage implements RecordingStorage {
        final RecordingStorage inner;
        final AtomicInteger writes = new AtomicInteger();

        CountingStorage(RecordingStorage inner) {
            this.inner = inner;
        }

        @Override public void write(String key, byte[] data) { writes.incrementAndGet(); inner.write(key, data); }
        @Override public void write(String key, Path source) { writes.incrementAndGet(); inner.write(key, source); }
        @Override public byte[] read(String key, long offset, int length) { return inner.read(key, offset, length); }
        @Override public java.io.InputStream open(String key) { return inner.open(key); }
        @Override public long size(String key) { return inner.size(key); }
        @Override public boolean exists(String key) { return inner.exists(key); }
        @Override public boolean delete(String key) { return inner.delete(key); }
        @Override public List<String> list(String prefix) { return inner.list(prefix); }
    }

    @BeforeEach
    void setUp() {
        storage = new CountingStorage(new LocalRecordingStorage(dir, LocalRecordingStorage.FsyncPolicy.NEVER));
        track = new TrackId(UUID.fromString("3f2c1d7e-0000-4000-8000-000000000001"), TrackKind.CAMERA);
        assembler = new TrackAssembler(storage, ChunkLedger.open(track), 1000);
    }

    private static ChunkUpload chunk(int seq, byte[] bytes) {
        return new ChunkUpload(seq, bytes, T0.plusSeconds(seq), T0.plusSeconds(seq + 1));
    }

    private static byte[] body(int seq) {
        return seq == 0 ? HEADER : cluster(100, (byte) seq);
    }

    /** A later chunk as the recorder cuts it: one SimpleBlock of track 1 filling the chunk (the assembler checks the content). */
    static byte[] cluster(int length, byte fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, fill);
        long size = length - 9;
        b[0] = (byte) 0xA3;                                   // SimpleBlock
        b[1] = 0x01;                                          // an 8-byte size
        for (int i = 0; i < 7; i++) b[2 + i] = (byte) (size >>> (8 * (6 - i)));
        b[9] = (byte) 0x81;                                   // track 1
        return b;
    }

    private ChunkReceipt send(int seq) {
        return assembler.accept(chunk(seq, body(seq)), T0.plusSeconds(seq + 2));
    }

    private MediaError refusal(Runnable r) {
        return assertThrows(MediaException.class, r::run).code();
    }

    @Test
    void acknowledgesAResentChunkWithoutStoringItTwice() {
        ChunkReceipt first = send(0);
        ChunkReceipt again = send(0);

        assertEquals(ChunkReceipt.Outcome.STORED, first.outcome());
        assertEquals(ChunkReceipt.Outcome.DUPLICATE, again.outcome());
        assertEquals(first.record(), again.record(), "the original record, receive time included");
        assertEquals(1, storage.writes.get());
        assertEquals(List.of(track.chunkKey(0)), storage.list(track.storagePrefix()));
        assertEquals(1, assembler.state().chunks().size());
    }

    @Test
    void refusesTheSameSeqWithDifferentBytesAndKeepsTheOriginal() {
        send(1);
        byte[] other = body(1).clone();
        other[50] = 9;

        assertEquals(MediaError.CHUNK_CONFLICT, refusal(() -> assembler.accept(chunk(1, other), T0)));
        assertArrayEquals(body(1), storage.readAll(track.chunkKey(1)));
        assertEquals(1, storage.writes.get());
    }

    @Test
    void keepsChunksArrivingOutOfOrderAndListsTheHoles() {
        send(3);
        assertEquals(List.of(0, 1, 2), assembler.missing());
        send(0);
        assertEquals(List.of(1, 2), send(5).missing().subList(0, 2));
        assertEquals(List.of(1, 2, 4), assembler.missing());
        send(2);
        send(1);
        send(4);
        assertEquals(List.of(), assembler.missing());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), assembler.state().chunks().stream().map(ChunkRecord::seq).toList());
    }

    @Test
    void refusesANegativeSequenceNumber() {
        assertEquals(MediaError.INVALID_SEQUENCE, refusal(() -> send(-1)));
        assertEquals(MediaError.INVALID_SEQUENCE, refusal(() -> assembler.accept(chunk(ChunkLedger.MAX_SEQ + 1, body(1)), T0)));
    }

    @Test
    void refusesAChunkOverTheConfiguredLimit() {
        assertEquals(MediaError.CHUNK_TOO_LARGE, refusal(() -> assembler.accept(chunk(1, cluster(1001, (byte) 0)), T0)));
        assertEquals(ChunkReceipt.Outcome.STORED, assembler.accept(chunk(1, cluster(1000, (byte) 0)), T0).outcome());
        assertEquals(1, storage.writes.get(), "the refused chunk was never written");
    }

    @Test
    void defaultLimitIsTwoMebibytes() {
        TrackAssembler defaults = new TrackAssembler(storage, ChunkLedger.open(track));
        byte[] big = cluster(2 * 1024 * 1024 + 1, (byte) 0);
        assertEquals(MediaError.CHUNK_TOO_LARGE, refusal(() -> defaults.accept(chunk(1, big), T0)));
        assertEquals(ChunkReceipt.Outcome.STORED,
                defaults.accept(chunk(1, cluster(2 * 1024 * 1024, (byte) 0)), T0).outcome());
    }

    @Test
    void refusesAFirstChunkThatIsNotWebm() {
        assertEquals(MediaError.NOT_WEBM, refusal(() -> assembler.accept(chunk(0, new byte[] {0x1A, 0x45, 0, 0}), T0)));
        assertEquals(MediaError.NOT_WEBM, refusal(() -> assembler.accept(chunk(0, new byte[] {0x1A}), T0)));
        // later chunks are bare cluster data: no magic expected
        assertEquals(ChunkReceipt.Outcome.STORED, send(1).outcome());
        assertEquals(0, storage.list(track.chunkKey(0)).size());
    }

    @Test
    void refusesEmptyChunksAndReversedTimes() {
        assertEquals(MediaError.INVALID_CHUNK, refusal(() -> assembler.accept(chunk(1, new byte[0]), T0)));
        assertEquals(MediaError.INVALID_CHUNK, refusal(() ->
                assembler.accept(new ChunkUpload(1, body(1), T0.plusSeconds(2), T0), T0)));
    }

    @Test
    void refusesNewChunksAfterCloseButStillAcknowledgesAnIdenticalResend() {
        send(0);
        send(1);
        assembler.close(null, T0.plusSeconds(60));

        assertEquals(MediaError.TRACK_CLOSED, refusal(() -> send(2)));
        assertEquals(ChunkReceipt.Outcome.DUPLICATE, send(1).outcome());
        byte[] other = body(1).clone();
        other[0] = 42;
        assertEquals(MediaError.CHUNK_CONFLICT, refusal(() -> assembler.accept(chunk(1, other), T0)));
    }

    @Test
    void listsTrailingChunksTheClientDeclaredButNeverDelivered() {
        send(0);
        send(2);
        assembler.close(5, T0.plusSeconds(60));
        assertEquals(List.of(1, 3, 4), assembler.missing());
        assertEquals(MediaError.TRACK_CLOSED, refusal(() -> assembler.close(6, T0)));
        assembler.close(5, T0.plusSeconds(61)); // the same close again is harmless
    }

    @Test
    void refusesADeclaredCountBelowTheChunksStored() {
        send(0);
        send(4);
        assertEquals(MediaError.INVALID_SEQUENCE, refusal(() -> assembler.close(4, T0)));
    }

    @Test
    void restoredStateKeepsTheExactlyOnceRules() {
        send(0);
        send(1);
        TrackLedgerState persisted = assembler.state();

        TrackAssembler afterRestart = new TrackAssembler(storage, ChunkLedger.restore(persisted), 1000);
        assertEquals(ChunkReceipt.Outcome.DUPLICATE, afterRestart.accept(chunk(1, body(1)), T0).outcome());
        assertEquals(MediaError.CHUNK_CONFLICT, refusal(() -> afterRestart.accept(chunk(1, body(7)), T0)));
        assertEquals(2, storage.writes.get());
        ChunkRecord r = persisted.chunks().get(1);
        assertEquals(ChunkUpload.sha256Hex(body(1)), r.sha256());
        assertEquals(100, r.size());
        assertEquals(T0.plusSeconds(1), r.clientStart());
        assertEquals(T0.plusSeconds(3), r.receivedAt());
    }

    @Test
    void deletesChunksOnlyOnceClosed() {
        send(0);
        send(1);
        assertEquals(MediaError.TRACK_CLOSED, refusal(assembler::deleteChunks));
        assembler.close(2, T0);
        assertEquals(2, assembler.deleteChunks());
        assertTrue(storage.list(track.storagePrefix()).isEmpty());
    }
}
