package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import kz.adal.bank.BankVersionSubmitted;
import kz.adal.casework.inbox.Inbox;
import kz.adal.casework.inbox.PostedNotice;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.AfterCommit;

import java.util.List;
import java.util.UUID;

/** An author sent a bank version to the department meeting (001 §5.19): the heads of department are told. */
@ApplicationScoped
class BankSubmissionNotices {
    private final Inbox inbox;
    private final TransactionSynchronizationRegistry tx;

    BankSubmissionNotices(Inbox inbox, TransactionSynchronizationRegistry tx) {
        this.inbox = inbox;
        this.tx = tx;
    }

    void onSubmitted(@Observes BankVersionSubmitted s) {
        List<UUID> heads = People.withRole(Role.HEAD_OF_DEPARTMENT)
                .stream().map(People.Person::id).toList();
        if (heads.isEmpty()) return;
        List<PostedNotice> notices = inbox.post(heads, Inbox.Message.worded("bank.sent-to-department", "bank.sent-to-department",
                s.link(), "bank-version", s.versionId(), java.util.Map.of("bank", s.bankTitle(), "number", s.number(),
                        "by", s.submittedByName(), "questions", s.questions(), "note", s.note() == null ? "" : s.note())), true);
        AfterCommit.run(tx, () -> inbox.deliverLater(notices));
    }
}
