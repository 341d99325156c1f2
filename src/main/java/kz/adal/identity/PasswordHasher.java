package kz.adal.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id (password4j) at the cost OWASP recommends (m = 19 MiB, t = 2, p = 1), stored in the PHC
 * format {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} so that each hash records its own cost.
 * Hashes from before ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}) still verify and are
 * replaced on the next successful login ({@link #needsRehash}).
 */
public final class PasswordHasher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LEGACY_PREFIX = "pbkdf2-sha256$";
    private final Argon2Function argon2;

    public PasswordHasher(IdentityConfig.Argon2 cost) {
        this.argon2 = Argon2Function.getInstance(cost.memoryKib(), cost.iterations(), cost.parallelism(), 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String stored) {
        if (password == null || stored == null) return false;
        if (stored.startsWith(LEGACY_PREFIX)) return matchesPbkdf2(password, stored);
        if (!stored.startsWith("$argon2")) return false;
        try {
            return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** True when a stored hash is of an older kind or cost than new hashes: replace it while the password is at hand. */
    public boolean needsRehash(String stored) {
        if (stored == null || !stored.startsWith("$argon2id$")) return true;
        try {
            Argon2Function f = Argon2Function.getInstanceFromHash(stored);
            return f.getMemory() != argon2.getMemory() || f.getIterations() != argon2.getIterations()
                    || f.getParallelism() != argon2.getParallelism();
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    /** A hash of a random password: compared against when the login is unknown, so timing says nothing. */
    public String decoy() {
        return hash(Long.toHexString(RANDOM.nextLong()));
    }

    private static boolean matchesPbkdf2(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4) return false;
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }
}
