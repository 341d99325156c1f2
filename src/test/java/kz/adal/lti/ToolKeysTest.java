package kz.adal.lti;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail closed: outside demo mode the demo LTI key (even copied under another name) or no key leaves LTI off. */
class ToolKeysTest {

    @Test
    void theDemoKeySignsOnlyInDemoMode(@TempDir Path dir) throws Exception {
        assertNull(ToolKeys.refusal(ToolKeys.DEMO_KEY, true));
        assertTrue(ToolKeys.refusal(ToolKeys.DEMO_KEY, false).contains("demo key"));
        Path copy = dir.resolve("my-key.pem");
        try (var in = ToolKeys.class.getClassLoader().getResourceAsStream(ToolKeys.DEMO_KEY)) {
            Files.write(copy, in.readAllBytes());
        }
        assertTrue(ToolKeys.refusal(copy.toString(), false).contains("demo key"));
    }

    @Test
    void aKeyOfItsOwnSignsAndNoKeyDoesNot(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path own = Files.writeString(dir.resolve("lti.pem"), pem);
        assertNull(ToolKeys.refusal(own.toString(), false));
        assertNotNull(ToolKeys.refusal(dir.resolve("missing.pem").toString(), false));
        assertNotNull(ToolKeys.refusal(Files.writeString(dir.resolve("junk.pem"), "not a key").toString(), false));
    }
}
