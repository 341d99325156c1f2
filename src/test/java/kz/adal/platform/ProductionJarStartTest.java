package kz.adal.platform;

import kz.adal.testing.KeyFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar, started the way an operator would start it (no demo mode), refuses the secrets of the
 * demo and says why in one line. Needs the jar: {@code mvn -B package -DskipTests} first (skipped without it).
 */
class ProductionJarStartTest {
    private static final Path JAR = Paths.get("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutKeysOfItsOwn() throws Exception {
        String out = startExpectingRefusal(Map.of("ADAL_DB_PASSWORD", "a-real-password"));
        assertTrue(out.contains("Adal refuses to start: no token key pair of its own: set ADAL_JWT_PRIVATE_KEY and ADAL_JWT_PUBLIC_KEY"), out);
    }

    @Test
    void refusesToStartWithTheDemoKeysUnderAnotherName() throws Exception {
        KeyFiles demo = KeyFiles.demoCopy(dir);
        String out = startExpectingRefusal(Map.of("ADAL_DB_PASSWORD", "a-real-password",
                "ADAL_JWT_PRIVATE_KEY", demo.privateKey.toString(), "ADAL_JWT_PUBLIC_KEY", demo.publicKey.toString()));
        assertTrue(out.contains("Adal refuses to start: ADAL_JWT_PRIVATE_KEY/ADAL_JWT_PUBLIC_KEY is the demo key pair shipped in the source"), out);
    }

    @Test
    void refusesToStartWithTheDemoDatabasePassword() throws Exception {
        KeyFiles own = KeyFiles.fresh(dir, "own");
        String out = startExpectingRefusal(Map.of("ADAL_DB_PASSWORD", "adal",
                "ADAL_JWT_PRIVATE_KEY", own.privateKey.toString(), "ADAL_JWT_PUBLIC_KEY", own.publicKey.toString()));
        assertTrue(out.contains("Adal refuses to start: the database password is the demo one (\"adal\"): set ADAL_DB_PASSWORD"), out);
    }

    private String startExpectingRefusal(Map<String, String> extraEnv) throws Exception {
        Assumptions.assumeTrue(Files.exists(JAR), "run `mvn -B package -DskipTests` first: this test starts the packaged jar");
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-jar", JAR.toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ADAL_") || k.startsWith("QUARKUS_"));
        env.put("ADAL_DEMO", "false");
        env.put("ADAL_PORT", "0");
        env.put("ADAL_MANAGEMENT_PORT", "0");
        env.put("ADAL_DB_URL", "jdbc:h2:file:" + work.resolve("adal") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        env.put("ADAL_VISION_IDENTITY_GATE", "false");
        env.putAll(extraEnv);
        Process p = pb.start();
        try {
            boolean stopped = p.waitFor(120, TimeUnit.SECONDS);
            String out = Files.readString(dir.resolve("server.log"));
            assertTrue(stopped, "the server started (or hung) instead of refusing:\n" + out);
            assertNotEquals(0, p.exitValue(), "the server exited normally:\n" + out);
            return out;
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
