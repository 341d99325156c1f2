package kz.adal.media;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Later chunks carry WebM cluster content; a page, a script or noise does not. */
class WebmContentTest {

    @Test
    void everyLaterChunkChromiumRecordedIsRecognised() {
        for (MediaFixtures.Fixture f : new MediaFixtures.Fixture[]{MediaFixtures.camera(), MediaFixtures.screen()}) {
            for (int seq = 1; seq < f.chunks().size(); seq++) {
                assertTrue(WebmChunks.carriesClusterContent(f.chunks().get(seq).bytes()), f.name() + " chunk " + seq);
            }
        }
    }

    @Test
    void aWebPageOrNoiseIsNotACluster() {
        byte[] html = "<!DOCTYPE html><html><body><script>fetch('/api/users')</script></body></html>".repeat(500)
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(WebmChunks.carriesClusterContent(html));
        assertFalse(WebmChunks.carriesClusterContent("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        assertFalse(WebmChunks.carriesClusterContent(noise));
    }

    @Test
    void aChunkSentLaterThatIsAPageIsRefusedAsNotWebm() {
        ChunkLedger ledger = ChunkLedger.open(new TrackId(java.util.UUID.randomUUID(), TrackKind.CAMERA, 0));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var upload = new ChunkUpload(3, html, java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(4));
        MediaException e = org.junit.jupiter.api.Assertions.assertThrows(MediaException.class, () -> ledger.admit(upload, "x", 1 << 21));
        assertEquals(MediaError.NOT_WEBM, e.code());
    }

    @Test
    void aTrackMayHoldThreeTimesItsBitrateOverTheExamPlusTenMebibytes() {
        RecordingQuota q = new RecordingQuota(3, 10 * 1024 * 1024);
        // 90 minutes of camera at 224 kbit/s: 151 MB of video, 453 MB allowed with the headroom
        assertEquals(3L * 28_000 * 5_400 + 10 * 1024 * 1024, q.bytesFor(Duration.ofMinutes(90), 224_000));
    }
}
