package kz.adal.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A teacher's deep-linking request from the platform, waiting for the exam they pick; answered once. */
@Entity
@Table(name = "lti_deep_link")
class LtiDeepLink extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "platform_id", nullable = false)
    public UUID platformId;

    @Column(name = "deployment_id", nullable = false)
    public String deploymentId;

    @Column(name = "return_url", nullable = false)
    public String returnUrl;

    /** The platform's opaque {@code data}, returned as it came. */
    public String data;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** The one-time address part of the page that posts the signed answer to the platform. */
    @Column(name = "handoff_code")
    public String handoffCode;

    @Column(name = "response_jwt")
    public String responseJwt;
}
