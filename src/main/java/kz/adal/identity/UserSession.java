package kz.adal.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One login. Access tokens carry its id ({@code sid}); logout or suspension revokes it, and
 * from then on every token of the session is refused (checked on each request), so logout
 * really ends access instead of waiting for the token to expire.
 */
@Entity
@Table(name = "user_session")
class UserSession extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** SHA-256 of the current refresh token; rotated on every refresh. */
    @Column(name = "refresh_hash", nullable = false)
    public String refreshHash;

    /** SHA-256 of the refresh token rotated out last; it may be presented once more within the grace. */
    @Column(name = "previous_refresh_hash")
    public String previousRefreshHash;

    /** When the refresh token was last rotated: the grace for the previous one counts from here. */
    @Column(name = "rotated_at")
    public Instant rotatedAt;

    /** The previous token was already presented again once: a further use is a reuse. */
    @Column(name = "previous_replayed", nullable = false)
    public boolean previousReplayed;

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

    /** What a presented refresh token (its hash) is to this session. */
    enum Presented {
        /** the current token: rotate as usual */
        CURRENT,
        /** the token rotated out moments ago, presented again once: its response was most likely lost */
        PREVIOUS_IN_GRACE,
        /** anything else: someone else may hold a rotated-out token, so the session ends */
        REUSED
    }

    Presented check(String presentedHash, Instant now, Duration grace) {
        if (refreshHash.equals(presentedHash)) return Presented.CURRENT;
        boolean previous = previousRefreshHash != null && previousRefreshHash.equals(presentedHash);
        if (previous && !previousReplayed && rotatedAt != null && !now.isAfter(rotatedAt.plus(grace))) {
            return Presented.PREVIOUS_IN_GRACE;
        }
        return Presented.REUSED;
    }

    /**
     * Rotates to a new refresh token. After a replay of the previous token the successor that
     * (probably) never arrived is dropped and the previous token stays spent: one replay only.
     */
    void rotate(String newHash, Presented presented, Instant now) {
        if (presented == Presented.PREVIOUS_IN_GRACE) {
            previousReplayed = true;
        } else {
            previousRefreshHash = refreshHash;
            previousReplayed = false;
        }
        refreshHash = newHash;
        rotatedAt = now;
    }
}
