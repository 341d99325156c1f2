package kz.adal.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A platform's user (issuer, sub) linked to an Adal account: the next launch finds the account by it. */
@Entity
@Table(name = "lti_account")
class LtiAccount extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false)
        public String issuer;

        @Column(nullable = false)
        public String subject;

        public Key() {}

        public Key(String issuer, String subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && issuer.equals(k.issuer) && subject.equals(k.subject);
        }

        @Override
        public int hashCode() { return Objects.hash(issuer, subject); }
    }
}
