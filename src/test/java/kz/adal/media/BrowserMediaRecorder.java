package kz.adal.media;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Test utility: records real MediaRecorder output with Debian's Chromium (fake camera, fake screen)
 * driven by Playwright, so fixtures are what a student's browser sends, not something we made up.
 *
 * <p>Run {@link #main} to regenerate the committed fixtures under {@code src/test/resources/media/}.
 * The page is served from a JDK HttpServer on 127.0.0.1 because getUserMedia needs a secure context.
 */
public final class BrowserMediaRecorder {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    /** One dataavailable blob with the client's clock range (epoch ms, performance.timeOrigin based). */
    public record BrowserChunk(int seq, byte[] bytes, double clientStartMs, double clientEndMs) {
        public Instant clientStart() {
            return Instant.ofEpochMilli(Math.round(clientStartMs));
        }

        public Instant clientEnd() {
            return Instant.ofEpochMilli(Math.round(clientEndMs));
        }
    }

    /** What a recording produced: the chunks plus what the browser reported about the stream. */
    public record BrowserRecording(String mimeType, int width, int height, double frameRate,
                                   double recordedSeconds, List<BrowserChunk> chunks) {
        public long totalBytes() {
            return chunks.stream().mapToLong(c -> c.bytes().length).sum();
        }

        public double bitsPerSecond() {
            return totalBytes() * 8.0 / recordedSeconds;
        }
    }

    /** Options passed to the page: which source and the MediaRecorder settings. */
    public record RecordingRequest(String source, int seconds, int timesliceMs, String mimeType,
                                   int videoBitsPerSecond, int audioBitsPerSecond,
                                   int width, int height, double frameRate, int keyFrameIntervalMs) {

        /** The lead's camera default: 320×240 at 10 fps, VP8 250 kbit/s + Opus 24 kbit/s, 1 s chunks. */
        public static RecordingRequest camera(int seconds) {
            return new RecordingRequest("camera", seconds, 1000, "video/webm;codecs=vp8,opus",
                    250_000, 24_000, 320, 240, 10, 2000);
        }

        /** The lead's screen default: fake 1280×720 surface at 2 fps, VP8 100 kbit/s, no audio. */
        public static RecordingRequest screen(int seconds) {
            return new RecordingRequest("screen", seconds, 1000, "video/webm;codecs=vp8",
                    100_000, 0, 1280, 720, 2, 2000);
        }
    }

    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>recorder</title>
            <script>
            function toBase64(buf) {
              const bytes = new Uint8Array(buf); let s = '';
              for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
              return btoa(s);
            }
            async function record(o) {
              const stream = o.source === 'camera'
                ? await navigator.mediaDevices.getUserMedia({
                    video: {width: {ideal: o.width}, height: {ideal: o.height}, frameRate: {ideal: o.frameRate}},
                    audio: true})
                : await navigator.mediaDevices.getDisplayMedia({
                    video: {frameRate: {ideal: o.frameRate, max: o.frameRate}}, audio: false});
              const settings = stream.getVideoTracks()[0].getSettings();
              const options = {mimeType: o.mimeType, videoBitsPerSecond: o.videoBitsPerSecond};
              if (o.audioBitsPerSecond > 0) options.audioBitsPerSecond = o.audioBitsPerSecond;
              if (o.keyFrameIntervalMs > 0) options.videoKeyFrameIntervalDuration = o.keyFrameIntervalMs;
              const rec = new MediaRecorder(stream, options);
              const parts = [];
              let last = 0, started = 0;
              const stopped = new Promise(resolve => rec.onstop = resolve);
              rec.onstart = () => { started = performance.timeOrigin + performance.now(); last = started; };
              rec.ondataavailable = e => {
                const now = performance.timeOrigin + performance.now();
                parts.push({blob: e.data, start: last, end: now}); last = now;
              };
              rec.start(o.timesliceMs);
              await new Promise(r => setTimeout(r, o.seconds * 1000));
              rec.stop();
              await stopped;
              const ended = performance.timeOrigin + performance.now();
              stream.getTracks().forEach(t => t.stop());
              const chunks = [];
              for (const p of parts) {
                if (p.blob.size === 0) continue;
                chunks.push({b64: toBase64(await p.blob.arrayBuffer()), start: p.start, end: p.end});
              }
              return {mimeType: rec.mimeType, width: settings.width, height: settings.height,
                      frameRate: settings.frameRate, seconds: (ended - started) / 1000, chunks};
            }
            </script>
            """;

    private BrowserMediaRecorder() {
    }

    /** True when this machine can run the browser recorder (Chromium present, not switched off). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && !Boolean.getBoolean("adal.browser-tests.skip");
    }

    public static BrowserRecording record(RecordingRequest request) throws IOException {
        return record(request, null);
    }

    /**
     * Records with Chromium; {@code fakeVideo} (a Y4M file, may be null) replaces the built-in fake
     * camera pattern, e.g. a noisy face video for a worst-case bitrate.
     */
    public static BrowserRecording record(RecordingRequest request, Path fakeVideo) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path profile = Files.createTempDirectory("adal-chromium-");
        try (Playwright playwright = Playwright.create()) {
            List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream"));
            if (fakeVideo != null) {
                args.add("--use-file-for-fake-video-capture=" + fakeVideo.toAbsolutePath());
            }
            BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(args);
            try (Browser browser = playwright.chromium().launch(launch)) {
                Page page = browser.newPage();
                page.setDefaultTimeout((request.seconds() + 60) * 1000.0);
                page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
                Map<String, Object> options = Map.of(
                        "source", request.source(), "seconds", request.seconds(),
                        "timesliceMs", request.timesliceMs(), "mimeType", request.mimeType(),
                        "videoBitsPerSecond", request.videoBitsPerSecond(),
                        "audioBitsPerSecond", request.audioBitsPerSecond(),
                        "width", request.width(), "height", request.height(),
                        "frameRate", request.frameRate(), "keyFrameIntervalMs", request.keyFrameIntervalMs());
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) page.evaluate("o => record(o)", options);
                return toRecording(result);
            }
        } finally {
            server.stop(0);
            deleteQuietly(profile);
        }
    }

    @SuppressWarnings("unchecked")
    private static BrowserRecording toRecording(Map<String, Object> result) {
        List<BrowserChunk> chunks = new ArrayList<>();
        int seq = 0;
        for (Object o : (List<Object>) result.get("chunks")) {
            Map<String, Object> c = (Map<String, Object>) o;
            chunks.add(new BrowserChunk(seq++, Base64.getDecoder().decode((String) c.get("b64")),
                    number(c.get("start")), number(c.get("end"))));
        }
        return new BrowserRecording((String) result.get("mimeType"), (int) number(result.get("width")),
                (int) number(result.get("height")), number(result.get("frameRate")),
                number(result.get("seconds")), List.copyOf(chunks));
    }

    private static double number(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }

    /** Writes chunks as {@code chunk-NNNNNN.webm} plus {@code chunks.tsv} (seq, start ms, end ms, bytes). */
    public static void writeFixture(BrowserRecording recording, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder index = new StringBuilder("# mimeType=" + recording.mimeType() + " width=" + recording.width()
                + " height=" + recording.height() + " frameRate=" + recording.frameRate()
                + " recordedSeconds=" + recording.recordedSeconds() + "\n");
        for (BrowserChunk chunk : recording.chunks()) {
            Files.write(dir.resolve(String.format("chunk-%06d.webm", chunk.seq())), chunk.bytes());
            index.append(chunk.seq()).append('\t').append(String.format(java.util.Locale.ROOT, "%.3f", chunk.clientStartMs()))
                    .append('\t').append(String.format(java.util.Locale.ROOT, "%.3f", chunk.clientEndMs()))
                    .append('\t').append(chunk.bytes().length).append('\n');
        }
        Files.writeString(dir.resolve("chunks.tsv"), index.toString());
    }

    /** Regenerates the committed fixtures: {@code main <resources/media dir>}. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("measure")) {
            measure(args.length > 1 ? Paths.get(args[1]) : null, args.length > 2 ? Integer.parseInt(args[2]) : 30);
            return;
        }
        Path root = Paths.get(args.length > 0 ? args[0] : "src/test/resources/media");
        BrowserRecording camera = record(RecordingRequest.camera(8));
        report("camera", camera);
        writeFixture(camera, root.resolve("camera-vp8-opus"));
        BrowserRecording screen = record(RecordingRequest.screen(8));
        report("screen", screen);
        writeFixture(screen, root.resolve("screen-vp8"));
    }

    /**
     * Measures bytes per second of the default camera and screen settings over {@code seconds}; with a
     * noisy Y4M camera file as the worst case. Results are in docs/media.md.
     */
    public static void measure(Path noisyCamera, int seconds) throws IOException {
        report("camera (fake pattern)", record(RecordingRequest.camera(seconds)));
        if (noisyCamera != null) {
            report("camera (noisy face Y4M)", record(RecordingRequest.camera(seconds), noisyCamera));
        }
        report("screen 2 fps", record(RecordingRequest.screen(seconds)));
        RecordingRequest oneFps = RecordingRequest.screen(seconds);
        report("screen 1 fps", record(new RecordingRequest(oneFps.source(), seconds, 1000, oneFps.mimeType(),
                oneFps.videoBitsPerSecond(), 0, oneFps.width(), oneFps.height(), 1, oneFps.keyFrameIntervalMs())));
    }

    private static void report(String name, BrowserRecording r) {
        System.out.printf(java.util.Locale.ROOT, "%s: %s %dx%d@%.1f %.2fs %d chunks %d bytes = %.0f bit/s%n", name,
                r.mimeType(), r.width(), r.height(), r.frameRate(), r.recordedSeconds(), r.chunks().size(),
                r.totalBytes(), r.bitsPerSecond());
    }
}
