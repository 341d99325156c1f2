package kz.adal.attempt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.adal.testing.JarNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted fault run (docs/reliability.md): students answering, a few also recording, through a
 * fault-injecting TCP proxy (connection resets before the request, requests cut half-way, responses
 * lost after the server answered), with page reloads and {@code kill -9} of the server jar, for a
 * bounded time on loopback. At the end, with the faults off, it compares what the server acknowledged
 * with what it stores: answers (per question, the acknowledged seq is stored or a newer one) and
 * recording chunks, duplicate attempts, and prints "lost = 0" or the losses.
 *
 * <p>Run with bench/fault-run.sh. Options: --jar, --students 12, --recorders 3, --seconds 180,
 * --kills 2, --fault-percent 15 (each request: a third resets, a third cut, a third lost responses),
 * --reload-seconds 20, --db-url (PostgreSQL: a jdbc URL; the embedded database otherwise).
 */
public final class FaultRun {
    private static final String PASSWORD = "demo1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> opt;
    private final int serverPort = 18490;
    private final AtomicBoolean faults = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger resets = new AtomicInteger(), cuts = new AtomicInteger(), lostResponses = new AtomicInteger();
    private final AtomicInteger reloads = new AtomicInteger(), kills = new AtomicInteger(), requests = new AtomicInteger();
    private final AtomicInteger answersAcked = new AtomicInteger(), chunksAcked = new AtomicInteger();
    private final int faultPercent;
    private ServerSocket proxy;

