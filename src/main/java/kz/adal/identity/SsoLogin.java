package kz.adal.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A sign-in through the university's OpenID Connect provider, between the redirect to the provider and the
 * callback: what the callback must find again (state), what the ID token must carry (nonce) and the PKCE
 * verifier. The callback takes it once.
 */
@Entity
@Table(name = "sso_login")
class SsoLogin extends PanacheEntityBase {
    @Id
    public String state;

    @Column(nullable = false)
    public String nonce;

    @Column(name = "code_verifier", nullable = false)
    public String codeVerifier;

    /** The Adal page to open after signing in (a path on this site only). */
    @Column(name = "next_path")
    public String nextPath;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
