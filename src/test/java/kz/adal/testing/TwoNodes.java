package kz.adal.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real nodes: the packaged jar started twice by {@code deploy/multi-node/run-local.sh} with the settings of
 * its env files (Redis pub/sub on 127.0.0.1:6379), sharing one database — an H2 file in AUTO_SERVER mode here,
 * because the test build's jar is the H2 one; in production PostgreSQL. Demo data on, identity gate off (it has
 * its own tests). Needs the jar: {@code mvn -B package -DskipTests} first (the test is skipped without it).
 */
public final class TwoNodes implements AutoCloseable {
    private static final Path SCRIPT = Paths.get("deploy/multi-node/run-local.sh");
    private static final Path JAR = Paths.get("target/quarkus-app/quarkus-run.jar");

    /** The run directory: each node's work directory and log ({@code node-a.log}, {@code node-b.log}). */
    public final Path run;
    public final int portA;
    public final int portB;
    private final String dbUrl;

    private TwoNodes(Path run, int portA, int portB) {
        this.run = run;
        this.portA = portA;
        this.portB = portB;
        this.dbUrl = "jdbc:h2:file:" + run.resolve("shared/adal") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    public static TwoNodes start(String name, int portA, int portB) throws Exception {
        Assumptions.assumeTrue(Files.exists(JAR), "run `mvn -B package -DskipTests` first: this test starts the packaged jar twice");
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            assertTrue(s.isConnected());
        } catch (IOException e) {
            throw new IllegalStateException("Redis is not running on 127.0.0.1:6379", e);
        }
        TwoNodes nodes = new TwoNodes(Files.createTempDirectory(name), portA, portB);
        nodes.script("start");
        return nodes;
    }

    /** A JDBC connection to the nodes' shared database (for setting up what the demo data lacks). */
    public java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(dbUrl, "adal", "adal");
    }

    public Path log(String node) {
        return run.resolve(node + ".log");
    }

    @Override
    public void close() throws Exception {
        script("stop");
    }

    private void script(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString(), command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("ADAL_JAR", JAR.toAbsolutePath().toString());
        env.put("ADAL_RUN_DIR", run.toString());
        env.put("NODE_A_PORT", String.valueOf(portA));
        env.put("NODE_B_PORT", String.valueOf(portB));
        // metrics ports: any free one (helpers and CI may run two-node tests side by side)
        env.put("NODE_A_MANAGEMENT_PORT", "0");
        env.put("NODE_B_MANAGEMENT_PORT", "0");
        env.put("ADAL_DB_URL", dbUrl);
        env.put("ADAL_DB_USER", "adal");
        env.put("ADAL_DB_PASSWORD", "adal");
        env.put("ADAL_VISION_IDENTITY_GATE", "false");
        env.put("ADAL_DEMO", "true");
        env.put("ADAL_JAVA_OPTS", "-Xmx384m");
        env.put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "script timed out");
        assertEquals(0, p.exitValue(), "run-local.sh " + command + " failed:\n" + out);
    }
}
