package kz.adal.casework;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import kz.adal.casework.inbox.TestSmtp;
import kz.adal.identity.UserRows;
import kz.adal.platform.TimeSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The appeal's decision reaches the student by e-mail too (a real SMTP server, GreenMail), besides the app. */
@QuarkusTest
class AppealMailTest {

    @Inject
    TimeSource time;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.fresh(); // one server per test JVM (see TestSmtp)
    }

    @Test
    void theDecisionIsMailedToTheStudent() throws Exception {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("mail", Duration.ofHours(1), new BigDecimal("58.00"), "D+");
        String address = g.student().login() + "@students.example";
        UserRows.email(g.student().id(), address);
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        String id = g.student().api().body(Map.of("attemptId", g.attemptId(), "reason", "Recount")).post("/api/appeals").then()
                .statusCode(201).extract().path("id");
        c.chair().api().body(Map.of("at", time.now().toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(200);
        c.chair().api().body(Map.of("decision", "UPHELD", "note", "Two answers were miscounted", "newPercent", 66))
                .post("/api/appeals/" + id + "/decision").then().statusCode(200);
        // the mail goes out after the commit, in the background
        MimeMessage decided = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().startsWith("Appeal upheld");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null), java.util.Objects::nonNull);
        assertTrue(String.valueOf(decided.getContent()).contains("66.00 C"), String.valueOf(decided.getContent()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                g.student().api().get("/api/inbox").then().body("find { it.kind == 'appeal.decided' }.mailStatus", equalTo("SENT")));
    }
}