    private FaultRun(Map<String, String> opt) {
        this.opt = opt;
        this.faultPercent = Integer.parseInt(opt.getOrDefault("fault-percent", "15"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        new FaultRun(opt).run();
        System.exit(0);
    }

    // ------------------------------------------------------------------ the fault-injecting proxy

    private void startProxy() throws IOException {
        proxy = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!proxy.isClosed()) {
                try {
                    Socket c = proxy.accept();
                    Thread.ofVirtual().start(() -> serve(c));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private String viaProxy() { return "http://127.0.0.1:" + proxy.getLocalPort(); }

    private String direct() { return "http://127.0.0.1:" + serverPort; }

    /** One connection; each request on it draws its fault: none, reset before it, cut half-way, or its response lost. */
    private void serve(Socket client) {
        AtomicBoolean dropNext = new AtomicBoolean();
        try (client; Socket server = new Socket()) {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5000);
            Thread up = Thread.ofVirtual().start(() -> {
                try {
                    InputStream in = client.getInputStream();
                    OutputStream out = server.getOutputStream();
                    byte[] buf = new byte[65536];
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        if (startsRequest(buf, n)) {
                            requests.incrementAndGet();
                            int roll = ThreadLocalRandom.current().nextInt(300);
                            if (faults.get() && roll < faultPercent) {            // reset: the request never leaves
                                resets.incrementAndGet();
                                reset(client, server);
                                return;
                            } else if (faults.get() && roll < 2 * faultPercent) { // cut half-way
                                cuts.incrementAndGet();
                                out.write(buf, 0, n / 2);
                                out.flush();
                                reset(client, server);
                                return;
                            } else if (faults.get() && roll < 3 * faultPercent) { // the answer is lost on the way back
                                dropNext.set(true);
                            }
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    server.shutdownOutput();
                } catch (IOException ignored) {
                    // closed
                }
            });
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (dropNext.get()) {
                    lostResponses.incrementAndGet();
                    reset(client, server);
                    return;
                }
                out.write(buf, 0, n);
                out.flush();
            }
            up.join(1000);
        } catch (IOException | InterruptedException ignored) {
            // a closed side ends the connection
        }
    }

    private static boolean startsRequest(byte[] buf, int n) {
        String head = new String(buf, 0, Math.min(n, 8), StandardCharsets.ISO_8859_1);
        return head.startsWith("GET ") || head.startsWith("PUT ") || head.startsWith("POST ");
    }

    private static void reset(Socket client, Socket server) {
        try {
            client.setSoLinger(true, 0);
            client.close();
            server.setSoLinger(true, 0);
            server.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    // ------------------------------------------------------------------ HTTP

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(String base, String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Retries until the server answers (through faults and restarts), as a page does. */
    private JsonNode until(String base, String method, String path, String token, String json, int expect) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = send(base, method, path, token, json);
                if (r.statusCode() == expect) return r.body().isEmpty() ? null : JSON.readTree(r.body());
                last = r.statusCode() + " " + r.body();
                // a busy login (429) and server trouble are retried, as a page does; other refusals end the student
                if (r.statusCode() < 500 && r.statusCode() != 429) throw new IllegalStateException(method + " " + path + ": " + last);
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(300, 1500));
        }
        throw new IllegalStateException(method + " " + path + " never answered: " + last);
    }

    private String login(String base, String login) throws InterruptedException {
        return until(base, "POST", "/api/auth/login", null, "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}", 200)
                .get("accessToken").asText();
    }

    // ------------------------------------------------------------------ the run

    /** What one student did and what the server acknowledged. */
    private static final class Student {
        final String login;
        final boolean records;
        String token;
        String attemptId;
        final Set<String> attemptIds = ConcurrentHashMap.newKeySet();
        final Map<Integer, Long> ackedSeq = new ConcurrentHashMap<>();
        /** The page's localStorage: changes not yet acknowledged, kept across reloads. */
        final Map<Integer, long[]> pending = new TreeMap<>();
        long seq;
        int questions;
        int segment = -1;
        final Set<String> chunksAcked = ConcurrentHashMap.newKeySet();

        Student(String login, boolean records) {
            this.login = login;
            this.records = records;
        }
    }

    private void run() throws Exception {
        int n = Integer.parseInt(opt.getOrDefault("students", "12"));
        int recorders = Integer.parseInt(opt.getOrDefault("recorders", "3"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "180"));
        int killCount = Integer.parseInt(opt.getOrDefault("kills", "2"));
        int reloadSeconds = Integer.parseInt(opt.getOrDefault("reload-seconds", "20"));
        Path jar = Paths.get(opt.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"));
        Path dir = Files.createTempDirectory("adal-fault-run");
        Map<String, String> env = new HashMap<>();
        if (opt.containsKey("db-url")) {
            env.put("ADAL_DB_URL", opt.get("db-url"));
            env.put("ADAL_DB_USER", "postgres");
            env.put("ADAL_DB_PASSWORD", "");
        }
        JarNode node = JarNode.create(jar, dir, serverPort, env);
        System.out.printf("fault run: %s, %d students (%d recording), %d s, %d kills, faults on %d %% of requests, reloads every ~%d s, in %s%n",
                jar, n, recorders, seconds, killCount, faultPercent, reloadSeconds, dir);
        // the jar goes with this program, however it ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }));
        node.start();
        startProxy();

        // setup, without faults: N students in the demo student's group, admitted to its exam
        String admin = login(direct(), "admin");
        String demo = login(direct(), "student");
        String examId = null;
        for (JsonNode e : until(direct(), "GET", "/api/student/exams", demo, null, 200)) {
            if (e.path("canStart").asBoolean()) examId = e.get("examId").asText();
        }
        if (examId == null) throw new IllegalStateException("the demo student has no exam to start");
        String tag = Long.toString(System.currentTimeMillis() % 100000, 36);
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Student s = new Student("fault-" + tag + "-" + i, i < recorders);
            JsonNode u = until(direct(), "POST", "/api/users", admin, JSON.writeValueAsString(Map.of("login", s.login,
                    "fullName", "Fault Run " + i, "roles", List.of("STUDENT"), "groupCode", "IS-22-1k", "password", PASSWORD,
                    "instructionLanguage", "kk")), 200);
            until(direct(), "PUT", "/api/exams/" + examId + "/admissions/" + u.get("user").get("id").asText(), admin,
                    "{\"admitted\":true,\"reason\":\"fault run\"}", 200);
            students.add(s);
        }
        byte[][] chunks = new byte[3][];
        double[][] times = new double[3][];
        List<String> index = Files.readAllLines(Paths.get("src/test/resources/media/camera-vp8-opus/chunks.tsv"));
        for (String line : index) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            int seq = Integer.parseInt(f[0]);
            if (seq >= 3) continue;
            chunks[seq] = Files.readAllBytes(Paths.get(String.format("src/test/resources/media/camera-vp8-opus/chunk-%06d.webm", seq)));
            times[seq] = new double[]{Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        }
        final String exam = examId;

        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Student s : students) threads.add(Thread.ofPlatform().daemon().start(() -> student(s, exam, end, reloadSeconds, chunks, times)));

        // kill -9 at even intervals, restarting at once on the same database
        for (int k = 1; k <= killCount; k++) {
            long at = start + Duration.ofSeconds((long) seconds * k / (killCount + 1)).toNanos();
            while (System.nanoTime() < at) Thread.sleep(100);
            node.kill();
            kills.incrementAndGet();
            System.out.printf("  %3d s: kill -9 (acknowledged so far: %d answers, %d chunks)%n",
                    (System.nanoTime() - start) / 1_000_000_000L, answersAcked.get(), chunksAcked.get());
            node.start();
            System.out.printf("  %3d s: restarted%n", (System.nanoTime() - start) / 1_000_000_000L);
        }
        for (Thread t : threads) t.join(Duration.ofMinutes(10));
        faults.set(false);

        // the verdict, read directly from the server
        int answersLost = 0, questionsChecked = 0, chunksLost = 0, chunksStored = 0, chunksAckedDistinct = 0, duplicateAttempts = 0;
        for (Student s : students) {
            String token = login(direct(), s.login);
            if (s.attemptIds.size() > 1) duplicateAttempts += s.attemptIds.size() - 1;
            JsonNode paper = until(direct(), "GET", "/api/attempts/" + s.attemptId + "/paper", token, null, 200);
            for (Map.Entry<Integer, Long> a : s.ackedSeq.entrySet()) {
                questionsChecked++;
                long stored = paper.get("questions").get(a.getKey()).get("seq").asLong();
                if (stored < a.getValue()) {
                    answersLost++;
                    System.out.printf("  LOST: %s question %d acknowledged seq %d, stored %d%n", s.login, a.getKey() + 1, a.getValue(), stored);
                }
            }
            if (s.records) {
                JsonNode rec = until(direct(), "GET", "/api/attempts/" + s.attemptId + "/recording", token, null, 200);
                int stored = 0;
                for (JsonNode t : rec.path("tracks")) stored += t.path("chunks").asInt();
                chunksStored += stored;
                chunksAckedDistinct += s.chunksAcked.size();
                if (stored < s.chunksAcked.size()) chunksLost += s.chunksAcked.size() - stored;
            }
        }
        node.close();
        System.out.printf("%nfaults: %d requests through the proxy; %d reset before sending, %d cut half-way, %d responses lost after the server answered%n",
                requests.get(), resets.get(), cuts.get(), lostResponses.get());
        System.out.printf("reloads: %d; kill -9: %d%n", reloads.get(), kills.get());
        System.out.printf("answers: %d acknowledged saves over %d questions; lost (stored older than acknowledged): %d%n",
                answersAcked.get(), questionsChecked, answersLost);
        System.out.printf("chunks: %d acknowledged (%d distinct), %d stored; lost: %d%n", chunksAcked.get(), chunksAckedDistinct, chunksStored, chunksLost);
        System.out.printf("duplicate attempts: %d%n", duplicateAttempts);
        System.out.printf("lost = %d%n", answersLost + chunksLost);
        if (answersLost + chunksLost + duplicateAttempts > 0) System.exit(1);
    }

    /** One student: opens and starts the attempt, answers, (records), reloads now and then; everything retried as a page does. */
    private void student(Student s, String examId, long end, int reloadSeconds, byte[][] chunks, double[][] times) {
        try {
            s.token = login(viaProxy(), s.login);
            JsonNode a = until(viaProxy(), "POST", "/api/exams/" + examId + "/attempt", s.token, null, 200);
            s.attemptId = a.get("id").asText();
            s.attemptIds.add(s.attemptId);
            until(viaProxy(), "POST", "/api/attempts/" + s.attemptId + "/start", s.token, "{}", 200);
            load(s);
            long nextReload = System.nanoTime() + jitter(reloadSeconds);
            while (System.nanoTime() < end) {
                if (System.nanoTime() > nextReload) {
                    // a reload: the page's memory is gone, localStorage (pending) stays; the paper is read again
                    reloads.incrementAndGet();
                    JsonNode again = until(viaProxy(), "POST", "/api/exams/" + examId + "/attempt", s.token, null, 200);
                    s.attemptIds.add(again.get("id").asText());
                    load(s);
                    nextReload = System.nanoTime() + jitter(reloadSeconds);
                }
                // the student changes an answer
                int pos = ThreadLocalRandom.current().nextInt(s.questions);
                s.pending.put(pos, new long[]{++s.seq, ThreadLocalRandom.current().nextInt(5)});
                flush(s);
                if (s.records) uploadChunk(s, chunks, times);
                Thread.sleep(ThreadLocalRandom.current().nextInt(100, 400));
            }
            // the last changes go out before the run ends (faults still on)
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!s.pending.isEmpty() && System.nanoTime() < deadline) {
                flush(s);
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            System.out.printf("  %s stopped: %s%n", s.login, e);
        }
    }

    private static long jitter(int seconds) {
        return Duration.ofMillis((long) (seconds * 1000 * (0.5 + ThreadLocalRandom.current().nextDouble()))).toNanos();
    }

    private void load(Student s) throws InterruptedException {
        JsonNode paper = until(viaProxy(), "GET", "/api/attempts/" + s.attemptId + "/paper", s.token, null, 200);
        s.questions = paper.get("questions").size();
        for (JsonNode q : paper.get("questions")) s.seq = Math.max(s.seq, q.get("seq").asLong());
        if (s.records) s.segment++;   // the recorder starts a new segment after a reload
    }

    /** Sends the pending changes oldest first; a failed send keeps the change for the next try. */
    private void flush(Student s) throws IOException {
        while (!s.pending.isEmpty()) {
            Map.Entry<Integer, long[]> first = s.pending.entrySet().stream().min((x, y) -> Long.compare(x.getValue()[0], y.getValue()[0])).orElseThrow();
            int pos = first.getKey();
            long[] ch = first.getValue();
            HttpResponse<String> r;
            try {
                r = send(viaProxy(), "PUT", "/api/attempts/" + s.attemptId + "/answers/" + pos, s.token,
                        "{\"selected\":[" + ch[1] + "],\"marked\":false,\"seq\":" + ch[0] + "}");
            } catch (IOException e) {
                return;   // a network fault: kept, tried again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (r.statusCode() != 200) {
                if (r.statusCode() >= 500 || r.statusCode() == 401) return;
                throw new IOException("save refused: " + r.statusCode() + " " + r.body());
            }
            JsonNode ack = JSON.readTree(r.body());
            // acknowledged: the server holds this change or a newer one
            answersAcked.incrementAndGet();
            s.ackedSeq.merge(pos, ch[0], Math::max);
            if (s.pending.get(pos) == ch) s.pending.remove(pos);
            s.seq = Math.max(s.seq, ack.get("seq").asLong());
        }
    }

    private void uploadChunk(Student s, byte[][] chunks, double[][] times) throws IOException {
        // one chunk per step, in order within the segment; the segment's three chunks repeat the fixture
        int seq = s.chunksAcked.stream().filter(k -> k.startsWith(s.segment + ":")).mapToInt(k -> 1).sum();
        if (seq >= 3) return;
        double shift = s.segment * 10_000.0;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(viaProxy() + "/api/attempts/" + s.attemptId
                            + "/tracks/camera/chunks/" + seq)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + s.token).header("Content-Type", "video/webm")
                    .header("X-Adal-Segment", String.valueOf(s.segment))
                    .header("X-Adal-Client-Start", String.valueOf(times[seq][0] + shift))
                    .header("X-Adal-Client-End", String.valueOf(times[seq][1] + shift))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(chunks[seq])).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                if (s.chunksAcked.add(s.segment + ":" + seq)) chunksAcked.incrementAndGet();
            } else if (r.statusCode() < 500 && r.statusCode() != 401) {
                throw new IOException("chunk refused: " + r.statusCode() + " " + r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("chunk refused")) throw e;
            // a network fault: sent again next step
        }
    }
}
