package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import kz.adal.platform.AfterCommit;
import kz.adal.proctoring.TerminationRequested;

import java.util.List;

/**
 * A proctor's request to stop a student waits for a teacher or another person with academic-administrative
 * authority (001 §6.14): each of them gets a notice in the inbox (and a mail) with the page to decide it.
 */
@ApplicationScoped
class TerminationNotices {
    static final String CASE_TYPE = "termination";

    private final Inbox inbox;
    private final TransactionSynchronizationRegistry tx;

    TerminationNotices(Inbox inbox, TransactionSynchronizationRegistry tx) {
        this.inbox = inbox;
        this.tx = tx;
    }

    void onRequested(@Observes TerminationRequested r) {
        if (r.deciders().isEmpty()) return;
        List<Notice> notices = inbox.post(r.deciders(), new Inbox.Message("termination.requested",
                "Stop request awaiting your decision: " + r.studentName(),
                r.requestedByName() + " asks to stop " + r.studentName() + " in " + r.examTitle() + " for breaking the rules (001 §6.14): "
                        + r.reason() + "\nThe attempt keeps running until you confirm. Open the request to see the flags and evidence, then confirm or decline.",
                r.link(), CASE_TYPE, r.terminationId()), true);
        AfterCommit.run(tx, () -> inbox.deliverLater(notices));
    }
}
