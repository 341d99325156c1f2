package kz.adal.testing;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The university's OpenID Provider for the single sign-on tests: panva's node-oidc-provider (an OpenID Certified
 * implementation; installed by the build into target/oidc-provider, see pom.xml), run with node as a separate
 * process that holds its own signing key. Adal's test configuration points at {@link #PORT}
 * ({@code %test.adal.sso.issuer}); the provider knows Adal as the client {@code adal-test} with the redirect
 * address of the running test server. {@link #restart(String, String)} starts it again with a new key (a key
 * rotation seen by Adal).
 */
public final class OidcProvider implements AutoCloseable {
    public static final int PORT = 31987;
    public static final String ISSUER = "http://127.0.0.1:" + PORT;
    public static final String CLIENT_ID = "adal-test";
    public static final String CLIENT_SECRET = "adal-test-secret-not-for-production";
    private static final Path DIR = Path.of("target/oidc-provider");

    private Process process;
    private Path log;

    private OidcProvider() {}

    private static OidcProvider shared;

    /**
     * The one provider of this test JVM, started on first use for Adal at {@code adalBase} and stopped when the JVM
     * ends (the SSO test classes share it, as they share the Quarkus app).
     */
    public static synchronized OidcProvider shared(String adalBase) {
        if (shared == null) {
            shared = start(adalBase, "key-1");
            OidcProvider p = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(p::close));
        }
        return shared;
    }

    /** Started for Adal at {@code adalBase} (the test server's address, e.g. http://localhost:8081/). */
    public static OidcProvider start(String adalBase, String keyId) {
        Prerequisites.require(Files.exists(DIR.resolve("node_modules/oidc-provider")),
                "the test OpenID Provider is not installed in target/oidc-provider (the build runs npm ci; needs npm and its registry)");
        OidcProvider p = new OidcProvider();
        p.launch(adalBase, keyId);
        return p;
    }

    /** Stops it and starts it again on the same port with a different signing key. */
    public void restart(String adalBase, String keyId) {
        close();
        launch(adalBase, keyId);
    }

    private void launch(String adalBase, String keyId) {
        try {
            String base = adalBase.replaceAll("/+$", "");
            // the browser may address the test server by name or by number: both are registered
            String redirects = String.join(",", List.of(base + "/api/sso/callback",
                    base.replace("://localhost:", "://127.0.0.1:") + "/api/sso/callback"));
            // each start has a key of its own under a name of its own: a real provider never republishes a key id
            // with another key, and Adal (the JVM's one SsoService) keeps the keys it has read
            keyId = keyId + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            log = Files.createTempFile("adal-oidc-provider", ".log");
            process = new ProcessBuilder("node", "server.mjs", String.valueOf(PORT), CLIENT_ID, CLIENT_SECRET, redirects, keyId)
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) throw new IllegalStateException("oidc-provider exited: " + Files.readString(log));
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("oidc-provider could not be started", e);
        }
    }

    public String log() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the port must be free before a restart binds it again
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
                return false;
            } catch (IOException closed) {
                return true;
            }
        });
        process = null;
    }
}
