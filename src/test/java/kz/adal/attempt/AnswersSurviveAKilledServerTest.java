package kz.adal.attempt;

import io.restassured.path.json.JsonPath;
import kz.adal.testing.JarNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server process killed with SIGKILL while a student's answers are being saved: after a restart
 * on the same database every answer it acknowledged is there. The packaged jar is started and killed
 * by the test — on the embedded default database (build it with {@code mvn -B package -DskipTests})
 * and on PostgreSQL (a fresh database per run; the jar from {@code bench/build-pg-jar.sh}; skipped
 * when that jar is not built). {@code -Dadal.kill-test.h2-url=...} runs the embedded case on another
 * URL (e.g. the old one without {@code WRITE_DELAY=0}, to see the loss it caused).
 */
class AnswersSurviveAKilledServerTest {
    private static final String PASSWORD = "demo1234";

    @Test
    void onTheEmbeddedDefaultDatabaseNoAcknowledgedAnswerIsLost(@TempDir Path dir) throws Exception {
        String url = System.getProperty("adal.kill-test.h2-url");
        Map<String, String> env = url == null ? Map.of() : Map.of("ADAL_DB_URL", url);
        assertNothingLost(JarNode.create(JarNode.H2_JAR, dir, 18401, env), "H2, " + (url == null ? "the default URL" : url));
    }

    @Test
    void onPostgreSqlNoAcknowledgedAnswerIsLost(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.exists(JarNode.PG_JAR), "no " + JarNode.PG_JAR + ": bench/build-pg-jar.sh builds it");
        String db = "adal_lost_" + ProcessHandle.current().pid();
        psql("createdb", db);
        try {
            assertNothingLost(JarNode.create(JarNode.PG_JAR, dir, 18402, Map.of(
                    "ADAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + db, "ADAL_DB_USER", "postgres", "ADAL_DB_PASSWORD", "")), "PostgreSQL");
        } finally {
            psql("dropdb", db);
        }
    }

    private static void psql(String tool, String db) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(tool, "-h", "127.0.0.1", "-U", "postgres", db).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), tool + " " + db + ": " + out);
    }

    private static void assertNothingLost(JarNode node, String database) throws Exception {
        String attemptId;
        Map<Integer, Long> acked = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        try (node; HttpClient http = HttpClient.newHttpClient()) {
            node.start();
            String token = node.login(http, "student");
            JsonPath exams = JsonPath.from(node.call(http, token, "GET", "/api/student/exams", null).body());
            String examId = exams.getString("find { it.canStart }.examId");
            attemptId = JsonPath.from(node.call(http, token, "POST", "/api/exams/" + examId + "/attempt", null).body()).getString("id");
            HttpResponse<String> started = node.call(http, token, "POST", "/api/attempts/" + attemptId + "/start", "{}");
            assertEquals(200, started.statusCode(), started.body());
            int questions = JsonPath.from(node.call(http, token, "GET", "/api/attempts/" + attemptId + "/paper", null).body())
                    .getList("questions").size();

            // students answering as fast as the server acknowledges; the kill comes in the middle of it
            AtomicLong seq = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> savers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                savers.add(Thread.ofPlatform().daemon().start(() -> {
                    while (running.get()) {
                        int pos = ThreadLocalRandom.current().nextInt(questions);
                        long s = seq.incrementAndGet();
                        try {
                            HttpResponse<String> r = node.call(http, token, "PUT", "/api/attempts/" + attemptId + "/answers/" + pos,
                                    "{\"selected\":[" + (s % 5) + "],\"marked\":false,\"seq\":" + s + "}");
                            if (r.statusCode() == 200 && JsonPath.from(r.body()).getBoolean("applied")) {
                                acked.merge(pos, s, Math::max);
                                acks.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException gone) {
                            return;   // the server is gone
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            long until = System.nanoTime() + 60_000_000_000L;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> acks.get() >= 100);
            // right after an acknowledgement: the newest commits are the ones a delayed write loses
            int seen = acks.get();
            while (acks.get() == seen && System.nanoTime() < until) Thread.onSpinWait();
            node.kill();
            running.set(false);
            for (Thread t : savers) t.join(10_000);
        }
        assertTrue(acks.get() >= 100, "enough saves were acknowledged before the kill: " + acks.get());

        try (node; HttpClient http = HttpClient.newHttpClient()) {
            node.start();
            String token = node.login(http, "student");
            JsonPath paper = JsonPath.from(node.call(http, token, "GET", "/api/attempts/" + attemptId + "/paper", null).body());
            List<String> lost = new ArrayList<>();
            acked.forEach((pos, s) -> {
                long stored = paper.getLong("questions[" + pos + "].seq");
                if (stored < s) lost.add("question " + (pos + 1) + ": acknowledged seq " + s + ", stored " + stored);
            });
            // the figure docs/reliability.md quotes
            System.out.printf("kill test on %s (%s): %d saves acknowledged before the kill, %d questions lost an acknowledged answer%n",
                    node.dir, database, acks.get(), lost.size());
            assertEquals(List.of(), lost, acks.get() + " saves acknowledged before the kill; these were lost");
        }
    }


}
