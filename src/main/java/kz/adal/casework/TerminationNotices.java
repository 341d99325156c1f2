package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import kz.adal.casework.inbox.Inbox;
import kz.adal.casework.inbox.PostedNotice;
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
        List<PostedNotice> notices = inbox.post(r.deciders(), Inbox.Message.worded("termination.requested", "termination.requested",
                r.link(), CASE_TYPE, r.terminationId(), java.util.Map.of("by", r.requestedByName(), "student", r.studentName(),
                        "exam", r.examTitle(), "reason", r.reason())), true);
        AfterCommit.run(tx, () -> inbox.deliverLater(notices));
    }
}
