package kz.adal.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An LMS (Moodle) registered by the admin as a platform Adal trusts for LTI 1.3 launches (docs/lms.md). */
@Entity
@Table(name = "lti_platform")
class LtiPlatform extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The platform's {@code iss}: Moodle's site address. */
    @Column(nullable = false)
    public String issuer;

    /** The client id the platform gave this tool. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The deployment ids accepted, one per line. */
    @Column(name = "deployment_ids", nullable = false)
    public String deploymentIds;

    /** Where a login is sent (OIDC authentication request). */
    @Column(name = "auth_endpoint", nullable = false)
    public String authEndpoint;

    /** Where service access tokens come from (OAuth 2 client credentials). */
    @Column(name = "token_endpoint", nullable = false)
    public String tokenEndpoint;

    /** The platform's public keys. */
    @Column(name = "jwks_url", nullable = false)
    public String jwksUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> deployments() {
        return Arrays.stream(deploymentIds.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
