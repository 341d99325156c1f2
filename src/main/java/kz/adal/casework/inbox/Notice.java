package kz.adal.casework.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message to one person about a case (an act to sign, a vote to cast, an appeal's hearing, a
 * decision). It is kept in the app (the person's inbox) and, when the person has an e-mail address,
 * also mailed; the mail's fate is recorded here so a failed mail is visible and never loses the notice.
 */
@Entity
@Table(name = "casework_notice")
class Notice extends PanacheEntityBase {

    /**
     * NONE: in-app only; PENDING: to be mailed (after the commit, or by the outbox sweeper); FAILED: the last try
     * failed, tried again after {@link #mailNextAt} until the attempts run out; SENT: the SMTP server took it.
     */
    public enum MailStatus { NONE, PENDING, NO_ADDRESS, SENT, FAILED }

    @Id
    public UUID id;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    /** What the notice is about, e.g. {@code act.signed}; stable, for filtering. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false, length = 8000)
    public String body;

    /** The page to open, relative to the site root (e.g. {@code /casework/act.html?id=…}). */
    public String link;

    @Column(name = "case_type")
    public String caseType;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "mail_to")
    public String mailTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_status", nullable = false)
    public MailStatus mailStatus = MailStatus.NONE;

    @Column(name = "mail_error", length = 2000)
    public String mailError;

    @Column(name = "mailed_at")
    public Instant mailedAt;

    /** Tries so far (each claim counts one). */
    @Column(name = "mail_attempts", nullable = false)
    public int mailAttempts;

    /** Not tried again before this (backoff after a failure). */
    @Column(name = "mail_next_at")
    public Instant mailNextAt;

    /** The node sending it now, until {@link #mailClaimUntil}: a lease, see {@code MailOutbox}. */
    @Column(name = "mail_claimed_by")
    public String mailClaimedBy;

    @Column(name = "mail_claim_until")
    public Instant mailClaimUntil;

    public static List<Notice> forRecipient(UUID recipientId, int limit) {
        return find("recipientId = ?1 order by createdAt desc", recipientId).page(0, limit).list();
    }

    public static List<Notice> forCase(String caseType, UUID caseId) {
        return list("caseType = ?1 and caseId = ?2 order by createdAt", caseType, caseId);
    }
}
