package kz.adal.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.Map;
import java.util.UUID;

/**
 * A real coturn ({@code turnserver}, Debian package {@code coturn}) owned by the test: started on a free port
 * with a temporary configuration in its {@code use-auth-secret} mode (the TURN REST convention our
 * {@code media.IceServers} issues credentials for), stopped after the tests. Quarkus gets
 * {@code adal.rtc.turn-urls} and {@code adal.rtc.turn-secret} for it. Without the binary nothing is started and
 * {@link #assumeRunning()} skips the relay tests with a clear message (.ci/run installs coturn).
 */
public class Coturn implements QuarkusTestResourceLifecycleManager {
    public static final Path BINARY = Path.of("/usr/bin/turnserver");
    private static volatile boolean running;
    private Process process;
    private Path dir;

    public static void assumeRunning() {
        Assumptions.assumeTrue(running, "coturn is not installed (apt-get install coturn): the TURN relay test is skipped");
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isExecutable(BINARY)) return Map.of();
        try {
            dir = Files.createTempDirectory("adal-coturn");
            int port = freePort(18700, 18720);
            String secret = "turn-test-" + UUID.randomUUID();
            Files.writeString(dir.resolve("turnserver.conf"), String.join("\n",
                    "listening-ip=127.0.0.1", "relay-ip=127.0.0.1", "listening-port=" + port,
                    "min-port=18730", "max-port=18799", "use-auth-secret", "static-auth-secret=" + secret,
                    "realm=adal.test", "fingerprint", "no-tls", "no-dtls", "no-cli", "allow-loopback-peers",
                    "no-multicast-peers", "simple-log", "log-file=" + dir.resolve("turn.log"),
                    "pidfile=" + dir.resolve("turnserver.pid"), "userdb=" + dir.resolve("turndb"), ""));
            process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("turnserver.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            waitForPort(port);
            running = true;
            return Map.of("adal.rtc.turn-urls", "turn:127.0.0.1:" + port + "?transport=udp",
                    "adal.rtc.turn-secret", secret);
        } catch (IOException e) {
            throw new IllegalStateException("coturn could not be started", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /** The log, for a failing test's message. */
    public static String log() {
        return "see the turn.log in the adal-coturn temporary folder";
    }

    private static int freePort(int from, int to) {
        for (int p = from; p <= to; p++) {
            try (ServerSocket tcp = new ServerSocket(p, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(p, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException busy) {
                // next
            }
        }
        throw new IllegalStateException("no free port for coturn in " + from + "–" + to);
    }

    private void waitForPort(int port) throws IOException {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) throw new IllegalStateException("turnserver exited: " + Files.readString(dir.resolve("stdout.log")));
                try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (IllegalStateException exited) {
            throw new IOException(exited.getMessage());
        } catch (ConditionTimeoutException e) {
            throw new IOException("turnserver did not listen on " + port);
        }
    }
}
