package kz.adal.casework.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The outbox sweeper: every {@code adal.mail.sweep-every} on every node, sends the notices still pending (their
 * node stopped before mailing them) and tries failed ones again after their backoff. Each notice is claimed
 * before it is sent ({@link Inbox#claim}), so nodes sweeping at once never send one twice.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);

    private final Inbox inbox;

    MailOutbox(Inbox inbox) {
        this.inbox = inbox;
    }

    @Scheduled(identity = "mail-outbox", every = "${adal.mail.sweep-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int sent = inbox.sweep();
            if (sent > 0) LOG.infof("outbox: sent %d pending notice(s)", sent);
        } catch (RuntimeException e) {
            LOG.errorf(e, "outbox sweep failed; the next one tries again");
        }
    }
}
