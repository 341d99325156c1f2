package kz.adal.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One login. Access tokens carry its id ({@code sid}); logout or suspension revokes it, and
 * from then on every token of the session is refused (checked on each request), so logout
 * really ends access instead of waiting for the token to expire.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** SHA-256 of the current refresh token; rotated on every refresh. */
    @Column(name = "refresh_hash", nullable = false)
    public String refreshHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "user_agent")
    public String userAgent;

    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
