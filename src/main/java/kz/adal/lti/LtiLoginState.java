package kz.adal.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One login started by a platform: the {@code state} the platform must send back with the launch and the {@code nonce}
 * its id_token must carry. Short-lived and used once: a launch replayed finds it used.
 */
@Entity
@Table(name = "lti_login_state")
class LtiLoginState extends PanacheEntityBase {
    @Id
    public String state;

    @Column(nullable = false)
    public String nonce;

    @Column(name = "platform_id", nullable = false)
    public UUID platformId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
