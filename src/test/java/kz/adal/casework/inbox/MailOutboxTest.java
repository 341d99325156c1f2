package kz.adal.casework.inbox;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import kz.adal.identity.UserRows;
import kz.adal.identity.Role;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notices table as a mail outbox (issue 16): what a node stored but never mailed (it stopped first) is sent
 * by the sweeper, once, even with several sweepers at once (as several nodes run it); a claim held by a node
 * that died is taken over when its lease ends, not before. GreenMail is the real SMTP server.
 */
@QuarkusTest
class MailOutboxTest {

    @Inject
    Inbox inbox;

    @Inject
    TimeSource time;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.fresh();
    }

    /** Notices stored with their case, as a request stores them, then the node "stops": nothing mails them. */
    private List<UUID> storedButNeverMailed(String tag, int people) {
        return storedButNeverMailed(tag, people, null);
    }

    /**
     * As above; with {@code claimedUntil}, the same transaction also records the claim of a node that died before
     * sending. One transaction: the scheduled sweeper (every 2 s in tests) must not see the notice unclaimed first.
     */
    private List<UUID> storedButNeverMailed(String tag, int people, Instant claimedUntil) {
        String group = Fixtures.group(tag);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Fixtures.Person p = Fixtures.person(tag + i, Set.of(Role.TEACHER), group);
            String address = p.login() + "@uni.example";
            UserRows.email(p.id(), address);
            ids.add(p.id());
        }
        List<PostedNotice> notices = QuarkusTransaction.requiringNew().call(() -> inbox.post(ids,
                new Inbox.Message("act.signed", "Act to decide", "An act awaits your vote.", null, "act", UUID.randomUUID()), true));
        List<UUID> noticeIds = notices.stream().map(PostedNotice::id).toList();
        // stored a minute ago: the request that made them would have mailed them by now
        Instant before = time.now().minus(Duration.ofMinutes(1));
        QuarkusTransaction.requiringNew().run(() -> {
            Notice.update("createdAt = ?1 where id in ?2", before, noticeIds);
            if (claimedUntil != null) {
                Notice.update("mailClaimedBy = 'node-dead', mailClaimUntil = ?1, mailAttempts = 1 where id in ?2", claimedUntil, noticeIds);
            }
        });
        return noticeIds;
    }

    private List<MimeMessage> received(List<UUID> noticeIds) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                String id = m.getMessageID();
                return noticeIds.stream().anyMatch(n -> id != null && id.contains(n.toString()));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void pendingNoticesOfAStoppedNodeAreSentOnceByNodesSweepingAtOnce() throws Exception {
        List<UUID> notices = storedButNeverMailed("outbox", 6);

        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> sweeps = List.of(inbox::sweep, inbox::sweep, inbox::sweep);
            // what the sweepers count is not the measure (they also send what other tests left due, and the scheduled
            // sweeper may take one of these first); the mails received below are: each notice once
            for (Future<Integer> f : nodes.invokeAll(sweeps)) f.get();
        } finally {
            nodes.shutdownNow();
        }

        smtp.waitForIncomingEmail(5_000, 6);
        // every notice SENT (a send the SMTP client gave up on is tried again by the sweeper: at least once)
        // (the statuses are read in the transaction and asserted outside it: an assertion thrown inside would come out
        // wrapped in QuarkusTransactionException, which Awaitility does not wait out)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Notice.MailStatus> statuses = QuarkusTransaction.requiringNew().call(() ->
                    notices.stream().map(id -> Notice.<Notice>findById(id).mailStatus).toList());
            assertEquals(java.util.Collections.nCopies(notices.size(), Notice.MailStatus.SENT), statuses);
        });
        List<MimeMessage> mails = received(notices);
        // none lost, and never two different mails for one notice: a repeat carries the same Message-ID, which
        // mail clients drop (docs/reliability.md); three sweepers at once send each notice once
        assertEquals(6, mails.stream().map(m -> { try { return m.getMessageID(); } catch (Exception e) { return ""; } }).distinct().count());
        int before = mails.size();
        inbox.sweep();   // a second sweep sends none of these again
        assertEquals(before, received(notices).size());
    }

    @Test
    void aClaimOfANodeThatDiedIsTakenOverWhenItsLeaseEndsNotBefore() throws Exception {
        // another node claimed it and died before sending
        List<UUID> notices = storedButNeverMailed("lease", 1, time.now().plus(Duration.ofMinutes(1)));
        UUID id = notices.get(0);

        inbox.sweep();
        assertEquals(0, received(notices).size(), "the lease is still running: the other node may yet send it");
        assertEquals("node-dead", QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(id)).mailClaimedBy);

        QuarkusTransaction.requiringNew().run(() -> Notice.update("mailClaimUntil = ?1 where id = ?2", time.now().minusSeconds(1), id));
        inbox.sweep();
        // this sweep or the scheduled one (every 2 s here) takes the lease over; other tests' mails may arrive in
        // between, so the wait is for this notice's own mail and outcome, not for any mail
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Notice after = QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(id));
            assertEquals(Notice.MailStatus.SENT, after.mailStatus);
            assertEquals(1, received(notices).size());
        });
        Notice after = QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(id));
        // the dead node's try and the one that sent it; a send the SMTP client gave up on is tried again (at least two)
        assertTrue(after.mailAttempts >= 2, "tries: " + after.mailAttempts);
        assertEquals(null, after.mailClaimedBy);
        inbox.sweep();
        assertEquals(1, received(notices).size(), "sent once");
    }

    @Test
    void failedTriesBackOffDoublingUpToAnHour() {
        assertEquals(Duration.ofMinutes(1), Inbox.backoff(Duration.ofMinutes(1), 1));
        assertEquals(Duration.ofMinutes(2), Inbox.backoff(Duration.ofMinutes(1), 2));
        assertEquals(Duration.ofMinutes(8), Inbox.backoff(Duration.ofMinutes(1), 4));
        assertEquals(Duration.ofHours(1), Inbox.backoff(Duration.ofMinutes(1), 9));
    }
}
