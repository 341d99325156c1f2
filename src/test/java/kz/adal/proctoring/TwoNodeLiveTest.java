package kz.adal.proctoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real nodes: the packaged jar started twice by {@code deploy/multi-node/run-local.sh} with the
 * settings of its env files (Redis pub/sub on 127.0.0.1:6379), sharing one database — an H2 file in
 * AUTO_SERVER mode here, because the test build's jar is the H2 one; in production PostgreSQL. A
 * proctor on node A sees a student's event sent to node B, and the proctor's warning reaches the
 * student on B. Needs the jar: {@code mvn -B package -DskipTests} first.
 */
class TwoNodeLiveTest {
    private static final int PORT_A = 18581;
    private static final int PORT_B = 18582;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static kz.adal.testing.TwoNodes nodes;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = kz.adal.testing.TwoNodes.start("adal-two-nodes", PORT_A, PORT_B);
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (nodes != null) nodes.close();
    }

    private static JsonNode call(int port, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(LiveSocket.JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " → " + r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? null : LiveSocket.JSON.readTree(r.body());
    }

    private static String login(int port, String login) throws Exception {
        return call(port, "POST", "/api/auth/login", null, Map.of("login", login, "password", "demo1234")).path("accessToken").asText();
    }

    /** A published exam for the demo student.en's group, admitted; written straight into the shared database. */
    private static UUID examForStudentEn() throws Exception {
        UUID exam = UUID.randomUUID();
        try (Connection c = nodes.database()) {
            UUID teacher = id(c, "select id from app_user where login = 'teacher'");
            UUID student = id(c, "select id from app_user where login = 'student.en'");
            UUID version = id(c, "select id from bank_version where language = 'en' and number = 1");
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("insert into exam (id, title, kind, discipline, group_code, academic_period, "
                    + "bank_version_id, question_count, duration_minutes, attempts_allowed, mix_easy, mix_medium, mix_hard, "
                    + "multiple_correct_rule, opens_at, closes_at, late_start_policy, delivery_mode, state, created_by, created_at) "
                    + "values (?, 'Two-node exam', 'INTERMEDIATE_ATTESTATION', 'Mathematics', 'IS-22-1e', '2026-2027/1', ?, 5, 50, 1, "
                    + "40, 40, 20, 'ALL_OR_NOTHING', ?, ?, 'REFUSE_AFTER_CLOSE_MINUS_DURATION', 'REMOTE_PROCTORED', 'PUBLISHED', ?, ?)")) {
                ps.setObject(1, exam);
                ps.setObject(2, version);
                ps.setTimestamp(3, Timestamp.from(now.minusSeconds(600)));
                ps.setTimestamp(4, Timestamp.from(now.plusSeconds(4 * 3600)));
                ps.setObject(5, teacher);
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into exam_admission (exam_id, student_id, admitted, reason, source, "
                    + "decided_by, decided_at) values (?, ?, true, 'all control tasks done', 'MANUAL', ?, ?)")) {
                ps.setObject(1, exam);
                ps.setObject(2, student);
                ps.setObject(3, teacher);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
            }
        }
        return exam;
    }

    private static UUID id(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getObject(1, UUID.class);
        }
    }

    @Test
    void aProctorOnNodeASeesAStudentOnNodeB() throws Exception {
        UUID exam = examForStudentEn();
        String teacher = login(PORT_A, "teacher");
        String proctor = login(PORT_A, "proctor");
        String student = login(PORT_B, "student.en");
        call(PORT_A, "POST", "/api/proctor/assignments", teacher, Map.of("proctorLogin", "proctor", "examId", exam.toString()));
        String attempt = call(PORT_B, "POST", "/api/exams/" + exam + "/attempt", student, null).path("id").asText();
        // the packaged app asks for recording consent before a proctored exam (issue 5)
        String version = call(PORT_B, "GET", "/api/exams/" + exam + "/recording-consent", student, null).path("noticeVersion").asText();
        call(PORT_B, "PUT", "/api/exams/" + exam + "/recording-consent", student,
                Map.of("decision", "GRANTED", "rulesAcknowledged", true, "noticeVersion", version));
        call(PORT_B, "POST", "/api/attempts/" + attempt + "/start", student, Map.of());

        try (LiveSocket console = LiveSocket.proctor(new URL("http://127.0.0.1:" + PORT_A + "/"), proctor);
             LiveSocket ws = LiveSocket.student(new URL("http://127.0.0.1:" + PORT_B + "/"), attempt, student, "tab-1")) {
            assertEquals("node-b", ws.await(m -> LiveSocket.type(m, "ready")).path("node").asText());
            console.tile(attempt, t -> t.path("connection").asText().equals("online"));
            long sent = System.nanoTime();
            ws.event(attempt, 1, "visibility.hidden", Map.of());
            JsonNode tile = console.tile(attempt, t -> t.path("openFlags").asInt() == 1);
            long ms = (System.nanoTime() - sent) / 1_000_000;
            System.out.printf("two nodes: event on node B reached the proctor on node A in %d ms%n", ms);
            assertTrue(ms < 1000, "took " + ms + " ms");
            assertEquals("TAB_LEFT", tile.path("flags").get(0).path("type").asText());

            // and back: the proctor's warning (REST on node A) reaches the student's socket on node B
            call(PORT_A, "POST", "/api/proctor/attempts/" + attempt + "/messages", proctor, Map.of("kind", "WARNING", "text", "Stay in the tab"));
            assertEquals("Stay in the tab", ws.await(m -> LiveSocket.type(m, "message")).path("text").asText());
        }
        String logA = Files.readString(nodes.log("node-a"));
        assertTrue(logA.contains("bus: redis"), "node A uses Redis");
    }
}
