package kz.adal.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import kz.adal.platform.Problem;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The claims of a launch's id_token, checked as LTI Core 1.3 §5.1.3 says, once its signature has been verified: issuer,
 * audience and authorised party, expiry and issue time, the deployment, message type and version. No database: the
 * state and nonce (single use) are the service's. Each refusal is its own problem code, so the page says what was wrong.
 */
final class LaunchCheck {
    private LaunchCheck() {}

    /** What a checked launch says. */
    record Launch(String messageType, String deploymentId, String subject, String nonce, JWTClaimsSet claims) {}

    static Launch check(JWTClaimsSet c, String issuer, String clientId, List<String> deployments, Instant now, Duration skew) {
        if (!issuer.equals(c.getIssuer())) throw refused("LTI_UNKNOWN_PLATFORM", "The launch comes from a platform that is not registered");
        List<String> aud = c.getAudience();
        if (aud == null || !aud.contains(clientId)) {
            throw refused("LTI_WRONG_AUDIENCE", "The launch was meant for another tool (its audience is not Adal's client id)");
        }
        String azp = string(c, "azp");
        if ((aud.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw refused("LTI_WRONG_AUDIENCE", "The launch was meant for another tool (its authorised party is not Adal's client id)");
        }
        Date exp = c.getExpirationTime();
        Date iat = c.getIssueTime();
        if (exp == null || iat == null) throw malformed("exp and iat are required");
        if (!now.isBefore(exp.toInstant().plus(skew))) throw refused("LTI_TOKEN_EXPIRED", "The launch has expired; start it again from the course");
        if (iat.toInstant().isAfter(now.plus(skew))) throw refused("LTI_TOKEN_EXPIRED", "The launch is dated in the future; check the platform's clock");
        if (c.getSubject() == null || c.getSubject().isBlank()) throw malformed("sub is required");
        String nonce = string(c, "nonce");
        if (nonce == null) throw malformed("nonce is required");
        String deployment = string(c, LtiClaims.DEPLOYMENT_ID);
        if (deployment == null || !deployments.contains(deployment)) {
            throw new Problem(403, "LTI_UNKNOWN_DEPLOYMENT", "This deployment of the tool is not registered in Adal");
        }
        String type = string(c, LtiClaims.MESSAGE_TYPE);
        if (!LtiClaims.LTI_VERSION.equals(string(c, LtiClaims.VERSION))
                || !(LtiClaims.RESOURCE_LINK_REQUEST.equals(type) || LtiClaims.DEEP_LINKING_REQUEST.equals(type))) {
            throw new Problem(400, "LTI_WRONG_MESSAGE", "Adal takes LTI 1.3.0 resource-link and deep-linking launches only");
        }
        if (LtiClaims.RESOURCE_LINK_REQUEST.equals(type) && object(c, LtiClaims.RESOURCE_LINK).get("id") == null) {
            throw malformed("a resource link launch needs resource_link.id");
        }
        if (LtiClaims.DEEP_LINKING_REQUEST.equals(type) && object(c, LtiClaims.DL_SETTINGS).get("deep_link_return_url") == null) {
            throw malformed("a deep linking request needs deep_link_return_url");
        }
        return new Launch(type, deployment, c.getSubject(), nonce, c);
    }

    static String string(JWTClaimsSet c, String name) {
        try {
            return c.getStringClaim(name);
        } catch (ParseException e) {
            throw malformed(name + " is not a string");
        }
    }

    static Map<String, Object> object(JWTClaimsSet c, String name) {
        try {
            Map<String, Object> m = c.getJSONObjectClaim(name);
            return m == null ? Map.of() : m;
        } catch (ParseException e) {
            throw malformed(name + " is not an object");
        }
    }

    static Problem refused(String code, String message) {
        return new Problem(401, code, message);
    }

    static Problem malformed(String why) {
        return new Problem(400, "LTI_TOKEN_MALFORMED", "The launch token is not a valid LTI 1.3 message: " + why);
    }
}
