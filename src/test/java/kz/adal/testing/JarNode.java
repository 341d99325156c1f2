package kz.adal.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged jar started by a test in its own working directory, so the embedded default
 * database ({@code ./data/adal}) and recordings live there. It can be stopped politely or
 * killed with SIGKILL ({@code kill -9}) and started again on the same directory.
 */
public final class JarNode implements AutoCloseable {
    /** The H2 jar of {@code mvn -B package -DskipTests}. */
    public static final Path H2_JAR = Paths.get("target/quarkus-app/quarkus-run.jar");
    /** The PostgreSQL jar of {@code bench/build-pg-jar.sh} (a separate directory: the H2 jar stays). */
    public static final Path PG_JAR = Paths.get("target/pg-app/quarkus-run.jar");

    private final Path jar;
    public final Path dir;
    public final int port;
    private final Map<String, String> env;
    private Process process;

    private JarNode(Path jar, Path dir, int port, Map<String, String> env) {
        this.jar = jar.toAbsolutePath();
        this.dir = dir;
        this.port = port;
        this.env = env;
    }

    /** Skips the calling test when the jar is not built (it is built on purpose, not by every test run). */
    public static JarNode create(Path jar, Path dir, int port, Map<String, String> extraEnv) {
        Assumptions.assumeTrue(Files.exists(jar), "no " + jar + ": build it first (see the test's Javadoc)");
        Map<String, String> env = new HashMap<>(Map.of(
                "ADAL_DEMO", "true",
                "ADAL_VISION_IDENTITY_GATE", "false",
                "ADAL_MEDIA_CONSENT_REQUIRED", "false",
                "ADAL_MAIL_MOCK", "true",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                // the metrics interface's own port: two jars (or a jar and a dev server) must not both want 9000
                "ADAL_MANAGEMENT_PORT", String.valueOf(port + 1000),
                // a shared, loaded test machine: opening a database after a kill may take longer than the 5 s default
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "PT60S",
                // and seeding the demo data may take longer than the 60 s transaction default
                "QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "PT5M"));
        env.putAll(extraEnv);
        return new JarNode(jar, dir, port, env);
    }

    public String base() { return "http://127.0.0.1:" + port; }

    /** One JSON call to this node, with an access token when given, as the pages make them. */
    public HttpResponse<String> call(HttpClient http, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs a demo account in on this node (the jars run with demo data); its access token. */
    public String login(HttpClient http, String login) throws IOException, InterruptedException {
        HttpResponse<String> r = call(http, null, "POST", "/api/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + Api.PASSWORD + "\"}");
        org.junit.jupiter.api.Assertions.assertEquals(200, r.statusCode(), r.body());
        return io.restassured.path.json.JsonPath.from(r.body()).getString("accessToken");
    }

    public JarNode start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx384m", "-jar", jar.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)   // not listening yet
                    .until(() -> {
                        if (!process.isAlive()) throw new IllegalStateException("the jar stopped:\n" + logTail());
                        return http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            return this;
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the jar did not become ready:\n" + logTail());
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("node.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL: no shutdown hook, no flush, as when the machine's OOM killer or an operator's kill -9 hits. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() { return process.pid(); }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        }
    }
}
