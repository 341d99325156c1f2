package kz.adal.casework.inbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import kz.adal.identity.UserRows;
import kz.adal.identity.Role;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices land in the app and reach a real SMTP server (GreenMail on the test port); nobody reads another's inbox. */
@QuarkusTest
class InboxMailTest {

    @Inject
    Inbox inbox;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.fresh(); // one server per test JVM (see TestSmtp)
    }


    @Test
    void aNoticeIsKeptInTheAppAndMailedToThePersonsAddress() throws Exception {
        String group = Fixtures.group("inbox");
        Fixtures.Person member = Fixtures.person("member", Set.of(Role.TEACHER), group);
        Fixtures.Person other = Fixtures.person("other", Set.of(Role.TEACHER), group);
        UserRows.email(member.id(), member.login() + "@uni.example");

        List<PostedNotice> sent = QuarkusTransaction.requiringNew().call(() -> inbox.post(List.of(member.id()),
                new Inbox.Message("act.signed", "Technical-failure act to decide", "An act awaits your vote.",
                        "/casework/act.html?id=1", "act", UUID.randomUUID()), true));
        inbox.deliverLater(sent); // after the commit, in the background, one retry

        String address = member.login() + "@uni.example";
        MimeMessage mail = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> { try { return address.equals(m.getAllRecipients()[0].toString()); } catch (Exception e) { return false; } })
                .findFirst().orElse(null), java.util.Objects::nonNull);
        assertEquals(member.login() + "@uni.example", mail.getAllRecipients()[0].toString());
        assertEquals("Technical-failure act to decide", mail.getSubject());
        assertTrue(((String) mail.getContent()).contains("/casework/act.html?id=1"));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                member.api().get("/api/inbox").then().body("[0].mailStatus", equalTo("SENT")));
        String id = member.api().get("/api/inbox").then().statusCode(200)
                .body("", hasSize(1)).body("[0].mailStatus", equalTo("SENT")).body("[0].readAt", equalTo(null))
                .extract().path("[0].id");
        member.api().get("/api/inbox/unread").then().body("unread", equalTo(1));
        other.api().post("/api/inbox/" + id + "/read").then().statusCode(404);
        member.api().post("/api/inbox/" + id + "/read").then().statusCode(200);
        member.api().get("/api/inbox/unread").then().body("unread", equalTo(0));
    }

    @Test
    void aMailServerThatIsDownLosesNoNoticeAndTheFailureIsRecorded() {
        smtp.stop();
        String group = Fixtures.group("inbox");
        Fixtures.Person member = Fixtures.person("member", Set.of(Role.TEACHER), group);
        Fixtures.Person noAddress = Fixtures.person("noaddr", Set.of(Role.TEACHER), group);
        UserRows.email(member.id(), "m@uni.example");

        List<PostedNotice> sent = QuarkusTransaction.requiringNew().call(() -> inbox.post(List.of(member.id(), noAddress.id()),
                new Inbox.Message("act.signed", "Act", "Body", null, "act", UUID.randomUUID()), true));
        inbox.mail(sent);

        member.api().get("/api/inbox").then().body("[0].mailStatus", equalTo("FAILED"));
        noAddress.api().get("/api/inbox").then().body("[0].mailStatus", equalTo("NO_ADDRESS"));
    }
}
