package kz.adal.proctoring.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for live proctoring against one running Adal node (PostgreSQL build). See
 * docs/benchmarks.md, "Live proctoring".
 *
 * <p>Each simulated student holds a socket ({@code /ws/attempts/{id}}) and sends a heartbeat every 5 s,
 * an event every {@code --event-seconds} (alternately tab hidden/visible, so each one changes the
 * proctor's tile), a 20 KB JPEG snapshot every 10 s and saves an answer over HTTP every 30 s. M proctors
 * ({@code /ws/proctor}) watch 50 attempts each. Measured: event-to-proctor latency (the event's send to
 * the tile it changed arriving at the proctor), answer-save latency, the server's CPU and heap per
 * connection. Steps of N students, each {@code --step-seconds}; stops at the first step that misses
 * p99 &lt; 1 s (events) or p99 &lt; 100 ms (answers).
 *
 * <p>{@code --serve-echo PORT} runs the bare Vert.x WebSocket echo server used for comparison;
 * {@code --echo PORT --pid P} loads it with the same traffic (the echo round trip stands for the event latency).
 *
 * <p>Options: --base http://127.0.0.1:8080 --jdbc jdbc:postgresql://127.0.0.1:5432/test --db-user postgres
 * --steps 500,1000,2000 --step-seconds 60 --pid (server pid) --key src/main/resources/keys/demo-private.pem
 */
public final class LiveBench {
    private static final int PER_PROCTOR = 50;
    private static final int SNAPSHOT_BYTES = 20_000;
    private final Map<String, String> opt;
    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000L, 36);
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    // HTTP/1.1: the JDK client's default h2c upgrade puts every answer save on one HTTP/2 connection, whose request
    // bodies stalled under load (issue 17: 38 server threads waiting in readBlocking for bodies, the database idle)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final ConcurrentLinkedQueue<Long> eventLatency = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> answerLatency = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answerErrors = new AtomicInteger();
    private final AtomicInteger socketErrors = new AtomicInteger();
    private final Map<String, Long> pendingEvent = new ConcurrentHashMap<>();
    // the counts checked at the end: nothing sent may be lost
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong eventsAcked = new AtomicLong();
    private final AtomicLong answersSent = new AtomicLong();
    private final AtomicLong answersSaved = new AtomicLong();
    private final AtomicLong snapshotsSent = new AtomicLong();
    private final AtomicLong snapshotsToProctors = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    /** Every message the students send (heartbeats, events, snapshots): the unit of "CPU per message". */
    private final AtomicLong messagesSent = new AtomicLong();
    private final byte[] snapshotFrame;
    private final String snapshotB64;
    private final int snapshotSeconds;

    private LiveBench(Map<String, String> opt) {
        this.opt = opt;
        byte[] jpeg;
        if (opt.containsKey("jpeg")) {
            // a real camera picture (--jpeg face.jpg): the server's face checks do their real work on it
            try {
                jpeg = Files.readAllBytes(Path.of(opt.get("jpeg")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            jpeg = new byte[SNAPSHOT_BYTES];
            ThreadLocalRandom.current().nextBytes(jpeg);
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
        }
        this.snapshotB64 = Base64.getEncoder().encodeToString(jpeg);
        // the page's binary frame (kz.adal.proctoring.live.SnapshotFrame): camera, time (ms), the JPEG
        this.snapshotFrame = new byte[9 + jpeg.length];
        snapshotFrame[0] = 1;
        System.arraycopy(jpeg, 0, snapshotFrame, 9, jpeg.length);
        this.snapshotSeconds = Integer.parseInt(opt.getOrDefault("snapshot-seconds", "10"));   // 0: no snapshots
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) continue;
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opt.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        if (opt.containsKey("serve-echo")) {
            serveEcho(Integer.parseInt(opt.get("serve-echo")));
            return;
        }
        new LiveBench(opt).run();
        System.exit(0);
    }

    /** The bare comparison: a Vert.x WebSocket server that echoes every text message to its sender. */
    static void serveEcho(int port) throws Exception {
        Vertx v = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        v.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(131072).setMaxWebSocketMessageSize(262144))
                .webSocketHandler(ws -> {
                    ws.textMessageHandler(ws::writeTextMessage);
                    ws.binaryMessageHandler(ws::writeBinaryMessage);
                })
                .listen(port).toCompletionStage().toCompletableFuture().get();
        System.out.println("echo server on " + port + ", pid " + ProcessHandle.current().pid());
        new CountDownLatch(1).await();
    }

    record Person(UUID id, String login, String token) {
    }

    record Student(Person person, UUID attempt) {
    }

    private void run() throws Exception {
        boolean echo = opt.containsKey("echo");
        String base = opt.getOrDefault("base", "http://127.0.0.1:8080");
        URI uri = URI.create(echo ? "http://127.0.0.1:" + opt.get("echo") : base);
        List<Integer> steps = new ArrayList<>();
        for (String s : opt.getOrDefault("steps", "500,1000,2000").split(",")) steps.add(Integer.parseInt(s.trim()));
        int max = Collections.max(steps);
        int stepSeconds = Integer.parseInt(opt.getOrDefault("step-seconds", "60"));
        int eventSeconds = Integer.parseInt(opt.getOrDefault("event-seconds", "15"));
        String pid = opt.get("pid");
        System.out.printf("Adal live proctoring benchmark (%s): %s, steps %s, %d s each, %d cores shared with the server (generator on %d)%n",
                echo ? "bare Vert.x echo" : "Adal", uri, steps, stepSeconds, cores(), Runtime.getRuntime().availableProcessors());

        List<Student> students = new ArrayList<>();
        List<Person> proctors = new ArrayList<>();
        if (!echo) setup(max, students, proctors);
        else for (int i = 0; i < max; i++) students.add(new Student(new Person(UUID.randomUUID(), "echo" + i, ""), UUID.randomUUID()));
        long heapBase = pid == null ? -1 : heapAfterGc(pid);
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(max + 1000)
                .setMaxFrameSize(131072).setMaxMessageSize(262144).setConnectTimeout(30_000));
        int proctorsConnected = 0;

        int connected = 0;
        int best = 0;
        boolean allOk = true;
        // added to from the event loops as sockets connect (late ones after the last step, under load)
        List<Long> timers = Collections.synchronizedList(new ArrayList<>());
        for (int n : steps) {
            // this step's proctors (each watches 50 of this step's students: nobody watches a student not yet
            // connected, whose tile would otherwise stay "offline" and be recomputed every second)
            if (!echo) for (; proctorsConnected < Math.min(proctors.size(), (n + PER_PROCTOR - 1) / PER_PROCTOR); proctorsConnected++) {
                connectProctor(client, uri, proctors.get(proctorsConnected));
            }
            // connect the new students (about 200 a second), then run the step
            for (; connected < n; connected++) {
                Student s = students.get(connected);
                connectStudent(client, uri, s, echo, eventSeconds, timers, base);
                if (connected % 200 == 199) Thread.sleep(1000);
            }
            Thread.sleep(5000);
            eventLatency.clear();
            answerLatency.clear();
            answerErrors.set(0);
            long[] cpu0 = cpu(pid);
            long[] machine0 = machineCpu();
            long gen0 = generatorCpuNanos();
            long pg0 = postgresTicks();
            long msg0 = messagesSent.get();
            double[] saves0 = serverSaves();
            long t0 = System.nanoTime();
            Thread.sleep(stepSeconds * 1000L);
            double secs = (System.nanoTime() - t0) / 1e9;
            long[] cpu1 = cpu(pid);
            long[] machine1 = machineCpu();
            long gen1 = generatorCpuNanos();
            long pg1 = postgresTicks();
            long msgs = messagesSent.get() - msg0;
            double[] saves1 = serverSaves();
            long heap = pid == null ? -1 : heapAfterGc(pid);
            long rss = rss(pid);
            List<Long> ev = sorted(eventLatency);
            List<Long> ans = sorted(answerLatency);
            double cpuPct = cpu0 == null ? -1 : (cpu1[0] - cpu0[0]) / 100.0 / secs * 100;
            System.out.printf("%nN = %d students%s: %d events in %.0f s%n", n, echo ? "" : ", " + proctorsConnected + " proctors", ev.size(), secs);
            System.out.printf("  event → %s  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms%n", echo ? "echo  " : "proctor",
                    pct(ev, 50) / 1e3, pct(ev, 99) / 1e3, ev.isEmpty() ? 0 : ev.get(ev.size() - 1) / 1e3);
            if (!echo) System.out.printf("  answer save  p50 %6.1f ms  p99 %7.1f ms  n=%d errors %d%n", pct(ans, 50) / 1e3, pct(ans, 99) / 1e3,
                    ans.size(), answerErrors.get());
            System.out.printf("  server CPU %.0f %% of one core (%.3f %% per connection); heap after GC %.1f MB (%.1f KB per connection); RSS %.0f MB; socket errors %d%n",
                    cpuPct, cpuPct / n, heap / 1e6, (heap - heapBase) / 1e3 / n, rss / 1e6, socketErrors.get());
            double busy = machine1 == null ? -1 : 100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]);
            System.out.printf("  messages from students %.0f/s; server CPU per 1,000 messages %.1f ms; machine busy %.0f %% of %d cores "
                            + "(generator %.0f %%, PostgreSQL %.0f %% of one core); load %s%n",
                    msgs / secs, cpu0 == null ? -1 : (cpu1[0] - cpu0[0]) * 10.0 / Math.max(1, msgs) * 1000, busy,
                    cores(), (gen1 - gen0) / 1e7 / secs, (pg1 - pg0) / secs,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            if (!echo && saves0 != null && saves1 != null && saves1[0] > saves0[0]) {
                System.out.printf("  answer save as the server timed it (micrometer, 200s): mean %.1f ms over %.0f saves%n",
                        (saves1[1] - saves0[1]) * 1000 / (saves1[0] - saves0[0]), saves1[0] - saves0[0]);
            }
            boolean ok = !ev.isEmpty() && pct(ev, 99) < 1_000_000 && (echo || (pct(ans, 99) < 100_000 && answerErrors.get() == 0));
            allOk &= ok;
            if (allOk) best = n;   // only while every step so far passed
            if (!ok && !opt.containsKey("all")) break;
        }
        System.out.printf("%nlargest N with event p99 < 1 s%s: %d%n", echo ? "" : " and answer-save p99 < 100 ms", best);
        synchronized (timers) {
            timers.forEach(vertx::cancelTimer);
        }
        if (!echo) checkCounts();
        if (!echo && !opt.containsKey("keep")) cleanup();
    }

    /**
     * After the last step (timers stopped, 15 s for what is in flight): every event sent was acknowledged and is in
     * the database once, every answer save returned 200, and the proctors received snapshots.
     */
    private void checkCounts() throws Exception {
        Thread.sleep(15_000);
        long stored;
        try (Connection db = db(); PreparedStatement p = db.prepareStatement("select count(*) from proctoring_event e join attempt a on a.id = e.attempt_id "
                + "join app_user u on u.id = a.student_id where u.group_code = ? and e.seq is not null")) {
            p.setString(1, group());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                stored = rs.getLong(1);
            }
        }
        // lost = acknowledged but not stored. An event sent on a socket that then closed is not acknowledged: the page
        // keeps it and sends it again on reconnecting (this generator does not reconnect), so it is counted, not lost
        boolean ok = stored >= eventsAcked.get();
        boolean complete = eventsSent.get() == eventsAcked.get() && eventsSent.get() == stored && answersSent.get() == answersSaved.get();
        System.out.printf("%ncounts: events sent %d, acknowledged %d, stored %d; answers sent %d, saved (200) %d; snapshots sent %d, "
                        + "delivered to proctors %d; error messages from the server %d → %s%n", eventsSent.get(), eventsAcked.get(), stored,
                answersSent.get(), answersSaved.get(), snapshotsSent.get(), snapshotsToProctors.get(), serverErrors.get(),
                ok ? (complete ? "nothing lost, everything acknowledged" : "nothing acknowledged was lost (unacknowledged: refused or cut off, see socket errors)") : "SOMETHING ACKNOWLEDGED WAS LOST");
    }

    private void connectProctor(WebSocketClient client, URI uri, Person p) throws Exception {
        WebSocket ws = client.connect(uri.getPort(), uri.getHost(), "/ws/proctor").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        ws.binaryMessageHandler(b -> snapshotsToProctors.incrementAndGet());
        ws.textMessageHandler(text -> {
            if (!text.startsWith("{\"type\":\"tile\"")) return;
            Matcher m = ATTEMPT.matcher(text);
            if (!m.find()) return;
            Long sent = pendingEvent.remove(m.group(1));
            if (sent != null) eventLatency.add((System.nanoTime() - sent) / 1000);
        });
        ws.writeTextMessage("{\"type\":\"auth\",\"token\":\"" + p.token() + "\"}");
    }

    private static final Pattern ATTEMPT = Pattern.compile("\"attemptId\":\"([0-9a-f-]{36})\"");

    private void connectStudent(WebSocketClient client, URI uri, Student s, boolean echo, int eventSeconds, List<Long> timers, String base) {
        String a = s.attempt().toString();
        client.connect(uri.getPort(), uri.getHost(), echo ? "/" : "/ws/attempts/" + a).onFailure(e -> socketErrors.incrementAndGet()).onSuccess(ws -> {
            AtomicLong seq = new AtomicLong();
            AtomicLong answerSeq = new AtomicLong();
            Runnable[] traffic = {null};   // heartbeats, events, snapshots and answers: once the server said "ready"
            ws.exceptionHandler(e -> socketErrors.incrementAndGet());
            ws.closeHandler(v -> socketErrors.incrementAndGet());
            if (echo) {
                ws.textMessageHandler(text -> {
                    if (!text.startsWith("{\"type\":\"event\"")) return;
                    Long sent = pendingEvent.remove(a);
                    if (sent != null) eventLatency.add((System.nanoTime() - sent) / 1000);
                });
            } else {
                ws.textMessageHandler(text -> {
                    if (text.startsWith("{\"type\":\"ack\"")) eventsAcked.incrementAndGet();
                    else if (text.startsWith("{\"type\":\"ready\"")) traffic[0].run();   // the page sends nothing before "ready"
                    else if (text.startsWith("{\"type\":\"error\"")) {
                        if (serverErrors.incrementAndGet() <= 5) System.out.println("server said: " + text);
                    }
                });
                ws.writeTextMessage("{\"type\":\"auth\",\"attemptId\":\"" + a + "\",\"token\":\"" + s.person().token() + "\",\"tab\":\"bench\"}");
            }
            traffic[0] = () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            timers.add(vertx.setPeriodic(r.nextLong(1, 5000), 5000, t -> {
                messagesSent.incrementAndGet();
                ws.writeTextMessage("{\"type\":\"hb\",\"attemptId\":\"" + a + "\"}");
            }));
            boolean json = opt.containsKey("json-snapshots");   // the JSON/base64 form of pages before issue 17
            if (snapshotSeconds > 0) timers.add(vertx.setPeriodic(r.nextLong(1, snapshotSeconds * 1000L), snapshotSeconds * 1000L, t -> {
                snapshotsSent.incrementAndGet();
                messagesSent.incrementAndGet();
                if (json) {
                    ws.writeTextMessage("{\"type\":\"snapshot\",\"attemptId\":\"" + a + "\",\"at\":\"" + Instant.now() + "\",\"jpeg\":\"" + snapshotB64 + "\"}");
                } else {
                    byte[] frame = snapshotFrame.clone();
                    long ms = System.currentTimeMillis();
                    for (int i = 8; i >= 1; i--, ms >>>= 8) frame[i] = (byte) ms;
                    ws.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(frame));
                }
            }));
            timers.add(vertx.setPeriodic(r.nextLong(1, eventSeconds * 1000L), eventSeconds * 1000L, t -> {
                long n = seq.incrementAndGet();
                eventsSent.incrementAndGet();
                messagesSent.incrementAndGet();
                pendingEvent.put(a, System.nanoTime());
                ws.writeTextMessage("{\"type\":\"event\",\"attemptId\":\"" + a + "\",\"seq\":" + n + ",\"kind\":\""
                        + (n % 2 == 1 ? "visibility.hidden" : "visibility.visible") + "\",\"at\":\"" + Instant.now() + "\"}");
            }));
            if (!echo) {
                timers.add(vertx.setPeriodic(r.nextLong(1, 30_000), 30_000, t -> Thread.ofVirtual().start(() -> {
                    long q = answerSeq.incrementAndGet();
                    answersSent.incrementAndGet();
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/attempts/" + a + "/answers/" + r.nextInt(30)))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + s.person().token())
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"selected\":[" + ThreadLocalRandom.current().nextInt(5)
                                    + "],\"marked\":false,\"seq\":" + q + "}")).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                        answerLatency.add((System.nanoTime() - t0) / 1000);
                        if (resp.statusCode() != 200) answerErrors.incrementAndGet();
                        else answersSaved.incrementAndGet();
                    } catch (Exception e) {
                        answerErrors.incrementAndGet();
                    }
                })));
            }
            };
            if (echo) traffic[0].run();
        });
    }

    // ------------------------------------------------------------------ data (PostgreSQL, as AttemptBench)

    private Connection db() throws Exception {
        return DriverManager.getConnection(opt.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/test"),
                opt.getOrDefault("db-user", "postgres"), opt.getOrDefault("db-password", ""));
    }

    private String group() {
        return "LIVE-" + run;
    }

    /** N students with started attempts (30 questions each), M = N/50 proctors assigned 50 attempts each. */
    private void setup(int n, List<Student> students, List<Person> proctors) throws Exception {
        PrivateKey key = privateKey(Path.of(opt.getOrDefault("key", "src/main/resources/keys/demo-private.pem")));
        try (Connection db = db()) {
            db.setAutoCommit(false);
            UUID version;
            UUID teacher;
            List<UUID> questions = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("select v.id from bank_version v where v.language = 'en' and v.state = 'APPROVED' "
                    + "and (select count(*) from question q where q.version_id = v.id) >= 100 order by v.created_at limit 1")) {
                if (!rs.next()) throw new IllegalStateException("no approved English bank: run the server once with ADAL_DEMO=true");
                version = rs.getObject(1, UUID.class);
            }
            try (ResultSet rs = db.createStatement().executeQuery("select id from question where version_id = '" + version + "' limit 30")) {
                while (rs.next()) questions.add(rs.getObject(1, UUID.class));
            }
            try (ResultSet rs = db.createStatement().executeQuery("select id from app_user where login = 'teacher'")) {
                rs.next();
                teacher = rs.getObject(1, UUID.class);
            }
            List<Person> people = people(db, n, "STUDENT", key);
            proctors.addAll(people(db, (n + PER_PROCTOR - 1) / PER_PROCTOR, "PROCTOR", key));
            UUID exam = UUID.randomUUID();
            Instant now = Instant.now();
            try (PreparedStatement e = db.prepareStatement("insert into exam(id, title, kind, discipline, group_code, academic_period, "
                    + "bank_version_id, question_count, duration_minutes, attempts_allowed, mix_easy, mix_medium, mix_hard, multiple_correct_rule, "
                    + "opens_at, closes_at, late_start_policy, delivery_mode, state, created_by, created_at) values "
                    + "(?, ?, 'INTERMEDIATE_ATTESTATION', 'Bench', ?, '2026-2027/1', ?, 30, 50, 1, 40, 40, 20, 'ALL_OR_NOTHING', "
                    + "?, ?, 'REFUSE_AFTER_CLOSE_MINUS_DURATION', 'REMOTE_PROCTORED', 'PUBLISHED', ?, ?)")) {
                e.setObject(1, exam); e.setString(2, "Live bench " + run); e.setString(3, group()); e.setObject(4, version);
                e.setTimestamp(5, Timestamp.from(now.minusSeconds(60))); e.setTimestamp(6, Timestamp.from(now.plus(Duration.ofHours(6))));
                e.setObject(7, teacher); e.setTimestamp(8, Timestamp.from(now));
                e.executeUpdate();
            }
            try (PreparedStatement a = db.prepareStatement("insert into attempt(id, exam_id, student_id, round, state, algorithm, seed, started_at, "
                    + "duration_seconds, deadline_at, created_at, checks_at) values (?, ?, ?, 1, 'IN_PROGRESS', 'bench', 1, ?, 10800, ?, ?, ?)");
                 PreparedStatement q = db.prepareStatement("insert into attempt_question(attempt_id, position, question_id, difficulty, option_order) "
                         + "values (?, ?, ?, 'EASY', '0,1,2,3,4')");
                 PreparedStatement pa = db.prepareStatement("insert into proctor_assignment(id, proctor_id, attempt_id, assigned_by, assigned_at) "
                         + "values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < people.size(); i++) {
                    UUID attempt = UUID.randomUUID();
                    Timestamp t = Timestamp.from(now);
                    a.setObject(1, attempt); a.setObject(2, exam); a.setObject(3, people.get(i).id()); a.setTimestamp(4, t);
                    a.setTimestamp(5, Timestamp.from(now.plus(Duration.ofHours(3)))); a.setTimestamp(6, t); a.setTimestamp(7, t);
                    a.addBatch();
                    for (int p = 0; p < questions.size(); p++) {
                        q.setObject(1, attempt); q.setInt(2, p); q.setObject(3, questions.get(p));
                        q.addBatch();
                    }
                    pa.setObject(1, UUID.randomUUID()); pa.setObject(2, proctors.get(i / PER_PROCTOR).id()); pa.setObject(3, attempt);
                    pa.setObject(4, teacher); pa.setTimestamp(5, t);
                    pa.addBatch();
                    students.add(new Student(people.get(i), attempt));
                    if (i % 500 == 499) {
                        a.executeBatch(); q.executeBatch();
                    }
                }
                a.executeBatch();
                q.executeBatch();
                pa.executeBatch();
            }
            db.commit();
        }
        System.out.printf("setup: %d students with started attempts, %d proctors × %d attempts%n", n, proctors.size(), PER_PROCTOR);
    }

    private List<Person> people(Connection db, int n, String role, PrivateKey key) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofHours(12)));
        List<Person> out = new ArrayList<>(n);
        try (PreparedStatement u = db.prepareStatement("insert into app_user(id, login, full_name, password_hash, state, group_code, "
                + "instruction_language, ui_language, created_at) values (?, ?, ?, 'bench-no-login', 'ACTIVE', ?, 'en', 'en', ?)");
             PreparedStatement r = db.prepareStatement("insert into user_role(user_id, role) values (?, ?)");
             PreparedStatement s = db.prepareStatement("insert into user_session(id, user_id, refresh_hash, created_at, expires_at) values (?, ?, 'bench', ?, ?)")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                UUID sid = UUID.randomUUID();
                String login = "live-" + run + "-" + role.toLowerCase() + "-" + i;
                u.setObject(1, id); u.setString(2, login); u.setString(3, "Bench " + role + " " + i); u.setString(4, group()); u.setTimestamp(5, now);
                u.addBatch();
                r.setObject(1, id); r.setString(2, role);
                r.addBatch();
                s.setObject(1, sid); s.setObject(2, id); s.setTimestamp(3, now); s.setTimestamp(4, later);
                s.addBatch();
                out.add(new Person(id, login, token(key, id, login, sid, role)));
            }
            u.executeBatch();
            r.executeBatch();
            s.executeBatch();
        }
        return out;
    }

    private void cleanup() throws Exception {
        try (Connection db = db()) {
            db.setAutoCommit(false);
            for (String sql : List.of(
                    "delete from proctoring_event where attempt_id in (select a.id from attempt a join app_user u on u.id = a.student_id where u.group_code = ?)",
                    "delete from proctoring_snapshot where attempt_id in (select a.id from attempt a join app_user u on u.id = a.student_id where u.group_code = ?)",
                    "delete from proctoring_session where attempt_id in (select a.id from attempt a join app_user u on u.id = a.student_id where u.group_code = ?)",
                    "delete from proctor_assignment where proctor_id in (select id from app_user where group_code = ?)",
                    "delete from attempt where student_id in (select id from app_user where group_code = ?)",
                    "delete from exam where group_code = ?",
                    "delete from app_user where group_code = ?")) {
                try (PreparedStatement p = db.prepareStatement(sql)) {
                    p.setString(1, group());
                    p.executeUpdate();
                }
            }
            db.commit();
            System.out.println("bench data removed (audit entries stay: the log is append-only)");
        }
    }

    private static String token(PrivateKey key, UUID id, String login, UUID sid, String role) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"adal\",\"sub\":\"" + id + "\",\"upn\":\"" + login + "\",\"groups\":[\"" + role + "\"],\"sid\":\"" + sid
                + "\",\"name\":\"Bench\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    // ------------------------------------------------------------------ measuring

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> q) {
        List<Long> l = new ArrayList<>(q);
        Collections.sort(l);
        return l;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** utime + stime of the server in clock ticks (100 per second). */
    private static long[] cpu(String pid) throws Exception {
        if (pid == null) return null;
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    /** The machine's busy and total jiffies from /proc/stat (all cores). */
    private static long[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (Exception e) {
            return null;
        }
    }

    /** The machine's cores (the generator itself may be pinned to fewer). */
    private static long cores() {
        try {
            return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
        } catch (Exception e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks (1/100 s) of every PostgreSQL process. */
    private static long postgresTicks() {
        long sum = 0;
        for (ProcessHandle h : ProcessHandle.allProcesses().toList()) {
            if (!h.info().command().orElse("").contains("postgres")) continue;
            try {
                long[] c = cpu(Long.toString(h.pid()));
                if (c != null) sum += c[0];
            } catch (Exception gone) {
                // a backend that ended meanwhile
            }
        }
        return sum;
    }

    /** count and sum (s) of answer saves answered 200, from the server's own metrics ({@code --metrics URL}). */
    private double[] serverSaves() {
        String url = opt.get("metrics");
        if (url == null) return null;
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double count = 0, sum = 0;
            for (String line : body.split("\n")) {
                if (!line.contains("method=\"PUT\"") || !line.contains("status=\"200\"") || !line.contains("/answers/")) continue;
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_count")) count += v;
                else if (line.startsWith("http_server_requests_seconds_sum")) sum += v;
            }
            return new double[] {count, sum};
        } catch (Exception e) {
            return null;
        }
    }

    private static long rss(String pid) throws Exception {
        if (pid == null) return -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        return -1;
    }

    private static long heapAfterGc(String pid) throws Exception {
        exec("jcmd", pid, "GC.run");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(exec("jcmd", pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
