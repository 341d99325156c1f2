package kz.adal.oral;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.adal.testing.OutsideServersProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.adal.casework.CaseworkRows;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Browser;
import kz.adal.testing.Coturn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in video room (issue 14) in Chromium: four participants, each in its own browser process with its
 * own fake camera file (different test patterns), connect through the room socket's signalling. From
 * {@code getStats()}: every member decodes video frames and audio from the student and the student from the
 * chair — once directly on loopback (host candidates), once forced through a real coturn relay
 * ({@code iceTransportPolicy: "relay"}, credentials issued by the server). Each page's upstream is measured.
 * Then the answer needs the link: refused while the student's media does not arrive, started once it does;
 * the student's media stops mid-answer → everyone is told, the answer is paused and the act drafted with the
 * measured outage.
 */
@QuarkusTest
@TestProfile(OutsideServersProfile.class)
class OralMeshBrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    TimeSource time;

    static final Path FILES = Path.of("target/oral-mesh");
    /** Each participant's own camera: a different pattern (the student's is red, so a member's tile can be checked). */
    static final Map<String, String> PATTERNS = Map.of(
            "student", "color=c=0xd01010:s=320x240:r=10,noise=alls=20:allf=t",
            "chair", "testsrc=s=320x240:r=10",
            "member1", "smptebars=s=320x240:r=10",
            "member2", "color=c=0x1030d0:s=320x240:r=10,noise=alls=20:allf=t");
    static final List<String> PEOPLE = List.of("chair", "member1", "member2", "student");

    /** Keeps what the page's recorder produced — test-side only (peer connections: RtcHooks). */
    static final String HOOK = """
            (() => {
              // what the page's recorder produced (the same blobs it uploads), for the test to decode
              const NativeRecorder = window.MediaRecorder;
              window.__recorded = [];
              window.MediaRecorder = class extends NativeRecorder {
                constructor(stream, options) {
                  super(stream, options);
                  this.addEventListener('dataavailable', e => { if (e.data && e.data.size) window.__recorded.push(e.data); });
                }
              };
            })();
            """;

    /** Per remote user: decoded video frames, decoded audio samples, bytes sent to them, the selected candidate type. */
    static final String STATS = """
            async () => {
              const byTrack = new Map();
              document.querySelectorAll('#tiles figure[data-conn]').forEach(f => {
                const v = f.querySelector('video');
                (v.srcObject ? v.srcObject.getTracks() : []).forEach(t => byTrack.set(t.id, f.dataset.user));
              });
              const out = {};
              for (const pc of window.__pcs || []) {
                if (pc.connectionState !== 'connected') continue;
                const user = pc.getReceivers().map(r => r.track && byTrack.get(r.track.id)).find(Boolean);
                if (!user) continue;
                const st = await pc.getStats();
                let frames = 0, samples = 0, packets = 0, sent = 0, pairId = null, candidate = null;
                st.forEach(s => {
                  if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
                  if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
                  if (s.type === 'inbound-rtp' && s.kind === 'audio') {
                    samples += (s.totalSamplesReceived || 0) - (s.concealedSamples || 0);
                    packets += s.packetsReceived || 0;
                  }
                  if (s.type === 'outbound-rtp') sent += (s.bytesSent || 0) + (s.headerBytesSent || 0);
                });
                if (pairId) {
                  const pair = st.get(pairId);
                  const local = pair && st.get(pair.localCandidateId);
                  candidate = local ? local.candidateType : null;
                }
                out[user] = { frames, samples, packets, sent, candidate };
              }
              return out;
            }
            """;

    final Map<String, BrowserContext> contexts = new LinkedHashMap<>();

    /** The 30 s set below is JVM-wide: the browser tests that run after this class keep Playwright's 5 s. */
    @org.junit.jupiter.api.AfterAll
    static void defaultTimeoutBack() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    @BeforeAll
    static void cameras() throws Exception {
        // four browsers with live video on a shared, loaded machine: give page assertions more time than 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Files.createDirectories(FILES);
        for (var e : PATTERNS.entrySet()) {
            Path out = FILES.resolve(e.getKey() + ".y4m");
            if (Files.exists(out)) continue;
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", e.getValue(), "-frames:v", "20",
                    "-pix_fmt", "yuv420p", out.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), "ffmpeg: " + log);
        }
        // each microphone its own file: the student's is silent, the others a tone, so sound in the student's
        // recording can only have come from the commission (the room's mix)
        for (String who : PEOPLE) {
            Path out = FILES.resolve(who + ".wav");
            if (Files.exists(out)) continue;
            String src = who.equals("student") ? "anullsrc=r=48000:cl=mono" : "sine=frequency=" + (440 + 110 * PEOPLE.indexOf(who)) + ":sample_rate=48000";
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", src, "-t", "5", "-ac", "1", out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), "ffmpeg: " + log);
        }
    }

    @AfterEach
    void close() {
        contexts.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
        contexts.clear();
        time.reset();
    }

    Page open(String login, String url, boolean relay) {
        BrowserContext c = Browser.context("--use-file-for-fake-video-capture=" + FILES.resolve(login + ".y4m").toAbsolutePath(),
                "--use-file-for-fake-audio-capture=" + FILES.resolve(login + ".wav").toAbsolutePath(),
                "--autoplay-policy=no-user-gesture-required");
        contexts.put(login, c);
        if (relay) c.addInitScript("window.__forceRelay = true;");
        c.addInitScript(kz.adal.testing.RtcHooks.PEER_CONNECTIONS);
        c.addInitScript(HOOK);
        Page p = Browser.loggedIn(c, base.toString(), login);
        p.evaluate("localStorage.setItem('adal.lang', 'en')");
        p.navigate(url);
        assertThat(p.locator("#conn.ok")).isVisible();
        return p;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> stats(Page p) {
        return (Map<String, Map<String, Object>>) p.evaluate(STATS);
    }

    static long n(Map<String, Map<String, Object>> s, String user, String key) {
        Map<String, Object> m = s.get(user);
        return m == null ? -1 : ((Number) m.get(key)).longValue();
    }

    /** Waits until {@code viewer} decodes growing video frames and audio samples from {@code from}. */
    static Map<String, Object> decodes(Page viewer, String from, String who) {
        Map<String, Map<String, Object>>[] first = new Map[2];
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Map<String, Object>> s = stats(viewer);
            first[1] = s;
            if (n(s, from, "frames") <= 0 || n(s, from, "samples") <= 0) return false;
            if (first[0] == null) {
                first[0] = s;
                return false;
            }
            return n(s, from, "frames") > n(first[0], from, "frames") && n(s, from, "samples") > n(first[0], from, "samples");
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(who + " does not decode " + from + ": first " + first[0] + "; last " + first[1], e);
        }
        Map<String, Object> last = stats(viewer).get(from);
        assertNotNull(last, who + " has a connection to " + from);
        return last;
    }

    record Room(String sitting, String turn, String url, Map<String, String> ids) {}

    Room room() {
        JsonPath room = OralFixture.create(OralFixture.setup());
        String sitting = room.getString("sittingId");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String p : PEOPLE) ids.put(p, OralFixture.id(p));
        return new Room(sitting, OralFixture.firstTurn(room), base + "oral/room.html?sitting=" + sitting, ids);
    }

    /** Every member decodes the student; the student decodes the chair; returns the candidate types seen. */
    List<String> everyoneDecodes(Room r, Map<String, Page> pages) {
        List<String> candidates = new ArrayList<>();
        for (String member : List.of("chair", "member1", "member2")) {
            Map<String, Object> s = decodes(pages.get(member), r.ids().get("student"), member);
            candidates.add(String.valueOf(s.get("candidate")));
        }
        Map<String, Object> s = decodes(pages.get("student"), r.ids().get("chair"), "student");
        candidates.add(String.valueOf(s.get("candidate")));
        return candidates;
    }

    /** A page's whole upstream (RTP payload and headers to every peer), in kbit/s, over a few seconds. */
    static double upstreamKbps(Page p) throws InterruptedException {
        long before = p.evaluate("() => Promise.all((window.__pcs || []).filter(pc => pc.connectionState === 'connected').map(pc => pc.getStats()))"
                + ".then(all => all.flatMap(st => [...st.values()]).filter(s => s.type === 'outbound-rtp')"
                + ".reduce((a, s) => a + (s.bytesSent || 0) + (s.headerBytesSent || 0), 0))") instanceof Number b ? b.longValue() : 0;
        long t0 = System.nanoTime();
        Thread.sleep(4000); // a measurement window, not a wait for a condition
        long after = ((Number) p.evaluate("() => Promise.all((window.__pcs || []).filter(pc => pc.connectionState === 'connected').map(pc => pc.getStats()))"
                + ".then(all => all.flatMap(st => [...st.values()]).filter(s => s.type === 'outbound-rtp')"
                + ".reduce((a, s) => a + (s.bytesSent || 0) + (s.headerBytesSent || 0), 0))")).longValue();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (after - before) * 8 / 1000.0 / seconds;
    }

    @Test
    void fourParticipantsSeeAndHearEachOtherDirectlyAndTheAnswerNeedsTheLink() throws Exception {
        Room r = room();
        Map<String, Page> pages = new LinkedHashMap<>();
        for (String who : List.of("chair", "member1", "member2")) pages.put(who, open(who, r.url(), false));
        OralFixture.check(r.turn());

        // the student is in the room (a socket) but no media arrives: the draw works, the answer does not start
        try (RoomSocket bare = RoomSocket.join(base, r.sitting(), Api.token("student"))) {
            Api.as("head").post("/api/oral/turns/" + r.turn() + "/draw").then().statusCode(200);
            Api.as("chair").post("/api/oral/turns/" + r.turn() + "/preparation/end").then().statusCode(200);
            pages.get("chair").locator("#answer-start").click();
            assertThat(pages.get("chair").locator("#action-problem")).containsText("do not reach every commission member");
            Api.as("chair").post("/api/oral/turns/" + r.turn() + "/answer/start").then().statusCode(409)
                    .body("code", equalTo("ORAL_NO_LINK"));
        }

        pages.put("student", open("student", r.url(), false));
        List<String> candidates = everyoneDecodes(r, pages);
        assertTrue(candidates.stream().allMatch("host"::equals), "direct on loopback: " + candidates);
        // the student's own camera file reaches the chair: the student's tile is red
        Object rgb = pages.get("chair").evaluate("u => { const v = document.querySelector(`#tiles figure[data-user='${u}'] video`);"
                + " const c = document.createElement('canvas'); c.width = 32; c.height = 24; const g = c.getContext('2d');"
                + " g.drawImage(v, 0, 0, 32, 24); const d = g.getImageData(8, 6, 16, 12).data; let R = 0, G = 0, B = 0;"
                + " for (let i = 0; i < d.length; i += 4) { R += d[i]; G += d[i + 1]; B += d[i + 2]; } return [R, G, B]; }", r.ids().get("student"));
        List<?> c = (List<?>) rgb;
        assertTrue(((Number) c.get(0)).doubleValue() > 2 * ((Number) c.get(2)).doubleValue(), "the student's tile shows the red camera: " + c);
        for (Page p : pages.values()) assertThat(p.locator("#people [data-video=true]")).hasCount(4);

        // upstream per participant within the 512 kbit/s link of 000 §4.6
        Map<String, Double> kbps = new LinkedHashMap<>();
        for (String who : List.of("student", "chair")) kbps.put(who, upstreamKbps(pages.get(who)));
        System.out.println("[oral-mesh] upstream kbit/s with 4 participants: " + kbps);
        kbps.forEach((who, v) -> assertTrue(v > 40 && v <= 512, who + " sends " + v + " kbit/s"));
        picture(pages.get("chair"), "oral-mesh-chair");
        picture(pages.get("student"), "oral-mesh-student");

        // the record of the sitting: the student's camera with the room's audio mixed in (own microphone + 3 peers)
        pages.get("student").locator("#recording-ack").click();
        assertThat(pages.get("student").locator("#video[data-mixed='4']")).isVisible();
        await().atMost(Duration.ofSeconds(60)).until(() -> chunks(r.turn()) >= 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) pages.get("student").evaluate("() => window.__recorded.length")).intValue() >= 3);
        double peak = recordedAudioPeak(pages.get("student"));
        // a silent file decodes to peaks of ~0; ffmpeg's tone is 1/8 full scale and reached the mix at ~0.05 (run of 2026-12-01)
        assertTrue(peak > 0.01, "the student's microphone is silent, yet the recording holds the commission's voices: peak " + peak);

        // a muted microphone is shown to everyone
        pages.get("member1").locator("#mute-audio").click();
        assertThat(pages.get("chair").locator("#people [data-user='" + r.ids().get("member1") + "'][data-mic-off=true]")).isVisible();

        // every grader now reports the student's audio and video: the answer starts
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Api.as("chair").post("/api/oral/turns/" + r.turn() + "/answer/start").statusCode() == 200);
        for (Page p : pages.values()) assertThat(p.locator("#stage")).hasAttribute("data-stage", "ANSWERING");

        // the student's camera and microphone stop mid-answer: everyone is told, the outage measured
        pages.get("student").evaluate("() => document.querySelector('#own-camera').srcObject.getTracks().forEach(t => t.stop())");
        for (Page p : pages.values()) assertThat(p.locator("#link-lost")).isVisible();
        picture(pages.get("chair"), "oral-mesh-link-lost");
        // … and after adal.oral.link.pause-after (30 s) the answer is paused and the act drafted
        time.advance(Duration.ofSeconds(31));
        for (Page p : pages.values()) assertThat(p.locator("#stage")).hasAttribute("data-stage", "ANSWER_PAUSED");
        assertThat(pages.get("chair").locator("#answer-paused")).isVisible();
        // the time left as people read it, not raw seconds ("14 min 21 s of the answer left")
        assertThat(pages.get("chair").locator("#answer-paused")).containsText(java.util.regex.Pattern.compile("\\d+ min \\d+ s of the answer left"));
        assertThat(pages.get("chair").locator("#answer-resume")).isVisible();
        picture(pages.get("chair"), "oral-mesh-paused");
        CaseworkRows.TurnAct act = CaseworkRows.actAboutTurn(UUID.fromString(r.turn())).orElse(null);
        assertNotNull(act, "a technical-failure act is drafted");
        assertTrue(act.draft());
        assertTrue(act.lostSeconds() >= 31, "the measured outage: " + act.lostSeconds());
        // drafted in the sitting's language (Kazakh here), not in English (issue 15)
        assertTrue(act.whatHappened().contains("дыбысы мен бейнесі") && !act.whatHappened().contains("did not reach"), act.whatHappened());
        // the resume is refused while the link is still down
        Api.as("chair").post("/api/oral/turns/" + r.turn() + "/answer/resume").then().statusCode(409).body("code", equalTo("ORAL_NO_LINK"));
        String events = String.join("\n", QuarkusTransaction.requiringNew().call(() -> OralEvent.<OralEvent>list("turnId", UUID.fromString(r.turn()))
                .stream().map(e -> e.kind + " " + e.detail).toList()));
        assertTrue(events.contains("LINK_LOST") && events.contains("ANSWER_PAUSED"), events);
        // a loaded machine may show a second's flicker earlier (recorded as its own gap); after the stop nothing came back
        assertTrue(events.lastIndexOf("LINK_RESTORED") < events.lastIndexOf("LINK_LOST"), events);
    }

    /**
     * Decodes what the student's recorder produced (chunks of one segment, in order: a playable WebM) and returns the
     * loudest audio sample (0..1). Fails when the recording has no audio stream at all.
     */
    static double recordedAudioPeak(Page student) throws Exception {
        String b64 = (String) student.evaluate("async () => { const b = new Uint8Array(await new Blob(window.__recorded).arrayBuffer());"
                + " let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));"
                + " return btoa(s); }");
        Path file = Files.createTempFile("oral-recorded", ".webm");
        Files.write(file, java.util.Base64.getDecoder().decode(b64));
        try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(file.toFile())) {
            g.start();
            assertTrue(g.getAudioChannels() > 0, "the recording has an audio stream");
            double peak = 0;
            for (org.bytedeco.javacv.Frame f; (f = g.grabSamples()) != null; ) {
                for (java.nio.Buffer b : f.samples) {
                    if (b instanceof java.nio.FloatBuffer fb) {
                        while (fb.hasRemaining()) peak = Math.max(peak, Math.abs(fb.get()));
                    } else if (b instanceof java.nio.ShortBuffer sb) {
                        while (sb.hasRemaining()) peak = Math.max(peak, Math.abs(sb.get()) / 32768.0);
                    }
                }
            }
            g.stop();
            return peak;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A screenshot for people to look at; on a loaded machine its font wait may time out, which says nothing of the room. */
    static void picture(Page p, String name) {
        try {
            Browser.screenshot(p, name);
        } catch (com.microsoft.playwright.TimeoutError e) {
            System.err.println("[oral-mesh] screenshot " + name + " timed out: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Camera chunks stored for the turn's recording. */
    static long chunks(String turn) {
        return kz.adal.media.MediaRows.chunks(OralTurnRecordingOwner.KIND, UUID.fromString(turn));
    }

    /**
     * Six participants in one page: the room's own oral-mesh.js, one mesh per person (the student, the chair, two
     * members, the secretary, the head), their signalling wired to each other in the page, every camera Chromium's
     * 640×480 fake at 15 fps, the student's microphone a continuous noise (Opus then uses all it may). What a page
     * sends is set by its caps and its encoders, not by where its peers run.
     */
    static final String SIX = """
            async upstream => {
              const { createMesh } = await import('/js/oral-mesh.js');
              const people = ['student', 'chair', 'member1', 'member2', 'secretary', 'head'];
              const streams = {};
              for (const who of people) streams[who] = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 15 }, audio: true });
              const ctx = new AudioContext(); await ctx.resume();
              const buf = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate), d = buf.getChannelData(0);
              for (let i = 0; i < d.length; i++) d[i] = (Math.random() * 2 - 1) * 0.3;
              const noise = ctx.createBufferSource(); noise.buffer = buf; noise.loop = true;
              const dest = ctx.createMediaStreamDestination(); noise.connect(dest); noise.start();
              streams.student = new MediaStream([streams.student.getVideoTracks()[0], dest.stream.getAudioTracks()[0]]);
              const byConn = {};
              const deliver = (from, userId, msg) => setTimeout(() => {
                if (msg.type === 'rtc.join') Object.entries(byConn).forEach(([c, x]) => { if (c !== from) x.mesh.handle({ type: 'rtc.join', from, userId }).catch(() => {}); });
                else if (msg.type === 'rtc.signal') byConn[msg.to].mesh.handle({ type: 'rtc.signal', from, userId, data: msg.data }).catch(() => {});
              }, 0);
              people.forEach((who, i) => {
                const conn = 'c' + i;
                byConn[conn] = { who, mesh: createMesh({ send: m => deliver(conn, who, m), iceServers: [], upstreamKbps: who === 'student' ? upstream.student : upstream.staff,
                  profile: to => who === 'student' ? 'full' : (to === 'student' ? 'face' : 'thumb'), watched: () => 'student',
                  stream: streams[who], onRemote: () => {} }) };
              });
              people.forEach((who, i) => byConn['c' + i].mesh.join('c' + i));
              window.__six = byConn;
              // the turn's recording as the room page caps it (RECORDING_VIDEO_BPS; media's audio rate): 320×240 at 10 fps
              const video = streams.student.getVideoTracks()[0].clone();
              await video.applyConstraints({ width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 10, max: 10 } });
              const rec = window.__rec6 = { bytes: 0 };
              const recorder = new MediaRecorder(new MediaStream([video, streams.student.getAudioTracks()[0]]),
                { mimeType: 'video/webm;codecs=vp8,opus', videoBitsPerSecond: upstream.recordingVideo, audioBitsPerSecond: upstream.recordingAudio });
              recorder.ondataavailable = e => { rec.bytes += e.data.size; };
              recorder.start(1000);
              return people.length;
            }
            """;

    /** The student's page of the six: RTP payload + headers to its five peers, per kind; the caps; what the recorder wrote. */
    static final String SIX_SENT = """
            async () => {
              const student = window.__six.c0.mesh;
              const out = { connected: 0, rtp: 0, caps: 0, audio: { packets: 0, header: 0 }, video: { packets: 0, header: 0 }, recorded: window.__rec6.bytes, at: performance.now() };
              for (const p of student.peers.values()) {
                if (p.pc.connectionState !== 'connected') continue;
                out.connected++;
                p.pc.getSenders().forEach(s => { out.caps += (s.getParameters().encodings || [])[0]?.maxBitrate || 0; });
                (await p.pc.getStats()).forEach(s => {
                  if (s.type !== 'outbound-rtp') return;
                  out.rtp += s.bytesSent + s.headerBytesSent;
                  out[s.kind].packets += s.packetsSent; out[s.kind].header += s.headerBytesSent;
                });
              }
              return out;
            }
            """;

    /**
     * Degraded links (000 §4.6): in a six-person mesh, with the turn's recording running, the student's whole upstream
     * — RTP payload and headers to five peers (getStats bytesSent + headerBytesSent) plus the recording's upload —
     * stays within 512 kbit/s.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theStudentsUpstreamInASixPersonMeshStaysWithinTheLink() throws Exception {
        BrowserContext c = Browser.context("--autoplay-policy=no-user-gesture-required");
        contexts.put("six", c);
        Page p = c.newPage();
        p.navigate(base + "index.html");
        int upstream = 460, recordingVideo = 96_000, recordingAudio = 24_000;   // adal.rtc.upstream-kbps; oral-room.js; media's default
        p.evaluate(SIX, Map.of("student", upstream - (recordingVideo + recordingAudio) / 1000, "staff", upstream,
                "recordingVideo", recordingVideo, "recordingAudio", recordingAudio));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ((Number) ((Map<String, Object>) p.evaluate(SIX_SENT)).get("connected")).intValue() == 5);
        Thread.sleep(5000); // past the encoders' ramp-up: a measurement, not a wait for a condition
        Map<String, Object> a = (Map<String, Object>) p.evaluate(SIX_SENT);
        Thread.sleep(8000); // the measurement window
        Map<String, Object> b = (Map<String, Object>) p.evaluate(SIX_SENT);
        double seconds = (((Number) b.get("at")).doubleValue() - ((Number) a.get("at")).doubleValue()) / 1000;
        java.util.function.ToDoubleBiFunction<String, String> d = (kind, key) -> {
            Map<String, Object> x = kind == null ? a : (Map<String, Object>) a.get(kind), y = kind == null ? b : (Map<String, Object>) b.get(kind);
            return ((Number) y.get(key)).doubleValue() - ((Number) x.get(key)).doubleValue();
        };
        double rtp = d.applyAsDouble(null, "rtp") * 8 / 1000 / seconds;
        double recording = d.applyAsDouble(null, "recorded") * 8 / 1000 / seconds;
        double caps = ((Number) b.get("caps")).doubleValue() / 1000;
        System.out.printf("[oral-mesh] six in the mesh, the student's upstream: RTP payload+headers %.0f kbit/s to 5 peers (payload caps %.0f),"
                        + " recording %.0f kbit/s, in all %.0f kbit/s; RTP header bytes per packet: audio %.1f, video %.1f; audio packets/s per peer %.1f%n",
                rtp, caps, recording, rtp + recording, d.applyAsDouble("audio", "header") / d.applyAsDouble("audio", "packets"),
                d.applyAsDouble("video", "header") / d.applyAsDouble("video", "packets"), d.applyAsDouble("audio", "packets") / seconds / 5);
        // by the caps the page set (the bound a busy encoder never exceeds): oral-mesh.js's own sum with headers, and
        // the recording's caps; the caps really are on the senders
        double byCaps = ((Number) p.evaluate("u => import('/js/oral-mesh.js').then(m => m.shares(u, Array(5).fill(m.PROFILES.full)).wireKbps)",
                upstream - (recordingVideo + recordingAudio) / 1000)).doubleValue() + (recordingVideo + recordingAudio) / 1000.0;
        System.out.printf("[oral-mesh] six in the mesh, the student's upstream by the caps: %.0f kbit/s with headers and the recording%n", byCaps);
        assertTrue(caps > 200 && caps <= upstream, "the student's payload caps: " + caps);
        assertTrue(byCaps <= 512, "by the caps: " + byCaps);
        // measured (on a loaded machine the encoders may stay under their caps: the figure is printed for the docs)
        assertTrue(rtp > 40, "the student's media flows: " + rtp);
        assertTrue(recording > 20, "the recording runs: " + recording);
        assertTrue(rtp + recording <= 512, "the student's whole upstream: " + (rtp + recording) + " kbit/s");
    }

    @Test
    void theMeshWorksForcedThroughARealTurnRelay() throws Exception {
        Coturn.assumeRunning();
        Room r = room();
        Map<String, Page> pages = new LinkedHashMap<>();
        for (String who : PEOPLE) pages.put(who, open(who, r.url(), true));
        // the server issued time-limited TURN credentials (TURN REST: expiry:user)
        JsonPath video = Api.as("chair").get("/api/oral/sittings/" + r.sitting() + "/video").then().statusCode(200).extract().jsonPath();
        assertTrue(video.getString("iceServers[0].username").endsWith(":" + r.ids().get("chair")), video.prettify());
        List<String> candidates = everyoneDecodes(r, pages);
        assertTrue(candidates.stream().allMatch("relay"::equals), "through TURN: " + candidates);
        System.out.println("[oral-mesh] relay upstream kbit/s, student: " + upstreamKbps(pages.get("student")));
    }
}
