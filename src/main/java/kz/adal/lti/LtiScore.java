package kz.adal.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A released result waiting to go to the platform's gradebook (an outbox row): written once per attempt and link
 * (unique), sent by {@link ScorePassback} with retries and backoff until the platform takes it.
 */
@Entity
@Table(name = "lti_score")
class LtiScore extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "link_id", nullable = false)
    public UUID linkId;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** The platform's id of the student ({@code sub}). */
    @Column(name = "platform_user", nullable = false)
    public String platformUser;

    @Column(name = "score_given", nullable = false)
    public BigDecimal scoreGiven;

    @Column(name = "score_maximum", nullable = false)
    public BigDecimal scoreMaximum;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int tries;

    @Column(name = "next_try_at", nullable = false)
    public Instant nextTryAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;
}
