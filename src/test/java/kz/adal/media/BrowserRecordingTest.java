package kz.adal.media;

import kz.adal.media.finalise.FinalisedTrack;
import kz.adal.media.finalise.TrackFinaliser;
import kz.adal.media.store.LocalRecordingStorage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with a real browser: Chromium's MediaRecorder (fake camera) → assembler → finaliser.
 * Skipped where Chromium is absent or {@code -DskipBrowserTests=true}.
 */
class BrowserRecordingTest {

    @TempDir
    Path dir;

    @Test
    void finalisesWhatChromiumRecordsWithinTheBitrateBudget() throws Exception {
        Assumptions.assumeTrue(BrowserMediaRecorder.available(), "Chromium not available");
        BrowserMediaRecorder.BrowserRecording recording =
                BrowserMediaRecorder.record(BrowserMediaRecorder.RecordingRequest.camera(6));

        // 000 §4.6: a 512 kbit/s link; the camera must stay well below it
        assertTrue(recording.bitsPerSecond() < 300_000, "camera at " + recording.bitsPerSecond() + " bit/s");
        assertEquals("video/webm;codecs=vp8,opus", recording.mimeType());

        LocalRecordingStorage storage = new LocalRecordingStorage(dir.resolve("store"), LocalRecordingStorage.FsyncPolicy.NEVER);
        TrackAssembler track = new TrackAssembler(storage, ChunkLedger.open(new TrackId(UUID.randomUUID(), TrackKind.CAMERA)));
        for (BrowserMediaRecorder.BrowserChunk c : recording.chunks()) {
            track.accept(new ChunkUpload(c.seq(), c.bytes(), c.clientStart(), c.clientEnd()), c.clientEnd().plusMillis(50));
        }
        track.close(recording.chunks().size(), Instant.now());
        FinalisedTrack result = new TrackFinaliser(storage, TrackFinaliser.Settings.defaults(), dir.resolve("work"))
                .finalise(track.state());

        assertTrue(result.seekable());
        assertTrue(result.complete());
        assertEquals(recording.recordedSeconds(), result.durationSeconds(), 1.0);
        assertEquals(Duration.ofMillis(50), result.alignment().clockOffset());
    }
}
