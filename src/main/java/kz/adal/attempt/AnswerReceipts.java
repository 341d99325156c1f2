package kz.adal.attempt;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.platform.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.UUID;

/**
 * What other features read of answer receipts ({@link AnswerReceipt}): the hash over an attempt's
 * answers as stored now, and whether a receipt a student holds is genuine and matches them. The
 * review report prints the first; an appeal shows the second (docs/reliability.md "Receipts").
 */
@ApplicationScoped
public class AnswerReceipts {

    /** How a receipt the student holds compares with the answers stored now. */
    public enum Match {
        /** Signed by this server for this attempt, and the stored answers hash to what it says. */
        MATCHES,
        /** Genuine, but the stored answers differ from what the student was given a receipt for. */
        DIFFERS,
        /** Not signed by this server's receipt key (changed, or not a receipt at all). */
        NOT_GENUINE,
        /** A genuine receipt of another attempt. */
        OTHER_ATTEMPT
    }

    /** The check of one receipt; {@code issuedAt} and {@code receiptSha256} are null when it is not genuine. */
    public record Check(Match match, Instant issuedAt, String receiptSha256, String storedSha256) {
    }

    private final String keyLocation;

    AnswerReceipts(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String keyLocation) {
        this.keyLocation = keyLocation;
    }

    /** The receipt key in PEM, as served at {@code /api/public/receipt-key}. */
    String publicKeyPem() {
        try {
            if (Files.isRegularFile(Paths.get(keyLocation))) return Files.readString(Paths.get(keyLocation));
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(keyLocation)) {
                if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the receipt key " + keyLocation, e);
        }
        throw Problem.notFound("Receipt key");
    }

    /** SHA-256 over the attempt's answers as stored now: what a receipt issued now would carry. */
    @Transactional
    public String storedSha256(UUID attemptId) {
        return AnswerReceipt.answersSha256(AttemptQuestion.list("key.attemptId = ?1", attemptId));
    }

    /** Checks a receipt (the compact JWS of {@link AnswerReceipt#signed()}) against this attempt's stored answers. */
    @Transactional
    public Check check(UUID attemptId, String signed) {
        String stored = storedSha256(attemptId);
        JwtClaims claims = verified(signed);
        if (claims == null) return new Check(Match.NOT_GENUINE, null, null, stored);
        try {
            String hash = claims.getStringClaimValue("answersSha256");
            NumericDate iat = claims.getIssuedAt();
            Instant issued = iat == null ? null : Instant.ofEpochSecond(iat.getValue());
            if (!attemptId.toString().equals(claims.getStringClaimValue("attempt"))) {
                return new Check(Match.OTHER_ATTEMPT, issued, hash, stored);
            }
            return new Check(stored.equals(hash) ? Match.MATCHES : Match.DIFFERS, issued, hash, stored);
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            return new Check(Match.NOT_GENUINE, null, null, stored);
        }
    }

    /** The receipt's claims when the signature is this server's and the issuer is the receipt issuer; else null. */
    private JwtClaims verified(String signed) {
        if (signed == null || signed.isBlank()) return null;
        try {
            PublicKey key = KeyUtils.decodePublicKey(publicKeyPem());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256));
            jws.setCompactSerialization(signed.strip());
            jws.setKey(key);
            if (!jws.verifySignature()) return null;
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            return AnswerReceipt.ISSUER.equals(claims.getIssuer()) ? claims : null;
        } catch (JoseException | GeneralSecurityException | org.jose4j.jwt.consumer.InvalidJwtException
                 | org.jose4j.jwt.MalformedClaimException | IllegalArgumentException e) {
            return null;
        }
    }
}
