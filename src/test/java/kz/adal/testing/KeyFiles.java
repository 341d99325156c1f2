package kz.adal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PEM files of a fresh RSA key pair (what an operator makes with openssl), for tests of the production rules. */
public final class KeyFiles {
    public final Path privateKey;
    public final Path publicKey;

    private KeyFiles(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static KeyFiles fresh(Path dir, String name) throws IOException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Path priv = dir.resolve(name + "-private.pem");
            Path pub = dir.resolve(name + "-public.pem");
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new KeyFiles(priv, pub);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo pair from the source, copied under other names (a copy is still the demo key). */
    public static KeyFiles demoCopy(Path dir) throws IOException {
        Path priv = dir.resolve("copied-private.pem");
        Path pub = dir.resolve("copied-public.pem");
        Files.copy(Path.of("src/main/resources/keys/demo-private.pem"), priv);
        Files.copy(Path.of("src/main/resources/keys/demo-public.pem"), pub);
        return new KeyFiles(priv, pub);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
