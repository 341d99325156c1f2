package kz.adal.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.adal.bank.BankRows;
import kz.adal.exam.DeliveryMode;
import kz.adal.identity.Role;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document ({@code /api/openapi}) called as every kind of caller, against
 * real ids, compared with the table {@code src/test/resources/access-matrix.csv}. "Allowed" means the
 * caller gets past the access checks (any answer but 401/403/404: a 400 for the empty body or a 409 for
 * the state is fine); everyone else must get 401, 403 or 404.
 *
 * <p><b>Adding a row.</b> An operation without a row fails this test, which names it and prints the row
 * it observed today; all observed rows are also written to {@code target/access-matrix.observed.csv}.
 * Check the printed row against the rules (who may do this, 001 §…), fix the code if it is too wide,
 * then paste the row into the table. Callers are listed in the table's header.
 *
 * <p>Order: reads first, then writes, then deletes; for each operation the callers that must be refused go
 * first, so a wrongly allowed write is seen before anything changed. Writes get an empty body of the right
 * media type; {@code /api/auth/*} is called with fresh tokens (logout would end the shared ones). Where
 * a path id could not be tied to a real object (an id kind the fixtures don't make), a 404 for an allowed
 * caller is accepted — the row then proves only the role check.
 */
@QuarkusTest
class AccessMatrixTest {
    static final Path TABLE = Path.of("src/test/resources/access-matrix.csv");
    static final Path OBSERVED = Path.of("target/access-matrix.observed.csv");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Caller name → demo login (null = anonymous); owner, other-student and other-teacher are made per run. */
    static final List<String> CALLERS = List.of("anonymous", "owner", "other-student", "admin", "teacher", "other-teacher", "author",
            "head", "expert", "dean", "policy", "vicerector", "registrar", "portal", "proctor", "secretary", "reviewer");

    record Op(String method, String path, String mediaType) {
        String key() { return method + "," + path; }
    }

    record World(Map<String, String> logins, Map<String, String> ids) {}

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() throws IOException {
        List<Op> ops = operations();
        Map<String, Set<String>> table = readTable();
        World world = world();
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> observedRows = new TreeMap<>();
        ops.sort((a, b) -> Integer.compare(phase(a.method()), phase(b.method())));
        // callers asked at once (the common pool has one worker on a 2-core machine); the workers keep the test's
        // class loader, which the token cache's Jackson needs
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ForkJoinPool calls = new ForkJoinPool(6, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setContextClassLoader(loader);
            return t;
        }, null, false);
        for (Op op : ops) {
            Set<String> expected = table.get(op.key());
            boolean resolved = !op.path().contains("{");
            String url = resolve(op.path(), world.ids());
            boolean allIdsReal = !url.contains(UNKNOWN);
            List<String> order = new ArrayList<>(CALLERS);
            if (expected != null) order.sort((a, b) -> Boolean.compare(expected.contains(a), expected.contains(b)));
            Set<String> passed = new LinkedHashSet<>();
            // reads change nothing: all callers at once; writes one by one, the refused callers first, and those together
            // (a refused write changes nothing either; one wrongly let through is reported all the same)
            Map<String, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            List<String> together = op.method().equals("GET") ? order
                    : expected == null ? List.of() : order.stream().filter(c -> !expected.contains(c)).toList();
            calls.submit(() -> together.parallelStream().forEach(c -> statuses.put(c, call(op, url, c, world)))).join();
            for (String caller : order) {
                int status = statuses.containsKey(caller) ? statuses.get(caller) : call(op, url, caller, world);
                boolean refused = status == 401 || status == 403 || status == 404;
                if (!refused) passed.add(caller);
                if (expected == null) continue;
                if (expected.contains(caller) && refused && !(status == 404 && !allIdsReal)) {
                    wrong.add(op.key() + " as " + caller + " → " + status + " (should get past the access check)");
                } else if (!expected.contains(caller) && !refused) {
                    wrong.add(op.key() + " as " + caller + " → " + status + " (should be refused)");
                }
            }
            String row = op.key() + "," + describe(passed);
            observedRows.put(op.key(), row);
            if (expected == null) missing.add(row);
            if (!resolved && !allIdsReal) observedRows.put(op.key(), row + "   # ids not all real: " + url);
        }
        calls.shutdown();
        Files.createDirectories(OBSERVED.getParent());
        Files.write(OBSERVED, observedRows.values(), StandardCharsets.UTF_8);
        List<String> stale = table.keySet().stream().filter(k -> ops.stream().noneMatch(o -> o.key().equals(k))).toList();
        StringBuilder report = new StringBuilder();
        if (!missing.isEmpty()) report.append("Operations without a row in ").append(TABLE).append(" (observed today; check, then add):\n")
                .append(String.join("\n", missing)).append("\n");
        if (!stale.isEmpty()) report.append("Rows for operations that no longer exist:\n").append(String.join("\n", stale)).append("\n");
        if (!wrong.isEmpty()) report.append("Answers that differ from the table:\n").append(String.join("\n", wrong)).append("\n");
        assertTrue(report.isEmpty(), report.toString());
    }

    // ------------------------------------------------------------------ the table

    static Map<String, Set<String>> readTable() throws IOException {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int hash = l.indexOf('#');
            if (hash > 0) l = l.substring(0, hash).strip();
            String[] f = l.split(",", 3);
            if (f.length < 3) throw new IllegalStateException("Bad row (method,path,allowed): " + line);
            Set<String> allowed = new LinkedHashSet<>();
            for (String w : f[2].strip().split("\\s+")) {
                switch (w) {
                    case "ALL" -> allowed.addAll(CALLERS);
                    case "AUTHENTICATED" -> CALLERS.stream().filter(c -> !c.equals("anonymous")).forEach(allowed::add);
                    case "NONE" -> { }
                    default -> {
                        if (!CALLERS.contains(w)) throw new IllegalStateException("Unknown caller '" + w + "' in: " + line);
                        allowed.add(w);
                    }
                }
            }
            if (rows.put(f[0].strip() + "," + f[1].strip(), allowed) != null) throw new IllegalStateException("Two rows for " + f[0] + " " + f[1]);
        }
        return rows;
    }

    static String describe(Set<String> passed) {
        if (passed.containsAll(CALLERS)) return "ALL";
        if (passed.isEmpty()) return "NONE";
        if (passed.size() == CALLERS.size() - 1 && !passed.contains("anonymous")) return "AUTHENTICATED";
        return String.join(" ", CALLERS.stream().filter(passed::contains).toList());
    }

    // ------------------------------------------------------------------ the operations

    static List<Op> operations() throws IOException {
        JsonNode doc = JSON.readTree(RestAssured.given().accept("application/json").queryParam("format", "json").get("/api/openapi")
                .then().statusCode(200).extract().asString());
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().startsWith("/api/")) continue;
            for (Iterator<Map.Entry<String, JsonNode>> ms = p.getValue().fields(); ms.hasNext(); ) {
                Map.Entry<String, JsonNode> m = ms.next();
                String method = m.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) continue;
                Iterator<String> types = m.getValue().path("requestBody").path("content").fieldNames();
                ops.add(new Op(method, p.getKey(), types.hasNext() ? types.next() : null));
            }
        }
        return ops;
    }

    static int phase(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    // ------------------------------------------------------------------ the callers and their world

    static final String UNKNOWN = "00000000-0000-4000-8000-00000000dead";

    /** Path parameter (by the segment before it, then by name) → a real id of this run, or a fixed value. */
    static String resolve(String template, Map<String, String> ids) {
        String[] parts = template.split("/");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].startsWith("{")) continue;
            String name = parts[i].substring(1, parts[i].length() - 1);
            String before = i > 0 ? parts[i - 1] : "";
            String v = ids.get(before + "/" + name);
            if (v == null) v = ids.get(name);
            parts[i] = v == null ? UNKNOWN : v;
        }
        return String.join("/", parts);
    }

    static World world() {
        String group = Fixtures.group("AM");
        Fixtures.Person owner = Fixtures.student("amown", group);
        Fixtures.Person other = Fixtures.student("amoth", group);
        Fixtures.Person otherTeacher = Fixtures.person("amtch", Set.of(Role.TEACHER), null);
        Fixtures.Person throwaway = Fixtures.person("amusr", Set.of(Role.TEACHER), null);
        UUID exam = Fixtures.publishedExam(group, "Access matrix", 5, 50, DeliveryMode.REMOTE_PROCTORED);
        Fixtures.admit(exam, owner.id(), "access matrix");
        Fixtures.admit(exam, other.id(), "access matrix");
        Api.as("teacher").body(Map.of("proctorLogin", "proctor", "examId", exam.toString())).post("/api/proctor/assignments")
                .then().statusCode(200);
        String attempt = owner.api().post("/api/exams/" + exam + "/attempt").then().statusCode(200).extract().path("id");
        owner.api().body(Map.of()).post("/api/attempts/" + attempt + "/start").then().statusCode(200);
        String sheet = owner.api().body(Map.of("examId", exam.toString(), "reason", "ill", "documentName", "c.pdf",
                        "documentType", "application/pdf", "documentBase64", Base64.getEncoder().encodeToString("%PDF-1.4".getBytes())))
                .post("/api/sheets").then().statusCode(200).extract().path("id");
        BankRows.Version v = BankRows.demo("en");

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("exams/id", exam.toString());
        ids.put("examId", exam.toString());
        ids.put("attempts/id", attempt);
        ids.put("attemptId", attempt);
        ids.put("sheets/id", sheet);
        ids.put("users/id", throwaway.id().toString());
        ids.put("studentId", owner.id().toString());
        ids.put("ownerId", attempt);
        ids.put("bank-versions/id", v.id().toString());
        ids.put("versionId", v.id().toString());
        ids.put("banks/id", v.bankId().toString());
        ids.put("year", "2091");   // a year no other test uses: writes to it harm nobody
        ids.put("date", "2091-01-05");
        ids.put("kind", "CAMERA");
        ids.put("owners/kind", "attempt");
        ids.put("seq", "0");
        ids.put("position", "1");
        ids.put("token", "not-a-ticket");
        ids.put("key", "not-a-session");

        Map<String, String> logins = new LinkedHashMap<>();
        for (String c : CALLERS) logins.put(c, c);
        logins.put("anonymous", null);
        logins.put("owner", owner.login());
        logins.put("other-student", other.login());
        logins.put("other-teacher", otherTeacher.login());
        return new World(logins, ids);
    }

    /**
     * One plain HTTP/1.1 client for the whole matrix (thousands of calls): RestAssured builds a client and a Groovy
     * filter chain per request, which made this single test the slowest of the suite; the statuses are the same.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    static int call(Op op, String url, String caller, World world) {
        String login = world.logins().get(caller);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + url))
                .timeout(Duration.ofSeconds(60)).header("Accept", "*/*");
        if (login != null) {
            String token = url.startsWith("/api/auth/") ? Api.freshToken(login, Api.PASSWORD) : Api.token(login);
            req.header("Authorization", "Bearer " + token);
        }
        if (op.method().equals("GET") || op.method().equals("DELETE")) {
            req.method(op.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            Body body = body(op.mediaType());
            req.header("Content-Type", body.contentType()).method(op.method(), body.bytes().length == 0
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        }
        try {
            return HTTP.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(op.key() + " as " + caller, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Body(String contentType, byte[] bytes) {
        static Body of(String contentType, String text) {
            return new Body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String BOUNDARY = "adal-access-matrix";

    static final Map<String, Body> BODIES = Map.of(
            "application/json", Body.of("application/json", "{}"),
            "text/csv", Body.of("text/csv", "x\n"),
            "text/plain", Body.of("text/plain", "x"),
            "multipart/form-data", Body.of("multipart/form-data; boundary=" + BOUNDARY, "--" + BOUNDARY + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n"),
            // an HTML form post (the LTI launch): one field that means nothing
            "application/x-www-form-urlencoded", Body.of("application/x-www-form-urlencoded", "x=x"));

    static Body body(String type) {
        // no request body in the document: still say JSON (resources declare @Consumes(JSON) for the class)
        if (type == null) return new Body("application/json", new byte[0]);
        Body b = BODIES.get(type);
        return b != null ? b : new Body(type, new byte[]{1, 2, 3});
    }
}
