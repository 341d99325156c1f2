package kz.adal.attempt.bench;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for test delivery against a running Adal (PostgreSQL build). See docs/benchmarks.md.
 *
 * <ol>
 *   <li>setup over JDBC: N students with a live session each (tokens are signed here with the demo key,
 *       so N logins with slow password hashing are not part of the measurement), one published exam of
 *       30 questions for their group, all admitted;</li>
 *   <li>open storm, then start storm: every student opens the exam at a random moment within the window
 *       ({@code --storm-seconds}, default 60): latency of each; between them the students consent (API) and pass the identity check (a row);</li>
 *   <li>sustained answer saves: open-loop steps of increasing rate against the N active attempts, each
 *       for {@code --step-seconds}; reports the highest rate whose p99 stays under 100 ms;</li>
 *   <li>memory: the server's heap after a full GC (jcmd) before the setup and with N active attempts,
 *       and the database's size per attempt.</li>
 * </ol>
 * Options: --base http://127.0.0.1:8080 --jdbc jdbc:postgresql://127.0.0.1:5432/test --db-user postgres
 * --students 1000 --storm-seconds 60 --rates 100,200,400,800 --step-seconds 20 --pid (server pid for jcmd)
 * --key src/main/resources/keys/demo-private.pem --keep (leave the data in the database).
 */
public final class AttemptBench {

