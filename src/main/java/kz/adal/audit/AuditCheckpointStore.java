package kz.adal.audit;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.ProductionSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signs checkpoints with the server's token key (smallrye-jwt-build, the key of {@code smallrye.jwt.sign.key.location})
 * and keeps them as files in {@code adal.audit.checkpoint.dir} — outside the database, ideally on storage the
 * database's administrators cannot write — and as a line in the log stream. Verification accepts the current
 * public key and any earlier ones listed in {@code adal.audit.checkpoint.previous-public-keys} (after a key rotation).
 */
@ApplicationScoped
public class AuditCheckpointStore {
    private static final Logger LOG = Logger.getLogger(AuditCheckpointStore.class);
    static final String SUBJECT = "audit-checkpoint";

    private final Path dir;
    private final String node;
    private final Map<String, PublicKey> trustedKeys = new LinkedHashMap<>();
    private final String currentKeyId;

    AuditCheckpointStore(@ConfigProperty(name = "adal.audit.checkpoint.dir") String dir,
                         @ConfigProperty(name = "adal.live.node") Optional<String> node,
                         @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKey,
                         @ConfigProperty(name = "adal.audit.checkpoint.previous-public-keys") Optional<List<String>> previous) {
        this.dir = Path.of(dir);
        this.node = node.filter(n -> !n.isBlank()).orElseGet(AuditCheckpointStore::hostName);
        PublicKey current = read(publicKey);
        this.currentKeyId = keyId(current);
        trustedKeys.put(currentKeyId, current);
        previous.orElse(List.of()).stream().filter(l -> !l.isBlank()).map(AuditCheckpointStore::read)
                .forEach(k -> trustedKeys.put(keyId(k), k));
    }

    /** Signs and keeps a checkpoint of the given head. */
    public AuditCheckpoint write(long seq, String hash, Instant at) {
        String jws = Jwt.issuer("adal").subject(SUBJECT).claim("seq", seq).claim("hash", hash).claim("node", node)
                .issuedAt(at).expiresAt(at.plusSeconds(1)).jws().keyId(currentKeyId).sign();
        AuditCheckpoint cp = new AuditCheckpoint(seq, hash, at, node, currentKeyId, jws);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("checkpoint-%012d-%s.jws", seq, node.replaceAll("[^A-Za-z0-9_.-]", "_")));
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            Files.writeString(tmp, jws + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the log line below still carries the checkpoint
            LOG.errorf("audit checkpoint seq=%d could not be written to %s: %s", seq, dir, e.getMessage());
        }
        LOG.infof("audit checkpoint seq=%d hash=%s node=%s key=%s jws=%s", seq, hash, node, currentKeyId, jws);
        return cp;
    }

    /** A checkpoint file that is not a checkpoint signed by a trusted key: evidence of tampering in itself. */
    public record Forged(String file, String problem) {}

    public record Loaded(List<AuditCheckpoint> checkpoints, List<Forged> forged) {
        public Optional<AuditCheckpoint> latest() {
            return checkpoints.stream().max(java.util.Comparator.comparingLong(AuditCheckpoint::seq).thenComparing(AuditCheckpoint::at));
        }
    }

    /** Every checkpoint file, each checked against the trusted keys. */
    public Loaded load() {
        List<AuditCheckpoint> ok = new ArrayList<>();
        List<Forged> forged = new ArrayList<>();
        if (!Files.isDirectory(dir)) return new Loaded(ok, forged);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jws")).sorted().toList()) {
                try {
                    ok.add(parse(Files.readString(f).strip()));
                } catch (IOException | JoseException | org.jose4j.jwt.MalformedClaimException | org.jose4j.jwt.consumer.InvalidJwtException
                         | RuntimeException e) {
                    forged.add(new Forged(f.getFileName().toString(), "not a checkpoint signed by this server's key"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Loaded(ok, forged);
    }

    AuditCheckpoint parse(String compact) throws JoseException, org.jose4j.jwt.MalformedClaimException, org.jose4j.jwt.consumer.InvalidJwtException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256));
        jws.setCompactSerialization(compact);
        PublicKey key = trustedKeys.get(jws.getKeyIdHeaderValue());
        if (key == null) throw new JoseException("signed by an unknown key");
        jws.setKey(key);
        if (!jws.verifySignature()) throw new JoseException("bad signature");
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        if (!SUBJECT.equals(claims.getSubject())) throw new JoseException("not a checkpoint");
        long seq = ((Number) claims.getClaimValue("seq")).longValue();
        return new AuditCheckpoint(seq, claims.getStringClaimValue("hash"), Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                claims.getStringClaimValue("node"), jws.getKeyIdHeaderValue(), compact);
    }

    private static PublicKey read(String location) {
        try {
            PublicKey k = ProductionSecrets.readPublicKey(location);
            if (k == null) throw new IllegalStateException("no public key at " + location);
            return k;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the public key at " + location, e);
        }
    }

    static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(AuditChain.sha256Bytes(key.getEncoded())).substring(0, 16);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "adal";
        }
    }
}
