package kz.adal.casework.inbox;

import java.util.UUID;

/**
 * A notice just stored by {@link Inbox#post}, as its caller holds it until the commit: the id to mail it by
 * ({@link Inbox#deliverLater}), whom it is for, and its mail status when stored ({@code NONE} in-app only,
 * {@code PENDING} to be mailed, {@code NO_ADDRESS}). The {@code Notice} entity itself stays in this package.
 */
public record PostedNotice(UUID id, UUID recipientId, String mailStatus) {

    /** Whether there is a mail to send for it. */
    boolean toMail() {
        return Notice.MailStatus.PENDING.name().equals(mailStatus) || Notice.MailStatus.FAILED.name().equals(mailStatus);
    }

    static PostedNotice of(Notice n) {
        return new PostedNotice(n.id, n.recipientId, n.mailStatus.name());
    }
}
