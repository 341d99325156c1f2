package kz.adal.platform;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a server outside demo mode may start with the secrets it was given. The repository ships a demo
 * token key pair and a demo database password so that {@code bin/demo} and the tests work on a fresh machine;
 * anyone with the source could mint a SYSTEM_ADMIN token with that key, so a real server refuses them
 * (and refuses to run with no key of its own). The reason is one line an operator can act on.
 */
public final class ProductionSecrets {
    /** Where the demo pair lives on the classpath: also the default of the key locations. */
    public static final String DEMO_PRIVATE_KEY = "keys/demo-private.pem";
    public static final String DEMO_PUBLIC_KEY = "keys/demo-public.pem";
    /** The database password of the demo and of the H2 default. */
    public static final String DEMO_DB_PASSWORD = "adal";

    private ProductionSecrets() {}

    /**
     * What the server was started with. A key location is what the configuration says
     * ({@code ADAL_JWT_PRIVATE_KEY}, {@code ADAL_JWT_PUBLIC_KEY}); the rule reads the keys itself.
     */
    public record Given(boolean demoMode, String privateKeyLocation, String publicKeyLocation, String dbPassword) {}

    /** Empty when the server may start; otherwise why not, in one line. */
    public static Optional<String> refusal(Given given) {
        if (given.demoMode()) return Optional.empty();
        if (isDemoLocation(given.privateKeyLocation()) || isDemoLocation(given.publicKeyLocation())) {
            return Optional.of("no token key pair of its own: set ADAL_JWT_PRIVATE_KEY and ADAL_JWT_PUBLIC_KEY to PEM files"
                    + " of a new RSA key pair (the demo pair in the source is refused outside demo mode; see docs/security.md)");
        }
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            privateKey = readPrivateKey(given.privateKeyLocation());
        } catch (Exception | LinkageError e) {
            return Optional.of("ADAL_JWT_PRIVATE_KEY (" + given.privateKeyLocation() + ") cannot be read as a PEM RSA private key");
        }
        try {
            publicKey = readPublicKey(given.publicKeyLocation());
        } catch (Exception | LinkageError e) {
            return Optional.of("ADAL_JWT_PUBLIC_KEY (" + given.publicKeyLocation() + ") cannot be read as a PEM RSA public key");
        }
        if (privateKey == null) return Optional.of("ADAL_JWT_PRIVATE_KEY (" + given.privateKeyLocation() + ") does not exist");
        if (publicKey == null) return Optional.of("ADAL_JWT_PUBLIC_KEY (" + given.publicKeyLocation() + ") does not exist");
        DemoPair demo = DemoPair.load();
        // compared by content: a copy of the demo file under another name is still the demo key
        if (Arrays.equals(privateKey.getEncoded(), demo.privateKey().getEncoded())
                || Arrays.equals(publicKey.getEncoded(), demo.publicKey().getEncoded())) {
            return Optional.of("ADAL_JWT_PRIVATE_KEY/ADAL_JWT_PUBLIC_KEY is the demo key pair shipped in the source:"
                    + " generate your own (see docs/security.md)");
        }
        if (!onePair(privateKey, publicKey)) {
            return Optional.of("ADAL_JWT_PRIVATE_KEY and ADAL_JWT_PUBLIC_KEY are not one key pair: tokens would not verify");
        }
        if (DEMO_DB_PASSWORD.equals(given.dbPassword())) {
            return Optional.of("the database password is the demo one (\"" + DEMO_DB_PASSWORD + "\"): set ADAL_DB_PASSWORD");
        }
        return Optional.empty();
    }

    /** Reads a key the way smallrye-jwt does: a file path, {@code file:}, {@code classpath:} or a classpath name. */
    public static PrivateKey readPrivateKey(String location) throws java.io.IOException, GeneralSecurityException {
        String pem = ResourceUtils.readResource(location);
        return pem == null ? null : KeyUtils.decodePrivateKey(pem);
    }

    public static PublicKey readPublicKey(String location) throws java.io.IOException, GeneralSecurityException {
        String pem = ResourceUtils.readResource(location);
        return pem == null ? null : KeyUtils.decodePublicKey(pem);
    }

    private static boolean isDemoLocation(String location) {
        if (location == null || location.isBlank()) return true;
        String l = location.strip();
        if (l.startsWith("classpath:")) l = l.substring("classpath:".length());
        if (l.startsWith("/")) l = l.substring(1);
        return l.equals(DEMO_PRIVATE_KEY) || l.equals(DEMO_PUBLIC_KEY);
    }

    private static boolean onePair(PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = "adal key pair probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(privateKey);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(publicKey);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private record DemoPair(PrivateKey privateKey, PublicKey publicKey) {
        static DemoPair load() {
            try {
                return new DemoPair(readPrivateKey(DEMO_PRIVATE_KEY), readPublicKey(DEMO_PUBLIC_KEY));
            } catch (Exception e) {
                throw new IllegalStateException("the demo key pair is missing from the classpath", e);
            }
        }
    }
}
