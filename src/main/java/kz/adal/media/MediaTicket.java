package kz.adal.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A playback ticket: a random address suffix bound to one track and one person, for the video element,
 * which cannot send the bearer token. Issued only after the access policy allowed the person (audited),
 * and the policy is checked again on every request.
 */
@Entity
@Table(name = "media_ticket")
class MediaTicket extends PanacheEntityBase {
    @Id
    public String ticket;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
