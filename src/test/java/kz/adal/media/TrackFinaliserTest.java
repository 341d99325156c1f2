package kz.adal.media;

import kz.adal.media.finalise.WebmProbe;
import kz.adal.media.finalise.FinalisedTrack;
import kz.adal.media.finalise.MediaGap;
import kz.adal.media.finalise.ThumbnailStrip;
import kz.adal.media.finalise.TrackFinaliser;
import kz.adal.media.store.LocalRecordingStorage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackFinaliserTest {

    private static final Duration OFFSET = Duration.ofMillis(250);

    @TempDir
    Path dir;

    private LocalRecordingStorage storage;
    private TrackFinaliser finaliser;
    private final MediaFixtures.Fixture camera = MediaFixtures.camera();

    @BeforeEach
    void setUp() {
        storage = new LocalRecordingStorage(dir.resolve("store"), LocalRecordingStorage.FsyncPolicy.NEVER);
        finaliser = new TrackFinaliser(storage, new TrackFinaliser.Settings(2, 96, 3, 0.7f), dir.resolve("work"));
    }

    private Path fetch(String key) throws Exception {
        Path file = dir.resolve("fetched-" + key.replace('/', '_'));
        Files.write(file, storage.readAll(key));
        return file;
    }

    @Test
    void rawMediaRecorderOutputIsNotSeekable() throws Exception {
        // the reason finalisation exists: Chromium writes no Cues and no Duration
        Path raw = dir.resolve("raw.webm");
        for (var c : camera.chunks()) {
            Files.write(raw, c.bytes(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        assertFalse(WebmProbe.hasCuesAndDuration(raw));
    }

    @Test
    void finalisesRealChunksIntoASeekableWebmWithTheRecordedDuration() throws Exception {
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, camera.allSeqs(), OFFSET);
        track.close(camera.chunks().size(), Instant.now());

        FinalisedTrack result = finaliser.finalise(track.state());

        assertTrue(result.seekable(), "Cues and Duration written");
        assertTrue(result.complete());
        assertEquals(camera.recordedSeconds(), result.durationSeconds(), 1.0);
        assertEquals(storage.size(result.recordingKey()), result.bytes());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(fetch(result.recordingKey()).toFile())) {
            grabber.start();
            assertEquals(camera.recordedSeconds(), grabber.getLengthInTime() / 1e6, 1.0);
            assertEquals("vp8", grabber.getVideoCodecName());
            assertEquals(320, grabber.getImageWidth());
            assertTrue(grabber.getAudioChannels() > 0, "audio kept");
            grabber.setTimestamp(5_000_000L);
            Frame frame = grabber.grabImage();
            assertNotNull(frame);
            assertEquals(5.0, frame.timestamp / 1e6, 0.25);
            grabber.stop();
        }
    }

    @Test
    void assemblesChunksThatArrivedOutOfOrderInSeqOrder() throws Exception {
        List<Integer> shuffled = new ArrayList<>(List.of(3, 0, 7, 1, 5, 2, 6, 4));
        assertEquals(camera.chunks().size(), shuffled.size());
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, shuffled, OFFSET);
        track.close(8, Instant.now());

        FinalisedTrack result = finaliser.finalise(track.state());

        assertTrue(result.gaps().isEmpty());
        assertEquals(camera.recordedSeconds(), result.durationSeconds(), 1.0);
        // every frame decodes in increasing time: the clusters were written in order
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(fetch(result.recordingKey()).toFile())) {
            grabber.start();
            long previous = -1;
            int frames = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                assertTrue(frame.timestamp > previous, "frames in order");
                previous = frame.timestamp;
                frames++;
            }
            assertTrue(frames >= 70, "about 10 fps for ~7.9 s, got " + frames);
            grabber.stop();
        }
    }

    @Test
    void finalisesAroundAMissingMiddleChunkAndReportsTheGap() throws Exception {
        List<Integer> withoutThree = IntStream.range(0, 8).filter(i -> i != 3).boxed().toList();
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, withoutThree, OFFSET);
        track.close(8, Instant.now());
        assertEquals(List.of(3), track.missing());

        FinalisedTrack result = finaliser.finalise(track.state());

        assertEquals(1, result.gaps().size());
        MediaGap gap = result.gaps().get(0);
        assertEquals(3, gap.firstMissingSeq());
        assertEquals(3, gap.lastMissingSeq());
        assertFalse(gap.atEnd());
        // chunk 3 held media from about 2.8 s to 3.8 s of the recording (1 s timeslices)
        assertTrue(gap.fromSeconds() > 1.5 && gap.fromSeconds() < 3.5, "gap starts " + gap.fromSeconds());
        assertTrue(gap.toSeconds() > 3.0 && gap.toSeconds() < 5.0, "gap ends " + gap.toSeconds());
        assertTrue(gap.lengthSeconds() >= 0.5, "about a chunk long: " + gap.lengthSeconds());
        // timestamps continue across the hole: the duration is still the whole recording
        assertTrue(result.seekable());
        assertEquals(camera.recordedSeconds(), result.durationSeconds(), 1.0);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(fetch(result.recordingKey()).toFile())) {
            grabber.start();
            grabber.setTimestamp(6_000_000L);
            Frame frame = grabber.grabImage();
            assertNotNull(frame);
            assertEquals(6.0, frame.timestamp / 1e6, 0.5);
            // nothing is shown inside the hole, and the picture resumes with a keyframe after it
            grabber.setTimestamp(0);
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                double t = f.timestamp / 1e6;
                assertFalse(t > gap.fromSeconds() + 1e-3 && t < gap.toSeconds() - 1e-3, "frame inside the gap at " + t);
            }
            grabber.stop();
        }
    }

    @Test
    void reportsChunksMissingAtTheEnd() {
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, List.of(0, 1, 2, 3, 4, 5), OFFSET);
        track.close(8, Instant.now());

        FinalisedTrack result = finaliser.finalise(track.state());

        assertEquals(1, result.gaps().size());
        MediaGap gap = result.gaps().get(0);
        assertTrue(gap.atEnd());
        assertEquals(6, gap.firstMissingSeq());
        assertEquals(7, gap.lastMissingSeq());
        assertEquals(result.durationSeconds(), gap.fromSeconds(), 0.2);
        assertTrue(result.durationSeconds() < camera.recordedSeconds() - 1);
    }

    @Test
    void refusesATrackWithoutChunkZero() {
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, List.of(1, 2, 3), OFFSET);
        MediaException e = assertThrows(MediaException.class, () -> finaliser.finalise(track.state()));
        assertEquals(MediaError.MISSING_FIRST_CHUNK, e.code());
    }

    @Test
    void makesAThumbnailSpriteWithOneTilePerInterval() throws Exception {
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, camera.allSeqs(), OFFSET);
        FinalisedTrack result = finaliser.finalise(track.state());

        ThumbnailStrip strip = result.thumbnails();
        int expected = (int) Math.ceil(result.durationSeconds() / 2.0);
        assertEquals(expected, strip.count());
        assertEquals(96, strip.tileWidth());
        assertEquals(72, strip.tileHeight(), "4:3 kept");
        BufferedImage sprite = ImageIO.read(new ByteArrayInputStream(storage.readAll(result.thumbnailSpriteKey())));
        int rows = (expected + 2) / 3;
        assertEquals(3 * 96, sprite.getWidth());
        assertEquals(rows * 72, sprite.getHeight());
        for (ThumbnailStrip.Tile tile : strip.tiles()) {
            assertEquals(tile.index() * 2.0, tile.seconds(), 1e-9);
            assertEquals(tile.seconds(), tile.frameSeconds(), 0.3);
            assertEquals((tile.index() % 3) * 96, tile.x());
            assertEquals((tile.index() / 3) * 72, tile.y());
        }
        String json = new String(storage.readAll(result.thumbnailIndexKey()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"tileWidth\":96,\"tileHeight\":72,\"columns\":3,"), json);
        assertEquals(expected, json.split("\"index\"").length - 1);
        // the fake camera's picture is not black
        assertTrue(averageBrightness(sprite) > 20);
    }

    @Test
    void finalisesAVideoOnlyScreenTrack() {
        MediaFixtures.Fixture screen = MediaFixtures.screen();
        TrackAssembler track = screen.assemble(storage, TrackKind.SCREEN, screen.allSeqs(), OFFSET);
        FinalisedTrack result = finaliser.finalise(track.state());
        assertTrue(result.seekable());
        assertEquals(screen.recordedSeconds(), result.durationSeconds(), 1.0);
        assertNotNull(result.thumbnails());
        assertTrue(result.recordingKey().endsWith("/screen/s000/recording.webm"));
    }

    @Test
    void alignsMediaTimeZeroWithTheCorrectedClientStart() {
        TrackAssembler track = camera.assemble(storage, TrackKind.CAMERA, camera.allSeqs(), OFFSET);
        FinalisedTrack result = finaliser.finalise(track.state());
        TrackAlignment alignment = result.alignment();
        assertEquals(OFFSET, alignment.clockOffset());
        assertEquals(camera.chunks().get(0).clientStart().plus(OFFSET), alignment.mediaZeroAt());
        Instant flag = alignment.mediaZeroAt().plusMillis(5_000);
        assertEquals(5.0, alignment.mediaOffsetFor(flag), 1e-9);
        assertEquals(0.0, alignment.mediaOffsetFor(alignment.mediaZeroAt().minusSeconds(30)));
    }

    private static double averageBrightness(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
