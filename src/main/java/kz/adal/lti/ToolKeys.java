package kz.adal.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.platform.Problem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;

/**
 * Adal's key pair as an LTI tool: signs deep-linking responses and the client assertions of service token requests
 * (RS256, with its RFC 7638 thumbprint as {@code kid}); its public half is the tool's JWKS. Fail closed: outside demo
 * mode the demo key shipped in the source, or no readable key, leaves LTI off ({@code LTI_NOT_CONFIGURED}) rather than
 * let anyone with the source sign as Adal.
 */
@ApplicationScoped
public class ToolKeys {
    static final String DEMO_KEY = "keys/demo-lti-private.pem";
    private static final Logger LOG = Logger.getLogger(ToolKeys.class);
    private final RSAKey key;
    private final String refusal;

    ToolKeys(LtiConfig config) {
        String location = config.privateKey();
        String why = refusal(location, demoMode());
        RSAKey loaded = null;
        if (why == null) {
            try {
                loaded = load(location);
            } catch (Exception e) {
                why = "ADAL_LTI_PRIVATE_KEY (" + location + ") cannot be read as a PEM RSA private key";
            }
        }
        if (why != null) LOG.warn("LTI is off: " + why);
        this.key = why == null ? loaded : null;
        this.refusal = why;
    }

    /**
     * Why the key at {@code location} may not sign for Adal, or null when it may: it must exist and be an RSA private
     * key, and outside demo mode it must not be the demo key shipped in the source (compared by content, so a copy of
     * the demo file under another name is still refused).
     */
    static String refusal(String location, boolean demoMode) {
        RSAKey loaded;
        try {
            loaded = load(location);
        } catch (Exception | LinkageError e) {
            return "ADAL_LTI_PRIVATE_KEY (" + location + ") cannot be read as a PEM RSA private key";
        }
        if (loaded == null) return "ADAL_LTI_PRIVATE_KEY (" + location + ") does not exist";
        if (demoMode) return null;
        try {
            RSAKey demo = load(DEMO_KEY);
            if (demo != null && demo.getModulus().equals(loaded.getModulus())) {
                return "ADAL_LTI_PRIVATE_KEY is the demo key shipped in the source: generate your own (docs/lms.md)";
            }
        } catch (Exception e) {
            // no demo key on the class path: nothing to compare with
        }
        return null;
    }

    static RSAKey load(String location) throws Exception {
        String pem = ResourceUtils.readResource(location);
        if (pem == null) return null;
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) KeyUtils.decodePrivateKey(pem);
        RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
        return new RSAKey.Builder(pub).privateKey(priv).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint().build();
    }

    static boolean demoMode() {
        var cfg = ConfigProvider.getConfig();
        if (cfg.getOptionalValue("adal.demo.enabled", Boolean.class).orElse(false)) return true;
        if (LaunchMode.current() != LaunchMode.NORMAL) return true;
        var profiles = ConfigUtils.getProfiles();
        return profiles.contains("test") || profiles.contains("dev");
    }

    /** The key, or 503 LTI_NOT_CONFIGURED when LTI is off. */
    RSAKey key() {
        if (key == null) {
            throw new Problem(503, "LTI_NOT_CONFIGURED", "LTI is not set up on this server: " + refusal);
        }
        return key;
    }

    /** The public JWKS (RFC 7517) platforms fetch. */
    public Map<String, Object> jwks() {
        return new JWKSet(key().toPublicJWK()).toJSONObject(true);
    }

    /** Signs the claims with the tool key (RS256, kid, typ JWT). */
    String sign(JWTClaimsSet claims) {
        RSAKey k = key();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(k));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with the LTI tool key failed", e);
        }
        return jwt.serialize();
    }
}
