package kz.adal.identity;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    record Cost(int memoryKib, int iterations, int parallelism) implements IdentityConfig.Argon2 {}

    private final PasswordHasher owasp = new PasswordHasher(new Cost(19456, 2, 1));

    @Test
    void hashesWithArgon2idAtOwaspCost() {
        String h = owasp.hash("exam-day-42");
        assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
        assertTrue(owasp.matches("exam-day-42", h));
        assertFalse(owasp.matches("exam-day-43", h));
        assertFalse(owasp.needsRehash(h));
    }

    @Test
    void oldPbkdf2HashesStillVerifyAndAskToBeReplaced() throws Exception {
        String legacy = pbkdf2("exam-day-42", 1000);
        assertTrue(owasp.matches("exam-day-42", legacy));
        assertFalse(owasp.matches("exam-day-43", legacy));
        assertTrue(owasp.needsRehash(legacy));
    }

    @Test
    void aCheaperArgon2HashIsReplacedToo() {
        String cheap = new PasswordHasher(new Cost(64, 1, 1)).hash("exam-day-42");
        assertTrue(owasp.matches("exam-day-42", cheap));
        assertTrue(owasp.needsRehash(cheap));
    }

    @Test
    void garbageNeverMatches() {
        assertFalse(owasp.matches("x", "$argon2id$nonsense"));
        assertFalse(owasp.matches("x", "pbkdf2-sha256$zz$$"));
        assertFalse(owasp.matches("x", null));
    }

    /** The format stored before Argon2: pbkdf2-sha256$iterations$salt$hash. */
    static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = "sixteen byte slt".getBytes();
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
