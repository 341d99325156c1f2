package kz.adal.media.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coturn configuration we ship (deploy/coturn/turnserver.conf) with the credentials Adal issues
 * ({@link IceServers}: the TURN REST convention): the real {@code turnserver} starts from it (only the ports, the
 * secret, loopback and the log moved for the test) and {@code turnutils_uclient} allocates a relay and sends
 * through it with a credential issued now; an expired one and a wrong password are refused.
 */
class CoturnDeployConfigTest {
    static final Path CONF = Path.of("deploy/coturn/turnserver.conf");
    static final String SECRET = "deploy-config-test-secret";
    Process server;
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    @Test
    void theShippedConfigRelaysWithIssuedCredentialsAndRefusesExpiredOnes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/turnserver")) && Files.isExecutable(Path.of("/usr/bin/turnutils_uclient")),
                "coturn is not installed (apt-get install coturn)");
        dir = Files.createTempDirectory("adal-coturn-deploy");
        int port = freeUdpPort(18900, 18940);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(CONF)) {
            String key = line.split("=", 2)[0].trim();
            switch (key) {
                case "listening-port" -> lines.add("listening-port=" + port);
                case "tls-listening-port" -> lines.add("tls-listening-port=" + (port + 1));
                case "min-port" -> lines.add("min-port=18950");
                case "max-port" -> lines.add("max-port=18999");
                case "static-auth-secret" -> lines.add("static-auth-secret=" + SECRET);
                case "log-file" -> lines.add("log-file=" + dir.resolve("turn.log"));
                default -> lines.add(line);
            }
        }
        assertTrue(lines.contains("use-auth-secret"), "the TURN REST mode");
        // the test's peer is on loopback, which the shipped configuration (rightly) refuses
        lines.addAll(List.of("listening-ip=127.0.0.1", "relay-ip=127.0.0.1", "allow-loopback-peers", "no-tls", "no-dtls",
                "pidfile=" + dir.resolve("pid"), "userdb=" + dir.resolve("turndb")));
        Files.write(dir.resolve("turnserver.conf"), lines);
        server = new ProcessBuilder("/usr/bin/turnserver", "-c", dir.resolve("turnserver.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Thread.sleep(1500);
        assertTrue(server.isAlive(), "turnserver exited: " + Files.readString(dir.resolve("stdout.log")));

        Instant now = Instant.now();
        String user = IceServers.username(now.plus(Duration.ofHours(1)), "student-1");
        String out = uclient(port, user, IceServers.password(SECRET, user));
        assertFalse(out.contains("Cannot complete Allocation"), out);
        java.util.regex.Matcher received = java.util.regex.Pattern.compile("tot_recv_msgs=(\\d+)\\s*$", java.util.regex.Pattern.MULTILINE).matcher(out);
        assertTrue(received.find() && Integer.parseInt(received.group(1)) > 0, "messages came back through the relay: " + out);

        String expired = IceServers.username(now.minus(Duration.ofMinutes(1)), "student-1");
        assertTrue(uclient(port, expired, IceServers.password(SECRET, expired)).contains("Cannot complete Allocation"), "an expired credential");
        assertTrue(uclient(port, user, IceServers.password("another-secret", user)).contains("Cannot complete Allocation"), "a wrong secret");
    }

    private String uclient(int port, String user, String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/turnutils_uclient", "-p", String.valueOf(port), "-u", user, "-w", password,
                "-n", "5", "-m", "1", "-e", "127.0.0.1", "-y", "127.0.0.1").redirectErrorStream(true).start();
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = new String(p.getInputStream().readAllBytes());
        assertFalse(out.isBlank(), "no output from turnutils_uclient");
        return out;
    }

    private static int freeUdpPort(int from, int to) {
        for (int p = from; p <= to; p += 2) {
            try (DatagramSocket a = new DatagramSocket(p, InetAddress.getLoopbackAddress());
                 java.net.ServerSocket b = new java.net.ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException busy) {
                // next
            }
        }
        throw new IllegalStateException("no free port in " + from + "–" + to);
    }
}
