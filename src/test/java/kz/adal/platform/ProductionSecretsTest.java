package kz.adal.platform;

import kz.adal.testing.KeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionSecretsTest {
    @TempDir
    Path dir;

    private static Optional<String> refusal(boolean demo, String priv, String pub, String dbPassword) {
        return ProductionSecrets.refusal(new ProductionSecrets.Given(demo, priv, pub, dbPassword));
    }

    @Test
    void demoModeStartsWithTheDemoSecrets() {
        assertEquals(Optional.empty(), refusal(true, "keys/demo-private.pem", "keys/demo-public.pem", "adal"));
    }

    @Test
    void refusesToStartWithoutKeysOfItsOwn() {
        String reason = refusal(false, "keys/demo-private.pem", "keys/demo-public.pem", "s3cret-db").orElseThrow();
        assertTrue(reason.contains("ADAL_JWT_PRIVATE_KEY"), reason);
        assertTrue(refusal(false, "", "", "s3cret-db").isPresent());
        assertTrue(refusal(false, "classpath:/keys/demo-private.pem", "/tmp/x.pem", "s3cret-db").isPresent());
    }

    @Test
    void refusesACopyOfTheDemoKeys() throws Exception {
        KeyFiles copy = KeyFiles.demoCopy(dir);
        String reason = refusal(false, copy.privateKey.toString(), copy.publicKey.toString(), "s3cret-db").orElseThrow();
        assertTrue(reason.contains("demo key pair"), reason);
    }

    @Test
    void refusesTheDemoDatabasePassword() throws Exception {
        KeyFiles own = KeyFiles.fresh(dir, "own");
        String reason = refusal(false, own.privateKey.toString(), own.publicKey.toString(), "adal").orElseThrow();
        assertTrue(reason.contains("ADAL_DB_PASSWORD"), reason);
    }

    @Test
    void refusesKeysThatAreNotOnePair() throws Exception {
        KeyFiles one = KeyFiles.fresh(dir, "one");
        KeyFiles other = KeyFiles.fresh(dir, "other");
        String reason = refusal(false, one.privateKey.toString(), other.publicKey.toString(), "s3cret-db").orElseThrow();
        assertTrue(reason.contains("not one key pair"), reason);
    }

    @Test
    void refusesAKeyFileThatIsMissing() throws Exception {
        KeyFiles own = KeyFiles.fresh(dir, "own");
        String reason = refusal(false, dir.resolve("nowhere.pem").toString(), own.publicKey.toString(), "s3cret-db").orElseThrow();
        assertTrue(reason.contains("ADAL_JWT_PRIVATE_KEY"), reason);
    }

    @Test
    void startsWithItsOwnKeysAndPassword() throws Exception {
        KeyFiles own = KeyFiles.fresh(dir, "own");
        assertEquals(Optional.empty(), refusal(false, own.privateKey.toString(), own.publicKey.toString(), "s3cret-db"));
    }

    @Test
    void eachReasonIsOneLine() throws Exception {
        KeyFiles copy = KeyFiles.demoCopy(dir);
        for (var r : new Optional[]{refusal(false, "", "", "x"), refusal(false, copy.privateKey.toString(), copy.publicKey.toString(), "x")}) {
            assertTrue(!r.orElseThrow().toString().contains("\n"));
        }
    }
}
