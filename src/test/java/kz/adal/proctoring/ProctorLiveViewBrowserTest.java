package kz.adal.proctoring;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proctor's live view (003 §16, issue 14): the proctor opens one student's live view from the console; from
 * {@code getStats()} the console decodes the student's camera and screen video frames and audio; what it costs
 * the student's upstream is measured; closing it stops the student's side.
 */
@QuarkusTest
class ProctorLiveViewBrowserTest {
    @TestHTTPResource("/")
    URL base;

    /** Collects the page's peer connections (test-side only). */
    static final String HOOK = """
            (() => {
              const Native = window.RTCPeerConnection;
              window.__pcs = [];
              window.RTCPeerConnection = function (cfg) { const pc = new Native(cfg); window.__pcs.push(pc); return pc; };
              window.RTCPeerConnection.prototype = Native.prototype;
            })();
            """;

    /** Per inbound video stream: frames decoded and size; audio packets; outbound bytes. */
    static final String STATS = """
            async () => {
              const out = { videos: [], audio: 0, sent: 0 };
              for (const pc of window.__pcs || []) {
                if (pc.connectionState !== 'connected') continue;
                (await pc.getStats()).forEach(s => {
                  if (s.type === 'inbound-rtp' && s.kind === 'video') out.videos.push({ mid: s.mid, frames: s.framesDecoded || 0, width: s.frameWidth || 0 });
                  if (s.type === 'inbound-rtp' && s.kind === 'audio') out.audio += s.packetsReceived || 0;
                  if (s.type === 'outbound-rtp') out.sent += (s.bytesSent || 0) + (s.headerBytesSent || 0);
                });
              }
              return out;
            }
            """;

    @SuppressWarnings("unchecked")
    static Map<String, Object> stats(Page p) {
        return (Map<String, Object>) p.evaluate(STATS);
    }

    @Test
    void aProctorWatchesAStudentsCameraAndScreenLive() throws Exception {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Proctored.Sitting s = Proctored.started();
        Proctored.Person proctor = Proctored.proctor();
        Proctored.assign(proctor, s.examId());
        String a = s.attemptId();
        try (BrowserContext proctorCtx = Browser.context(); BrowserContext studentCtx = Browser.context()) {
            proctorCtx.addInitScript(HOOK);
            studentCtx.addInitScript(HOOK);
            Page exam = Browser.loggedIn(studentCtx, base.toString(), s.student().login());
            exam.navigate(base + "student/exam.html?attempt=" + a);
            assertThat(exam.locator("#proctoring-state")).hasAttribute("data-state", "online");
            exam.locator("#proctoring-start").click();
            assertThat(exam.locator("#proctoring-bar")).hasAttribute("data-sharing", "yes");

            Page console = Browser.loggedIn(proctorCtx, base.toString(), proctor.login());
            console.evaluate("localStorage.setItem('adal.lang', 'en')");
            console.navigate(base + "proctor/index.html");
            console.locator(".pc-tile[data-attempt='" + a + "']").click();
            console.locator("#pc-live-open").click();
            assertThat(console.locator("#live-state[data-state=connected]")).isVisible();

            // both video streams (camera, screen) and the microphone decode, and keep decoding
            Map<String, Object> first = awaitFrames(console);
            Thread.sleep(1500); // frames must grow over a short window
            Map<String, Object> later = stats(console);
            List<Map<String, Object>> v1 = (List<Map<String, Object>>) first.get("videos");
            List<Map<String, Object>> v2 = (List<Map<String, Object>>) later.get("videos");
            assertEquals(2, v2.size(), "camera and screen: " + later);
            for (int i = 0; i < 2; i++) {
                assertTrue(((Number) v2.get(i).get("frames")).longValue() > ((Number) v1.get(i).get("frames")).longValue(), "decoding: " + later);
            }
            assertTrue(((Number) later.get("audio")).longValue() > 0, "the student's microphone: " + later);
            console.waitForFunction("() => document.querySelector('#live-screen').videoWidth > 0 && document.querySelector('#live-camera').videoWidth > 0");
            Browser.screenshot(console, "proctor-live-view");

            // what the live view costs the student's upstream (only the live view's connection sends here)
            long before = ((Number) stats(exam).get("sent")).longValue();
            long t0 = System.nanoTime();
            Thread.sleep(4000); // a measurement window
            long after = ((Number) stats(exam).get("sent")).longValue();
            double kbps = (after - before) * 8 / 1000.0 / ((System.nanoTime() - t0) / 1e9);
            System.out.println("[live-view] the student's upstream for one live view: " + Math.round(kbps) + " kbit/s");
            assertTrue(kbps > 20 && kbps < 800, "live view upstream " + kbps);

            // closed: the student's side stops
            console.locator("#live-close").click();
            assertThat(console.locator("#live-view")).hasCount(0);
            exam.waitForFunction("() => window.__pcs.length > 0 && window.__pcs.every(pc => pc.connectionState === 'closed')");
        }
    }

    private static Map<String, Object> awaitFrames(Page console) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40)).until(() -> {
            List<Map<String, Object>> v = (List<Map<String, Object>>) stats(console).get("videos");
            return v.size() == 2 && v.stream().allMatch(x -> ((Number) x.get("frames")).longValue() > 0);
        });
        return stats(console);
    }
}
