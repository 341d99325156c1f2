package kz.adal.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Failed logins for one login name from one client address, kept in the database so that every
 * node sees them. Keyed by both so that failures elsewhere never lock the account's owner out.
 */
@Entity
@Table(name = "login_throttle")
class LoginThrottle extends PanacheEntityBase {
    @Id
    @Column(name = "login_key")
    public String loginKey;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** The key of one login from one address; the address is as the HTTP layer reports it (see docs/security.md). */
    static String key(String login, String clientAddress) {
        return login + "|" + (clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress);
    }
}
