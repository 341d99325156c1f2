package kz.adal.casework;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.AppUser;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers notices about cases: always into the recipient's inbox in the app, and by e-mail through
 * Quarkus Mailer when {@code mail} is asked for and the person has an address (acts go to every
 * commission member the same day, 001 §6.15.6; decisions go back to the student, 001 §6.15.3).
 *
 * <p>The notice is stored in the caller's transaction; the e-mail is sent after it, outside any
 * transaction, and its outcome is written back. A mail server that is down therefore never rolls back
 * the act or the decision — the failure is recorded on the notice and shown to whoever sent it.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /**
     * What a caller wants delivered. {@code link} is a site-relative page. A message made by {@link #worded}
     * carries no sentences of its own but a template and its values: each recipient's notice (and mail) is
     * worded from {@code templates/notices/<template>.<lang>.txt} in that person's language (first line the
     * subject, the rest the body).
     */
    public record Message(String kind, String subject, String body, String link, String caseType, UUID caseId,
                          String template, Map<String, Object> data) {
        /** A message already worded by the caller (one text for every recipient). */
        public Message(String kind, String subject, String body, String link, String caseType, UUID caseId) {
            this(kind, subject, body, link, caseType, caseId, null, null);
        }

        /** A message worded per recipient from its template; values are shown as {@link NoticeTexts} words them. */
        public static Message worded(String kind, String template, String link, String caseType, UUID caseId, Map<String, Object> data) {
            return new Message(kind, null, null, link, caseType, caseId, template, data);
        }
    }

    @jakarta.inject.Inject NoticeTexts texts;

    private final ReactiveMailer mailer;
    private final TimeSource time;
    private final String siteUrl;
    private final Duration mailTimeout;

    Inbox(ReactiveMailer mailer, TimeSource time, @ConfigProperty(name = "adal.site-url", defaultValue = "http://localhost:8080") String siteUrl,
          @ConfigProperty(name = "adal.mail.timeout", defaultValue = "PT20S") Duration mailTimeout) {
        this.mailer = mailer;
        this.time = time;
        this.mailTimeout = mailTimeout;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** Stores one notice per recipient (in the caller's transaction) and returns them, unsent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notice> post(List<UUID> recipients, Message m, boolean mail) {
        return recipients.stream().distinct().map(r -> store(r, m, mail)).toList();
    }

    /**
     * Sends the e-mails of stored notices and records each outcome. Call it after the transaction that
     * stored them has committed (e.g. from the resource, or {@code QuarkusTransaction.runner}).
     */
    public void mail(List<Notice> notices) {
        for (Notice n : notices) {
            if (n.mailStatus != Notice.MailStatus.PENDING || n.mailTo == null) continue;
            Notice.MailStatus status;
            String error = null;
            try {
                String text = n.body + (n.link == null ? "" : "\n\n" + siteUrl + n.link);
                // bounded: a mail server that stops answering must not hold a thread for ever (quarkus#51042)
                mailer.send(Mail.withText(n.mailTo, n.subject, text)).await().atMost(mailTimeout);
                status = Notice.MailStatus.SENT;
            } catch (RuntimeException e) {
                LOG.warnf("Mail to %s about %s failed: %s", n.mailTo, n.kind, e.getMessage());
                status = Notice.MailStatus.FAILED;
                error = String.valueOf(e.getMessage());
            }
            recordMail(n.id, status, error);
            n.mailStatus = status; // the caller's detached copy, for its response
            n.mailError = error;
        }
    }

    /**
     * {@link #mail} in the background, after the caller's commit: a slow or unreachable SMTP server never holds
     * the request that made the notices. A failed mail is tried once more; each outcome is recorded on its
     * notice (pending → sent / failed) and shown to whoever sent it.
     */
    public void deliverLater(List<Notice> notices) {
        if (notices.isEmpty()) return;
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            mail(notices);
            List<UUID> failed = notices.stream().filter(n -> n.mailStatus == Notice.MailStatus.FAILED).map(n -> n.id).toList();
            if (failed.isEmpty()) return;
            List<Notice> again = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                List<Notice> out = Notice.<Notice>list("id in ?1", failed);
                out.forEach(n -> n.mailStatus = Notice.MailStatus.PENDING);
                return out;
            });
            mail(again);
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordMail(UUID noticeId, Notice.MailStatus status, String error) {
        Notice n = Notice.findById(noticeId);
        if (n == null) return;
        n.mailStatus = status;
        n.mailError = error == null ? null : error.substring(0, Math.min(2000, error.length()));
        n.mailedAt = time.now();
    }

    @Transactional
    public List<Notice> mine(UUID userId, int limit) {
        return Notice.forRecipient(userId, Math.max(1, Math.min(limit, 200)));
    }

    @Transactional
    public Notice markRead(UUID userId, UUID noticeId) {
        Notice n = Notice.findById(noticeId);
        if (n == null || !n.recipientId.equals(userId)) throw Problem.notFound("Notice");
        if (n.readAt == null) n.readAt = time.now();
        return n;
    }

    @Transactional
    public long unread(UUID userId) {
        return Notice.count("recipientId = ?1 and readAt is null", userId);
    }

    private Notice store(UUID recipientId, Message m, boolean mail) {
        AppUser u = AppUser.findById(recipientId);
        if (u == null) throw Problem.notFound("Person " + recipientId);
        Notice n = new Notice();
        n.id = UUID.randomUUID();
        n.recipientId = recipientId;
        n.kind = m.kind();
        if (m.template() != null) {
            NoticeTexts.Worded w = texts.word(m.template(), u.uiLanguage, m.data());
            n.subject = w.subject();
            n.body = w.body();
        } else {
            n.subject = m.subject();
            n.body = m.body();
        }
        n.link = m.link();
        n.caseType = m.caseType();
        n.caseId = m.caseId();
        n.createdAt = time.now();
        if (mail) {
            boolean hasAddress = u.email != null && !u.email.isBlank();
            n.mailTo = hasAddress ? u.email.strip() : null;
            n.mailStatus = hasAddress ? Notice.MailStatus.PENDING : Notice.MailStatus.NO_ADDRESS;
        }
        n.persist();
        return n;
    }
}