    private final Map<String, String> opt;
    // HTTP/1.1: the JDK client's default h2c upgrade puts every request on one HTTP/2 connection, whose bodies stalled
    // under load (issue 17: server threads waiting for request bodies, the database idle)
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String base;
    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000L, 36);

    private AttemptBench(Map<String, String> opt) {
        this.opt = opt;
        this.base = opt.getOrDefault("base", "http://127.0.0.1:8080");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) continue;
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opt.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        new AttemptBench(opt).run();
    }

    record Student(UUID id, String login, UUID session, String token) {
    }

    record Sample(long micros, int status) {
    }

    private void run() throws Exception {
        int n = Integer.parseInt(opt.getOrDefault("students", "1000"));
        int stormSeconds = Integer.parseInt(opt.getOrDefault("storm-seconds", "60"));
        String pid = opt.get("pid");
        System.out.printf("Adal attempt benchmark: %s, %d students, storm over %d s, %d cores (shared with the server)%n",
                base, n, stormSeconds, Runtime.getRuntime().availableProcessors());
        long heapBefore = pid == null ? -1 : heapAfterGc(pid);

        PrivateKey key = privateKey(Path.of(opt.getOrDefault("key", "src/main/resources/keys/demo-private.pem")));
        int warm = Integer.parseInt(opt.getOrDefault("warmup", "200"));
        if (warm > 0) {
            // a cold JVM (interpreter, empty pools) is not what an exam day meets: warm up on a separate exam
            UUID warmExam;
            List<Student> warmStudents;
            String mainGroup = group;
            group = group + "-W";
            try (Connection db = db()) {
                db.setAutoCommit(false);
                warmStudents = createStudents(db, warm, key);
                warmExam = createExam(db, warmStudents);
                db.commit();
            }
            consentAll(warmExam, warmStudents);
            Map<UUID, String> warmOpened = new ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (Student s : warmStudents) {
                    pool.submit(() -> {
                        HttpResponse<String> r = send("POST", "/api/exams/" + warmExam + "/attempt", s.token(), null);
                        if (r != null && r.statusCode() == 200) warmOpened.put(s.id(), field(r.body(), "id"));
                    });
                }
            }
            passIdentityChecks(warmExam, warmStudents, warmOpened);
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (Student s : warmStudents) {
                    String id = warmOpened.get(s.id());
                    if (id == null) continue;
                    pool.submit(() -> {
                        send("POST", "/api/attempts/" + id + "/start", s.token(), "{}");
                        for (int i = 1; i <= 20; i++) {
                            send("PUT", "/api/attempts/" + id + "/answers/" + (i % 30), s.token(), "{\"selected\":[1],\"seq\":" + i + "}");
                        }
                        send("GET", "/api/attempts/" + id + "/paper", s.token(), null);
                    });
                }
            }
            if (!opt.containsKey("keep")) {
                try (Connection db = db()) {
                    db.setAutoCommit(false);
                    cleanup(db, warmExam);
                    db.commit();
                }
            }
            group = mainGroup;
            System.out.printf("warm-up: %d students opened, started and saved 20 answers each (not measured)%n", warm);
            if (pid != null) heapBefore = heapAfterGc(pid);
        }
        UUID examId;
        List<Student> students;
        try (Connection db = db()) {
            db.setAutoCommit(false);
            students = createStudents(db, n, key);
            examId = createExam(db, students);
            db.commit();
        }
        System.out.printf("setup: %d students admitted to exam %s%n", n, examId);

        // ---- the students' consent to recording, given before the exam opens (not measured): the proctored
        // exam's start gate requires it (ConsentGate)
        consentAll(examId, students);

        // ---- open storm, then the pre-exam checks, then the start storm. A student opens the exam, spends
        // minutes on the equipment, consent and identity checks, then starts: the two requests do not come
        // together, so each storm is its own window of N requests (before the pre-exam checks existed, open and
        // start were sent back to back).
        ConcurrentLinkedQueue<Sample> opens = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Sample> starts = new ConcurrentLinkedQueue<>();
        Map<UUID, String> opened = new ConcurrentHashMap<>();
        Map<UUID, String> attempts = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Student s : students) {
                long at = ThreadLocalRandom.current().nextLong(stormSeconds * 1_000_000_000L);
                pool.submit(() -> {
                    sleepUntil(t0 + at);
                    long a = System.nanoTime();
                    HttpResponse<String> r = send("POST", "/api/exams/" + examId + "/attempt", s.token(), null);
                    opens.add(new Sample((System.nanoTime() - a) / 1000, r == null ? -1 : r.statusCode()));
                    if (r != null && r.statusCode() == 200) opened.put(s.id(), field(r.body(), "id"));
                });
            }
        }
        double openTook = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%nopen storm: %d students within %d s (took %.1f s)%n", n, stormSeconds, openTook);
        report("open  (POST /api/exams/{id}/attempt)", opens);

        // the identity check each student passed (the face match is vision's own benchmark, docs/vision.md):
        // written over JDBC as the check page's PASSED outcome
        passIdentityChecks(examId, students, opened);

        long t1 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Student s : students) {
                String id = opened.get(s.id());
                if (id == null) continue;
                long at = ThreadLocalRandom.current().nextLong(stormSeconds * 1_000_000_000L);
                pool.submit(() -> {
                    sleepUntil(t1 + at);
                    long b = System.nanoTime();
                    HttpResponse<String> st = send("POST", "/api/attempts/" + id + "/start", s.token(), "{}");
                    starts.add(new Sample((System.nanoTime() - b) / 1000, st == null ? -1 : st.statusCode()));
                    if (st != null && st.statusCode() == 200) attempts.put(s.id(), id);
                    else if (st != null && starts.size() < 3) System.out.println("start refused: " + st.statusCode() + " " + st.body());
                });
            }
        }
        double startTook = (System.nanoTime() - t1) / 1e9;
        System.out.printf("start storm: %d attempts within %d s (took %.1f s)%n", opened.size(), stormSeconds, startTook);
        report("start (POST /api/attempts/{id}/start)", starts);

        // ---- memory with N active attempts
        if (pid != null) {
            long heapActive = heapAfterGc(pid);
            System.out.printf("%nheap after full GC: before setup %.1f MB, with %d active attempts %.1f MB → %.1f KB per active attempt%n",
                    heapBefore / 1e6, attempts.size(), heapActive / 1e6, (heapActive - heapBefore) / 1e3 / Math.max(1, attempts.size()));
        }
        try (Connection db = db(); ResultSet rs = db.createStatement().executeQuery(
                "select pg_total_relation_size('attempt'), pg_total_relation_size('attempt_question'), "
                        + "(select count(*) from attempt), (select count(*) from attempt_question)")) {
            rs.next();
            System.out.printf("database: attempt %.1f MB + attempt_question %.1f MB for %d attempts / %d questions (all runs) → %.1f KB per attempt%n",
                    rs.getLong(1) / 1e6, rs.getLong(2) / 1e6, rs.getLong(3), rs.getLong(4),
                    (rs.getLong(1) + rs.getLong(2)) / 1e3 / Math.max(1, rs.getLong(3)));
        } catch (Exception e) {
            System.out.println("database size: " + e.getMessage());
        }

        // ---- sustained answer saves
        List<Map.Entry<Student, String>> active = new ArrayList<>();
        for (Student s : students) if (attempts.containsKey(s.id())) active.add(Map.entry(s, attempts.get(s.id())));
        Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
        int stepSeconds = Integer.parseInt(opt.getOrDefault("step-seconds", "20"));
        int best = 0;
        if (active.isEmpty()) throw new IllegalStateException("no attempt started: nothing to save answers to");
        System.out.printf("%nsustained answer saves (PUT /api/attempts/{id}/answers/{pos}) over %d active attempts, %d s per step%n",
                active.size(), stepSeconds);
        for (String rateText : opt.getOrDefault("rates", "100,200,400,800").split(",")) {
            int rate = Integer.parseInt(rateText.trim());
            ConcurrentLinkedQueue<Sample> saves = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            long total = (long) rate * stepSeconds;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long i = 0; i < total; i++) {
                    long at = start + i * 1_000_000_000L / rate;
                    sleepUntil(at);
                    var e = active.get(ThreadLocalRandom.current().nextInt(active.size()));
                    long seq = seqs.computeIfAbsent(e.getValue(), k -> new AtomicLong()).incrementAndGet();
                    int pos = ThreadLocalRandom.current().nextInt(30);
                    int option = ThreadLocalRandom.current().nextInt(5);
                    pool.submit(() -> {
                        long a = System.nanoTime();
                        HttpResponse<String> r = send("PUT", "/api/attempts/" + e.getValue() + "/answers/" + pos, e.getKey().token(),
                                "{\"selected\":[" + option + "],\"marked\":false,\"seq\":" + seq + "}");
                        saves.add(new Sample((System.nanoTime() - a) / 1000, r == null ? -1 : r.statusCode()));
                    });
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            long p99 = report(String.format("%5d/s target, %.0f/s achieved", rate, saves.size() / took), saves);
            long errors = saves.stream().filter(s -> s.status() != 200).count();
            if (p99 < 100_000 && errors == 0) best = Math.max(best, rate);
            if (p99 > 1_000_000) break;   // far past saturation: higher steps only queue
        }
        System.out.printf("%nhighest answer-save rate with p99 < 100 ms and no errors: %d/s%n", best);

        if (!opt.containsKey("keep")) {
            try (Connection db = db()) {
                db.setAutoCommit(false);
                cleanup(db, examId);
                db.commit();
                System.out.println("bench data removed (audit entries stay: the log is append-only)");
            }
        }
    }

    // ------------------------------------------------------------------ HTTP

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) if (m.group(1).equals(name)) return m.group(2);
        throw new IllegalStateException("no " + name + " in " + json);
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Prints count, errors and p50/p95/p99/max in ms; returns p99 in microseconds. */
    private static long report(String what, ConcurrentLinkedQueue<Sample> samples) {
        List<Long> ok = new ArrayList<>();
        Map<Integer, Integer> errors = new TreeMap<>();
        for (Sample s : samples) {
            ok.add(s.micros());
            if (s.status() != 200) errors.merge(s.status(), 1, Integer::sum);
        }
        Collections.sort(ok);
        long p99 = pct(ok, 99);
        System.out.printf("  %-40s n=%6d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %s%n",
                what, ok.size(), pct(ok, 50) / 1e3, pct(ok, 95) / 1e3, p99 / 1e3, ok.isEmpty() ? 0 : ok.get(ok.size() - 1) / 1e3,
                errors.isEmpty() ? "0" : errors + " (status -1 = no response)");
        return p99;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    // ------------------------------------------------------------------ JVM

    private static long heapAfterGc(String pid) throws Exception {
        exec("jcmd", pid, "GC.run");
        String info = exec("jcmd", pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) throw new IllegalStateException("no heap figure in: " + info);
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    // ------------------------------------------------------------------ data

    private Connection db() throws Exception {
        return DriverManager.getConnection(opt.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/test"),
                opt.getOrDefault("db-user", "postgres"), opt.getOrDefault("db-password", ""));
    }

    private String group = "BENCH-" + run;

    private String group() {
        return group;
    }

    private List<Student> createStudents(Connection db, int n, PrivateKey key) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofHours(12)));
        List<Student> out = new ArrayList<>(n);
        try (PreparedStatement u = db.prepareStatement("insert into app_user(id, login, full_name, password_hash, state, group_code, "
                + "instruction_language, ui_language, created_at) values (?, ?, ?, 'bench-no-login', 'ACTIVE', ?, 'en', 'en', ?)");
             PreparedStatement r = db.prepareStatement("insert into user_role(user_id, role) values (?, 'STUDENT')");
             PreparedStatement s = db.prepareStatement("insert into user_session(id, user_id, refresh_hash, created_at, expires_at) "
                     + "values (?, ?, 'bench', ?, ?)")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                UUID sid = UUID.randomUUID();
                String login = "bench-" + run + "-" + i;
                u.setObject(1, id); u.setString(2, login); u.setString(3, "Bench Student " + i); u.setString(4, group()); u.setTimestamp(5, now);
                u.addBatch();
                r.setObject(1, id);
                r.addBatch();
                s.setObject(1, sid); s.setObject(2, id); s.setTimestamp(3, now); s.setTimestamp(4, later);
                s.addBatch();
                out.add(new Student(id, login, sid, token(key, id, login, sid)));
            }
            u.executeBatch();
            r.executeBatch();
            s.executeBatch();
        }
        return out;
    }

    private UUID createExam(Connection db, List<Student> students) throws Exception {
        UUID versionId;
        UUID teacher;
        try (ResultSet rs = db.createStatement().executeQuery(
                "select v.id from bank_version v where v.language = 'en' and v.state = 'APPROVED' "
                        + "and (select count(*) from question q where q.version_id = v.id) >= 100 order by v.created_at limit 1")) {
            if (!rs.next()) throw new IllegalStateException("no approved English bank version: run the server once with ADAL_DEMO=true");
            versionId = rs.getObject(1, UUID.class);
        }
        try (ResultSet rs = db.createStatement().executeQuery("select id from app_user where login = 'teacher'")) {
            rs.next();
            teacher = rs.getObject(1, UUID.class);
        }
        UUID examId = UUID.randomUUID();
        Instant now = Instant.now();
        try (PreparedStatement e = db.prepareStatement("insert into exam(id, title, kind, discipline, group_code, academic_period, "
                + "bank_version_id, question_count, duration_minutes, attempts_allowed, mix_easy, mix_medium, mix_hard, multiple_correct_rule, "
                + "opens_at, closes_at, late_start_policy, results_visible_at, delivery_mode, state, created_by, created_at) values "
                + "(?, ?, 'INTERMEDIATE_ATTESTATION', 'Foundations of mathematics', ?, '2026-2027/1', ?, 30, 50, 1, 40, 40, 20, 'ALL_OR_NOTHING', "
                + "?, ?, 'REFUSE_AFTER_CLOSE_MINUS_DURATION', null, 'REMOTE_PROCTORED', 'PUBLISHED', ?, ?)")) {
            e.setObject(1, examId); e.setString(2, "Bench " + run); e.setString(3, group()); e.setObject(4, versionId);
            e.setTimestamp(5, Timestamp.from(now.minusSeconds(60))); e.setTimestamp(6, Timestamp.from(now.plus(Duration.ofHours(3))));
            e.setObject(7, teacher); e.setTimestamp(8, Timestamp.from(now));
            e.executeUpdate();
        }
        try (PreparedStatement a = db.prepareStatement("insert into exam_admission(exam_id, student_id, admitted, reason, source, decided_by, decided_at) "
                + "values (?, ?, true, 'bench', 'CSV', ?, ?)")) {
            for (Student s : students) {
                a.setObject(1, examId); a.setObject(2, s.id()); a.setObject(3, teacher); a.setTimestamp(4, Timestamp.from(now));
                a.addBatch();
            }
            a.executeBatch();
        }
        return examId;
    }

    /** Every student consents to recording through the API, 16 at a time (the exam is proctored). */
    private void consentAll(UUID examId, List<Student> students) {
        if (students.isEmpty()) return;
        AtomicLong refused = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Student s : students) {
                pool.submit(() -> {
                    HttpResponse<String> r = send("PUT", "/api/exams/" + examId + "/recording-consent", s.token(),
                            "{\"decision\":\"GRANTED\",\"rulesAcknowledged\":true}");
                    if (r == null || r.statusCode() != 200) {
                        if (refused.incrementAndGet() < 3) System.out.println("consent refused: " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
                    }
                });
            }
        }
        System.out.printf("consent: %d students consented to recording (%d refused; not measured)%n", students.size() - refused.get(), refused.get());
    }

    private void passIdentityChecks(UUID examId, List<Student> students, Map<UUID, String> opened) throws Exception {
        try (Connection db = db(); PreparedStatement p = db.prepareStatement("insert into identity_check(id, attempt_id, exam_id, student_id, "
                + "status, similarity, face_count, created_at) values (?, ?, ?, ?, 'PASSED', 0.9, 1, ?)")) {
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (Student s : students) {
                String id = opened.get(s.id());
                if (id == null) continue;
                p.setObject(1, UUID.randomUUID()); p.setObject(2, UUID.fromString(id)); p.setObject(3, examId); p.setObject(4, s.id());
                p.setTimestamp(5, now);
                p.addBatch();
            }
            p.executeBatch();
            db.commit();
        }
        System.out.printf("identity checks: %d attempts passed (written over JDBC; not measured)%n", opened.size());
    }

    /** Removes the exam's rows; what other features added meanwhile (and an FK forgotten here) only leaves data behind. */
    private void cleanup(Connection db, UUID examId) {
        try {
            removeExam(db, examId);
        } catch (Exception e) {
            System.out.println("bench data not removed (" + e.getMessage().lines().findFirst().orElse("") + "): drop the database to clean up");
            try {
                db.rollback();
            } catch (Exception ignored) {
                // the connection is closed by the caller
            }
        }
    }

    private void removeExam(Connection db, UUID examId) throws Exception {
        try (PreparedStatement p = db.prepareStatement("delete from proctor_assignment where exam_id = ? or attempt_id in (select id from attempt where exam_id = ?)")) {
            p.setObject(1, examId); p.setObject(2, examId); p.executeUpdate();
        }
        try (PreparedStatement p = db.prepareStatement("delete from identity_check where exam_id = ?")) { p.setObject(1, examId); p.executeUpdate(); }
        try (PreparedStatement p = db.prepareStatement("delete from recording_consent where exam_id = ?")) { p.setObject(1, examId); p.executeUpdate(); }
        try (PreparedStatement p = db.prepareStatement("delete from attempt where exam_id = ?")) { p.setObject(1, examId); p.executeUpdate(); }
        try (PreparedStatement p = db.prepareStatement("delete from exam where id = ?")) { p.setObject(1, examId); p.executeUpdate(); }
        try (PreparedStatement p = db.prepareStatement("delete from app_user where group_code = ?")) { p.setString(1, group()); p.executeUpdate(); }
    }

    /** An access token as {@code AuthService} issues it (RS256, issuer adal, groups, sid), valid for 2 hours. */
    private static String token(PrivateKey key, UUID id, String login, UUID sid) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"adal\",\"sub\":\"" + id + "\",\"upn\":\"" + login + "\",\"groups\":[\"STUDENT\"],\"sid\":\"" + sid
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
}
