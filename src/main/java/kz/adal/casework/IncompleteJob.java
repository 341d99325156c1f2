package kz.adal.casework;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.casework.inbox.Inbox;
import kz.adal.oral.OralCatalog;
import kz.adal.oral.TurnStage;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grade "I" (001 §6.15.2): a re-sit published by the due date clears it with its grade; an I still
 * uncleared after its due date turns into "F", audited, and the student is told. Runs every
 * {@code adal.casework.incomplete-sweep-every} (default hourly), each record in its own transaction.
 */
@ApplicationScoped
public class IncompleteJob {
    private static final Logger LOG = Logger.getLogger(IncompleteJob.class);

    private final TimeSource time;
    private final AuditTrail audit;
    private final Inbox inbox;

    private final OralCatalog oral;

    IncompleteJob(TimeSource time, AuditTrail audit, Inbox inbox, OralCatalog oral) {
        this.oral = oral;
        this.time = time;
        this.audit = audit;
        this.inbox = inbox;
    }

    @Scheduled(identity = "casework-incomplete", every = "${adal.casework.incomplete-sweep-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = sweep();
        if (n > 0) LOG.infof("%d grade(s) I changed (cleared or turned into F)", n);
    }

    /** @return how many I grades changed */
    public int sweep() {
        List<UUID> open = QuarkusTransaction.requiringNew().call(() -> Incomplete.<Incomplete>list("grade = ?1", "I").stream().map(i -> i.id).toList());
        int changed = 0;
        for (UUID id : open) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> settle(id))) changed++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not settle grade I %s; will retry", id);
            }
        }
        return changed;
    }

    private boolean settle(UUID id) {
        Incomplete i = Incomplete.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (i == null || !"I".equals(i.grade)) return false;
        LocalDate today = time.today();
        OralCatalog.TurnRecord resit = oral.resitOf(i.turnId).orElse(null);
        if (resit != null && resit.stage() == TurnStage.PUBLISHED && resit.publishedAt() != null && resit.finalLetter() != null) {
            LocalDate on = LocalDate.ofInstant(resit.publishedAt(), TimeSource.ZONE);
            if (!on.isAfter(i.dueOn)) {
                i.rule().clear(on, resit.finalLetter());
                i.clearedOn = on;
                i.grade = resit.finalLetter();
                i.changedAt = time.now();
                audit.record(Change.of("incomplete.cleared", "oral-turn", i.turnId).scope(i.scopeId)
                        .detail(Map.of("grade", i.grade, "clearedOn", on.toString(), "resitTurn", resit.id().toString())));
                return true;
            }
        }
        if (!i.lapsesOn(today)) return false;
        i.grade = "F";
        i.changedAt = time.now();
        audit.record(Change.of("incomplete.lapsed", "oral-turn", i.turnId).scope(i.scopeId)
                .detail(Map.of("dueOn", i.dueOn.toString(), "on", today.toString(), "grade", "F")));
        inbox.post(List.of(i.studentId), Inbox.Message.worded("incomplete.lapsed", "incomplete.lapsed", "/casework/acts.html", "incomplete", i.id,
                Map.of("dueOn", i.dueOn)), false);
        return true;
    }
}
