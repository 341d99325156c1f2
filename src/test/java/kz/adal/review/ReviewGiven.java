package kz.adal.review;

import io.quarkus.arc.Arc;
import kz.adal.exam.DeliveryMode;
import kz.adal.identity.Role;
import kz.adal.media.MediaConfig;
import kz.adal.media.finalise.RecordingFinaliseJob;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.EventStore;
import kz.adal.proctoring.live.LiveEvent;
import kz.adal.testing.Fixtures;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A finished, proctored attempt worth reviewing: a fresh exam and student, the attempt started and one answer saved,
 * a tab left for 2 s and a paste (two flags) with an evidence snapshot at each, optionally a real camera and screen
 * recording (Chromium MediaRecorder output committed under {@code test/resources/media}) uploaded so that it covers
 * those flags on the attempt's clock, then submitted and finalised.
 */
final class ReviewGiven {

    record Sitting(UUID examId, UUID attemptId, Fixtures.Person student, Instant tabLeftAt, Instant pasteAt) {
    }

    private ReviewGiven() {
    }

    static Sitting finishedWithFlags(boolean recorded) {
        TimeSource time = Arc.container().instance(TimeSource.class).get();
        EventStore events = Arc.container().instance(EventStore.class).get();
        String group = Fixtures.group("RV");
        UUID examId = Fixtures.publishedExam(group, "Review test", 5, 50, DeliveryMode.REMOTE_PROCTORED);
        Fixtures.Person student = Fixtures.student("rvs", group);
        Fixtures.admit(examId, student.id(), "all control tasks done");
        String id = student.api().post("/api/exams/" + examId + "/attempt").then().statusCode(200).extract().path("id");
        student.api().body("{}").post("/api/attempts/" + id + "/start").then().statusCode(200);
        UUID attempt = UUID.fromString(id);
        // the identity check before the start, as the vision gate records it
        kz.adal.vision.VisionRows.check(new kz.adal.vision.VisionRows.Check(attempt, examId, student.id(),
                kz.adal.vision.IdentityChecks.Status.PASSED, null, 0.62, 1, null, time.now().minusSeconds(1)));
        student.api().body(Map.of("selected", List.of(0), "seq", 1)).put("/api/attempts/" + id + "/answers/1");

        time.advance(Duration.ofSeconds(30));
        Instant upload = time.now();
        if (recorded) {
            upload(student, attempt, "camera", "camera-vp8-opus", upload);
            upload(student, attempt, "screen", "screen-vp8", upload);
        }
        Instant tabLeft = upload.minusSeconds(5);
        Instant paste = upload.minusMillis(1500);
        long seq = 1;
        List<CompletableFuture<EventStore.Outcome>> stored = new ArrayList<>();
        stored.add(append(events, attempt, seq++, "session.start", tabLeft.minusSeconds(2), Map.of("visible", true, "focused", true, "fullscreen", true, "screens", 1)));
        stored.add(append(events, attempt, seq++, "setup.complete", tabLeft.minusSeconds(1), Map.of()));
        stored.add(append(events, attempt, seq++, "visibility.hidden", tabLeft, Map.of()));
        stored.add(append(events, attempt, seq++, "visibility.visible", tabLeft.plusSeconds(2), Map.of()));
        stored.add(append(events, attempt, seq++, "clipboard.paste", paste, Map.of()));
        stored.add(append(events, attempt, seq, "problem.reported", paste.plusMillis(500), Map.of("text", "my mouse froze")));
        stored.forEach(f -> f.orTimeout(10, TimeUnit.SECONDS).join());
        events.keepSnapshot(attempt, tabLeft.plusMillis(200), null, "TAB_LEFT", jpeg("tab left", Color.ORANGE));
        events.keepSnapshot(attempt, paste.plusMillis(100), null, "CLIPBOARD_USED", jpeg("paste", Color.CYAN));
        ProctoringReads reads = new ProctoringReads();
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.snapshots(attempt) == 2);

        time.advance(Duration.ofSeconds(1));
        student.api().post("/api/attempts/" + id + "/submit").then().statusCode(200);
        if (recorded) {
            MediaConfig config = Arc.container().instance(MediaConfig.class).get();
            time.advance(config.uploadGrace().plusSeconds(1));
            Arc.container().instance(RecordingFinaliseJob.class).get().finaliseDue();
        }
        time.reset();
        return new Sitting(examId, attempt, student, tabLeft, paste);
    }

    static Fixtures.Person person(String prefix, Role... roles) {
        return Fixtures.person(prefix, Set.of(roles), null);
    }

    private static CompletableFuture<EventStore.Outcome> append(EventStore events, UUID attempt, long seq, String kind, Instant at,
                                                                Map<String, Object> data) {
        CompletableFuture<EventStore.Outcome> f = new CompletableFuture<>();
        events.append(new LiveEvent(UUID.randomUUID(), attempt, seq, kind, at, at.plusMillis(40), data), "test", f::complete);
        return f;
    }

    /** Uploads a committed recording so its last chunk ends 50 ms before {@code receivedAt} on the attempt clock. */
    private static void upload(Fixtures.Person student, UUID attempt, String kind, String fixture, Instant receivedAt) {
        String index = new String(resource("/media/" + fixture + "/chunks.tsv"), StandardCharsets.UTF_8);
        List<double[]> times = new ArrayList<>();
        for (String line : index.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            times.add(new double[]{Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        double shift = (receivedAt.toEpochMilli() - 50) - times.get(times.size() - 1)[1];
        for (int seq = 0; seq < times.size(); seq++) {
            student.api().contentType("video/webm").header("X-Adal-Segment", 0)
                    .header("X-Adal-Client-Start", String.valueOf(times.get(seq)[0] + shift))
                    .header("X-Adal-Client-End", String.valueOf(times.get(seq)[1] + shift))
                    .body(resource(String.format("/media/%s/chunk-%06d.webm", fixture, seq)))
                    .put("/api/attempts/" + attempt + "/tracks/" + kind + "/chunks/" + seq).then().statusCode(200);
        }
    }

    static byte[] jpeg(String text, Color color) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(text, 20, 130);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReviewGiven.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the proctoring store has (through the review's read methods). */
    static final class ProctoringReads {
        int snapshots(UUID attempt) {
            return Arc.container().instance(kz.adal.proctoring.ProctorQueries.class).get().reviewEvidence(attempt).size();
        }
    }
}
