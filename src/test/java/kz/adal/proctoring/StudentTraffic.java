package kz.adal.proctoring;

import io.quarkus.arc.Arc;
import kz.adal.platform.TimeSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Students on an exam day without a browser each: one live socket per started attempt from the test JVM,
 * sending what a browser sends (heartbeats, tab hidden/visible, clipboard, snapshots), so a proctor's
 * console in a real Chromium gets the traffic of a full room. One sender thread: the JDK's WebSocket
 * allows one send at a time per socket.
 */
final class StudentTraffic implements AutoCloseable {

    static final class Student {
        final Proctored.Sitting sitting;
        final LiveSocket socket;
        final AtomicLong seq = new AtomicLong();
        final String snapshot;
        boolean hidden;

        Student(Proctored.Sitting sitting, LiveSocket socket, String snapshot) {
            this.sitting = sitting;
            this.socket = socket;
            this.snapshot = snapshot;
        }

        /** At the server's time (tests may have moved the server's clock, {@link TimeSource#advance}). */
        void event(String kind) {
            socket.send(Map.of("type", "event", "attemptId", sitting.attemptId(), "seq", seq.incrementAndGet(), "kind", kind,
                    "at", CLOCK.now().toString(), "data", Map.of()));
        }
    }

    private static final TimeSource CLOCK = Arc.container().instance(TimeSource.class).get();
    private final List<Student> students = new ArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "student-traffic");
        t.setDaemon(true);
        return t;
    });
    private final Random random = new Random(13);
    final AtomicLong sent = new AtomicLong();

    private StudentTraffic() {
    }

    /** Connects every sitting's socket (authenticated, after {@code ready}). */
    static StudentTraffic connect(URL base, List<Proctored.Sitting> sittings) throws Exception {
        StudentTraffic t = new StudentTraffic();
        int i = 0;
        for (Proctored.Sitting s : sittings) {
            LiveSocket ws = LiveSocket.student(base, s.attemptId(), s.student().token(), "traffic-" + i);
            ws.await(m -> LiveSocket.type(m, "ready"));
            Student st = new Student(s, ws, jpeg(i++));
            t.students.add(st);
            // heartbeats from the start: a socket silent for the heartbeat timeout is closed by the server
            t.sender.scheduleAtFixedRate(() -> t.safely(() -> st.socket.send(Map.of("type", "hb"))), 1000, 2000, TimeUnit.MILLISECONDS);
        }
        return t;
    }

    Student student(int i) {
        return students.get(i);
    }

    /** Runs on the sender thread (never concurrently with the traffic). */
    void now(Runnable r) throws Exception {
        sender.submit(r).get(10, TimeUnit.SECONDS);
    }

    /**
     * Starts the room (heartbeats run from the connection on, every 2 s): every student switches the tab away and back
     * (each switch a tile change and an event) about every {@code eventEvery}, now and then copies
     * something, and sends a snapshot every {@code snapshotEvery} (staggered).
     */
    void start(Duration eventEvery, Duration snapshotEvery) {
        int n = students.size();
        for (int i = 0; i < n; i++) {
            Student s = students.get(i);
            long offset = eventEvery.toMillis() * i / n;
            sender.scheduleAtFixedRate(() -> safely(() -> {
                s.hidden = !s.hidden;
                s.event(s.hidden ? "visibility.hidden" : "visibility.visible");
                if (random.nextInt(5) == 0) s.event("clipboard.copy");
            }), offset, eventEvery.toMillis(), TimeUnit.MILLISECONDS);
            if (!snapshotEvery.isZero()) {
                sender.scheduleAtFixedRate(() -> safely(() -> s.socket.send(Map.of("type", "snapshot", "attemptId", s.sitting.attemptId(),
                                "at", CLOCK.now().toString(), "jpeg", s.snapshot))),
                        snapshotEvery.toMillis() * i / n, snapshotEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            // a closed socket at the end of a test: the room just gets quieter
        }
    }

    /** A camera-like snapshot (~15 KB): a face-ish shape, a mark of the student's own colour and noise. */
    static String jpeg(int i) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(i);
        for (int y = 0; y < 240; y += 4) {
            for (int x = 0; x < 320; x += 4) {
                int v = 90 + r.nextInt(60);
                g.setColor(new Color(v, v - 10, v - 20));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.setColor(new Color(220, 180, 150));
        g.fillOval(110, 50, 100, 130);
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(10, 10, 40, 20);   // tells the students apart without fonts (none on a bare server)
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Override
    public void close() {
        sender.shutdownNow();
        for (Student s : students) s.socket.close();
    }
}
