package kz.adal.casework.inbox;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
 *
 * <p>The notices are the outbox (issue 16): a node that stops before sending loses nothing, since
 * {@link MailOutbox} sweeps pending and failed notices on every node, and a lease taken by one conditional
 * update ({@link #claim}) makes each send happen on one node only (docs/reliability.md).
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

    /** The request that made a notice mails it itself; the sweeper leaves it this long before stepping in. */
    private static final Duration PENDING_GRACE = Duration.ofSeconds(30);
    /** A lease outlives the send's own time limit by this much. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final ReactiveMailer mailer;
    private final TimeSource time;
    private final String siteUrl;
    private final Duration mailTimeout;
    private final int maxAttempts;
    private final Duration retryAfter;
    private final String node;
    private final Counter mailFailures;

    Inbox(ReactiveMailer mailer, TimeSource time, @ConfigProperty(name = "adal.site-url", defaultValue = "http://localhost:8080") String siteUrl,
          @ConfigProperty(name = "adal.mail.timeout", defaultValue = "PT20S") Duration mailTimeout,
          @ConfigProperty(name = "adal.mail.max-attempts", defaultValue = "8") int maxAttempts,
          @ConfigProperty(name = "adal.mail.retry-after", defaultValue = "PT1M") Duration retryAfter,
          @ConfigProperty(name = "adal.live.node") Optional<String> node, MeterRegistry registry) {
        this.mailer = mailer;
        this.time = time;
        this.mailTimeout = mailTimeout;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryAfter = retryAfter;
        this.node = node.orElseGet(() -> "node-" + ProcessHandle.current().pid());
        this.mailFailures = Counter.builder("adal.mail.failures").description("Mails the SMTP server did not take (each try)")
                .register(registry);
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** Stores one notice per recipient (in the caller's transaction) and returns them, unsent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PostedNotice> post(List<UUID> recipients, Message m, boolean mail) {
        return recipients.stream().distinct().map(r -> PostedNotice.of(store(r, m, mail))).toList();
    }

    /**
     * Sends the e-mails of stored notices that this node can claim, and records each outcome. Call it after the
     * transaction that stored them has committed (e.g. from the resource, or {@code QuarkusTransaction.runner}).
     * A notice another node is sending, or already sent, is left alone: each is sent once (see {@link #claim}).
     */
    public void mail(List<PostedNotice> notices) {
        for (PostedNotice n : notices) {
            if (n.toMail()) send(n.id());
        }
    }

    /**
     * {@link #mail} in the background, after the caller's commit: a slow or unreachable SMTP server never holds
     * the request that made the notices. Nothing is lost if this node stops first: the notices are rows in the
     * outbox, and {@link MailOutbox}'s sweeper on any node sends what is still pending, and tries a failed mail
     * again later.
     */
    public void deliverLater(List<PostedNotice> notices) {
        if (notices.isEmpty()) return;
        Infrastructure.getDefaultWorkerPool().execute(() -> mail(notices));
    }

    /**
     * Sends what is due in the outbox: pending notices older than a moment (the request that made them sends them
     * itself), failed ones whose backoff has passed, and claims left by a node that died (lease over). Returns how
     * many were sent. Safe on every node at once: each notice is claimed before it is sent.
     */
    public int sweep() {
        Instant now = time.now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>find(
                        "mailTo is not null and mailAttempts < ?1 and (mailClaimUntil is null or mailClaimUntil < ?2) and ("
                                + "(mailStatus = ?3 and createdAt < ?4) or (mailStatus = ?5 and (mailNextAt is null or mailNextAt <= ?2))"
                                + ") order by createdAt",
                        maxAttempts, now, Notice.MailStatus.PENDING, now.minus(PENDING_GRACE), Notice.MailStatus.FAILED)
                .page(0, 200).list().stream().map(n -> n.id).toList());
        int sent = 0;
        for (UUID id : due) {
            if (send(id) == Notice.MailStatus.SENT) sent++;
        }
        return sent;
    }

    /**
     * Takes the lease on one notice for this node, if it is still to be sent and nobody holds a live lease: one
     * conditional update, so of two nodes (or two threads) asking at once exactly one gets it.
     */
    boolean claim(UUID noticeId) {
        Instant now = time.now();
        int claimed = QuarkusTransaction.requiringNew().call(() -> Notice.update(
                "mailClaimedBy = ?1, mailClaimUntil = ?2, mailAttempts = mailAttempts + 1 where id = ?3 and mailTo is not null "
                        + "and mailStatus in ?4 and mailAttempts < ?5 and (mailClaimUntil is null or mailClaimUntil < ?6)",
                node, now.plus(mailTimeout).plus(LEASE_MARGIN), noticeId,
                List.of(Notice.MailStatus.PENDING, Notice.MailStatus.FAILED), maxAttempts, now));
        return claimed == 1;
    }

    /** Claims, sends and records one notice; null if another node has it (or it is no longer to be sent). */
    private Notice.MailStatus send(UUID noticeId) {
        if (!claim(noticeId)) return null;
        Notice n = QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(noticeId));
        Notice.MailStatus status;
        String error = null;
        try {
            String text = n.body + (n.link == null ? "" : "\n\n" + siteUrl + n.link);
            // one Message-ID per notice: should a node die after the SMTP server took the mail but before the
            // outcome was written, the mail sent again after the lease carries the same id and mail clients drop it
            Mail mail = Mail.withText(n.mailTo, n.subject, text).addHeader("Message-ID", "<notice-" + n.id + "@adal>");
            // bounded: a mail server that stops answering must not hold a thread for ever (quarkus#51042)
            mailer.send(mail).await().atMost(mailTimeout);
            status = Notice.MailStatus.SENT;
        } catch (RuntimeException e) {
            // some transport failures carry no message: their type is then what says what happened
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf(e.getMessage() == null ? e : null, "Mail to %s about %s failed (try %d of %d): %s", n.mailTo, n.kind, n.mailAttempts, maxAttempts, why);
            status = Notice.MailStatus.FAILED;
            error = why;
            mailFailures.increment();
        }
        recordMail(noticeId, status, error);
        return status;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordMail(UUID noticeId, Notice.MailStatus status, String error) {
        Notice n = Notice.findById(noticeId);
        if (n == null) return;
        Instant now = time.now();
        n.mailStatus = status;
        n.mailError = error == null ? null : error.substring(0, Math.min(2000, error.length()));
        n.mailedAt = now;
        n.mailClaimedBy = null;
        n.mailClaimUntil = null;
        n.mailNextAt = status == Notice.MailStatus.FAILED ? now.plus(backoff(retryAfter, n.mailAttempts)) : null;
    }

    /** 1, 2, 4, 8... times the base wait after the 1st, 2nd, 3rd... failed try; at most an hour. */
    static Duration backoff(Duration base, int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(10, Math.max(0, attempts - 1)));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }

    /**
     * Who was sent the notices of one kind about a case, and what became of each mail, in the order they were posted
     * (the act's page lists the mails of its signing: {@code mail.mailStatus}).
     */
    public record CaseMail(UUID recipientId, String mailTo, String mailStatus, boolean read) {
    }

    @Transactional
    public List<CaseMail> mailOf(String caseType, UUID caseId, String kind) {
        return Notice.forCase(caseType, caseId).stream().filter(n -> kind.equals(n.kind))
                .map(n -> new CaseMail(n.recipientId, n.mailTo, n.mailStatus.name(), n.readAt != null)).toList();
    }

    @Transactional
    List<Notice> mine(UUID userId, int limit) {
        return Notice.forRecipient(userId, Math.max(1, Math.min(limit, 200)));
    }

    @Transactional
    Notice markRead(UUID userId, UUID noticeId) {
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
        Person u = People.find(recipientId).orElse(null);
        if (u == null) throw Problem.notFound("Person " + recipientId);
        Notice n = new Notice();
        n.id = UUID.randomUUID();
        n.recipientId = recipientId;
        n.kind = m.kind();
        if (m.template() != null) {
            NoticeTexts.Worded w = texts.word(m.template(), u.uiLanguage(), m.data());
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
            boolean hasAddress = u.email() != null && !u.email().isBlank();
            n.mailTo = hasAddress ? u.email().strip() : null;
            n.mailStatus = hasAddress ? Notice.MailStatus.PENDING : Notice.MailStatus.NO_ADDRESS;
        }
        n.persist();
        return n;
    }
}
