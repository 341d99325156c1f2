package kz.adal.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Failed logins per login name, kept in the database so that every node sees them. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle extends PanacheEntityBase {
    @Id
    @Column(name = "login_key")
    public String loginKey;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "locked_until")
    public Instant lockedUntil;
}
