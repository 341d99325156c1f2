package kz.adal.attempt;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Submits attempts whose time is up even when no browser is left: every few seconds
 * ({@code adal.attempt.deadline-sweep-every}), on every node; {@link AttemptService#expireDue()} makes
 * that safe (a row lock and a re-check per attempt).
 */
@ApplicationScoped
public class AttemptDeadlineJob {
    private static final Logger LOG = Logger.getLogger(AttemptDeadlineJob.class);

    private final AttemptService attempts;

    AttemptDeadlineJob(AttemptService attempts) {
        this.attempts = attempts;
    }

    @Scheduled(identity = "attempt-deadline", every = "${adal.attempt.deadline-sweep-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        int n = attempts.expireDue();
        if (n > 0) LOG.infof("expired %d attempt(s) past their deadline", n);
    }
}
