package kz.adal.casework;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import kz.adal.attempt.AttemptService;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test attempt hit by an outage (001 §6.15.6, product extension to tests): the act is drafted from the
 * events, signed, mailed to every commission member through a real SMTP server, voted on and decided; the
 * same attempt continues with the lost time credited, or is voided with an individual sheet.
 */
@QuarkusTest
class ActFlowTest {

    @Inject
    TimeSource time;
    @Inject
    AttemptService attempts;
    @Inject
    ActReportSection report;
    @Inject
    kz.adal.casework.commission.CommissionAccess access;

    @Inject
    ActRecordingHolds holds;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = kz.adal.casework.inbox.TestSmtp.fresh();
    }

    @AfterEach
    void stop() {
        time.reset();
    }

    /** The outage: connection lost 5–12 minutes in, a problem report, then the 50 minutes run out. */
    ActGiven.Case outageThatExpiredTheAttempt() throws Exception {
        ActGiven.Case c = ActGiven.started();
        ActGiven.events(c.attemptId(),
                "connection.closed", c.startedAt().plus(Duration.ofMinutes(5)), Map.of(),
                "problem.reported", c.startedAt().plus(Duration.ofMinutes(6)), Map.of("text", "The page froze, my internet is down"),
                "connection.opened", c.startedAt().plus(Duration.ofMinutes(12)), Map.of());
        time.advance(Duration.ofMinutes(51));
        attempts.expireDue();
        c.student().api().get("/api/attempts/" + c.attemptId()).then().body("state", equalTo("EXPIRED"));
        return c;
    }

    @Test
    void anOutageIsDraftedSignedMailedVotedAndTheSameAttemptResumesWithTheLostTime() throws Exception {
        ActGiven.Case c = outageThatExpiredTheAttempt();

        // only the exam's proctor or secretary drafts
        c.member1().api().post("/api/attempts/" + c.attemptId() + "/acts").then().statusCode(403);
        String act = c.proctor().api().post("/api/attempts/" + c.attemptId() + "/acts").then().statusCode(201)
                .body("state", equalTo("DRAFT"))
                .body("evidence.eventChannel", hasSize(1))
                .body("evidence.eventChannel[0].what", equalTo("connection"))
                .body("evidence.problemReports[0].text", equalTo("The page froze, my internet is down"))
                .body("lostSeconds", equalTo(420))
                .body("whatHappened", containsString("Connection lost"))
                .body("can.sign", equalTo(true))
                .extract().path("id");
        c.proctor().api().post("/api/attempts/" + c.attemptId() + "/acts").then().statusCode(409).body("code", equalTo("ACT_OPEN_EXISTS"));
        // a member can read the draft but can neither edit nor sign it, nor vote on it yet
        c.member1().api().get("/api/acts/" + act).then().statusCode(200).body("can.edit", equalTo(false));
        c.member1().api().body(Map.of("whatHappened", "x")).put("/api/acts/" + act).then().statusCode(403);
        c.member1().api().body(Map.of("choice", "RESUME")).post("/api/acts/" + act + "/votes").then().statusCode(409);
        c.student().api().get("/api/acts/" + act).then().statusCode(404);

        c.secretary().api().body(Map.of("whatHappened", "The student's connection was lost from minute 5 to minute 12.",
                        "effect", "The student could not answer for 7 minutes; the time ran out.", "measures", "The proctor was told at once."))
                .put("/api/acts/" + act).then().statusCode(200).body("effect", containsString("7 minutes"));
        c.secretary().api().post("/api/acts/" + act + "/sign").then().statusCode(200).body("state", equalTo("SIGNED"))
                .body("mail", hasSize(4));

        // the same day, every commission member has it by e-mail (sent in the background, outcome recorded) and in the app
        assertTrue(smtp.waitForIncomingEmail(90_000, 4));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> c.secretary().api().get("/api/acts/" + act)
                .then().extract().jsonPath().getList("mail.mailStatus").equals(List.of("SENT", "SENT", "SENT", "SENT")));
        // this act's mails (another test's act may still be mailing in the background)
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try { return ((String) m.getContent()).contains("/casework/act.html?id=" + act); } catch (Exception e) { throw new RuntimeException(e); }
        }).toList();
        Set<String> to = mails.stream().map(m -> {
            try { return m.getAllRecipients()[0].toString(); } catch (Exception e) { throw new RuntimeException(e); }
        }).collect(Collectors.toSet());
        assertEquals(c.commission().stream().map(p -> p.login() + "@uni.example").collect(Collectors.toSet()), to);
        for (MimeMessage m : mails) {
            assertTrue(m.getSubject().startsWith("Technical-failure act: Act exam"), m.getSubject());
        }
        for (Fixtures.Person p : c.commission()) {
            p.api().get("/api/inbox").then().body("kind", hasItem("act.signed")).body("[0].link", containsString(act));
        }

        // signed: immutable
        c.secretary().api().body(Map.of("whatHappened", "changed")).put("/api/acts/" + act).then().statusCode(409).body("code", equalTo("ACT_SIGNED"));
        // votes: members only, once each; the secretary does not vote
        c.secretary().api().body(Map.of("choice", "RESUME")).post("/api/acts/" + act + "/votes").then().statusCode(403);
        Fixtures.Person outsider = Fixtures.person("out", Set.of(kz.adal.identity.Role.TEACHER), null);
        outsider.api().body(Map.of("choice", "RESUME")).post("/api/acts/" + act + "/votes").then().statusCode(403)
                .body("code", equalTo("ACT_NOT_A_MEMBER"));
        c.member1().api().body(Map.of("choice", "RESUME", "comment", "The log shows the outage")).post("/api/acts/" + act + "/votes")
                .then().statusCode(200).body("myVote", equalTo("RESUME"));
        c.member1().api().body(Map.of("choice", "VOID")).post("/api/acts/" + act + "/votes").then().statusCode(409)
                .body("code", equalTo("ACT_ALREADY_VOTED"));
        c.member2().api().body(Map.of("choice", "VOID")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        // not all in yet
        c.chair().api().body(Map.of("decision", "RESUME")).post("/api/acts/" + act + "/decision").then().statusCode(409)
                .body("code", equalTo("ACT_VOTES_PENDING"));
        c.chair().api().body(Map.of("choice", "RESUME")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        c.member1().api().body(Map.of("decision", "RESUME")).post("/api/acts/" + act + "/decision").then().statusCode(403);
        c.chair().api().body(Map.of("decision", "VOID")).post("/api/acts/" + act + "/decision").then().statusCode(409)
                .body("code", equalTo("ACT_AGAINST_MAJORITY"));
        JsonPath decided = c.chair().api().body(Map.of("decision", "RESUME", "reason", "The outage is confirmed by the log"))
                .post("/api/acts/" + act + "/decision").then().statusCode(200)
                .body("state", equalTo("DECIDED")).body("decision", equalTo("RESUME")).body("creditedSeconds", equalTo(420))
                .body("votes", hasSize(3)).body("counts.RESUME", equalTo(2)).body("counts.VOID", equalTo(1))
                .body("attemptState", equalTo("IN_PROGRESS")).extract().jsonPath();
        assertEquals("The log shows the outage", decided.getString("votes.find { it.choice == 'RESUME' && it.comment != null }.comment"));

        // the same attempt continues, with the 7 lost minutes, and takes answers
        JsonPath a = c.student().api().get("/api/attempts/" + c.attemptId()).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS")).extract().jsonPath();
        long remaining = Duration.between(java.time.Instant.parse(a.getString("serverNow")), java.time.Instant.parse(a.getString("deadlineAt"))).toSeconds();
        assertTrue(remaining > 400 && remaining <= 420, "remaining " + remaining);
        c.student().api().body(Map.of("selected", List.of(1), "seq", 1)).put("/api/attempts/" + c.attemptId() + "/answers/1")
                .then().statusCode(200).body("applied", equalTo(true));
        c.student().api().get("/api/inbox").then().body("kind", hasItem("act.decided"));
        c.student().api().get("/api/acts/" + act).then().statusCode(200);
        // the act is in the audit trail of the exam, intact
        Api.as("admin").queryParam("scope", c.examId().toString()).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        // and in the act's PDF
        byte[] pdf = c.member1().api().get("/api/acts/" + act + "/act.pdf").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF"));
        // in Kazakh and in Russian, as the commission signs it (issue 15)
        List<String> data = new java.util.ArrayList<>(List.of(c.examId().toString(), "The page froze, my internet is down",
                "The student's connection was lost from minute 5 to minute 12.", "The student could not answer for 7 minutes; the time ran out.",
                "The proctor was told at once.", "The log shows the outage", "The outage is confirmed by the log",
                c.member1().api().get("/api/acts/" + act).then().extract().path("title")));
        for (Fixtures.Person p : List.of(c.student(), c.chair(), c.member1(), c.member2(), c.secretary(), c.proctor())) {
            data.add("Person " + p.login());
            data.add(p.login());
        }
        for (String lang : List.of("kk", "ru")) {
            byte[] doc = c.member1().api().get("/api/acts/" + act + "/act.pdf?lang=" + lang).then().statusCode(200).extract().asByteArray();
            String t = kz.adal.testing.OfficialDocumentCheck.check("act", doc, lang, data);
            assertTrue(t.contains(lang.equals("kk") ? "Техникалық ақау туралы акт" : "Акт о техническом сбое"), t);
            assertTrue(t.contains(lang.equals("kk") ? "Байланыс үзілді" : "Связь прервалась"), t);
            assertTrue(t.contains(lang.equals("kk") ? "Жоғалған уақытты есепке алып" : "Продолжить ту же попытку"), t);
        }
    }

    @Test
    void aVoidDecisionVoidsTheAttemptAndOpensAnIndividualSheet() throws Exception {
        ActGiven.Case c = outageThatExpiredTheAttempt();
        String act = c.secretary().api().post("/api/attempts/" + c.attemptId() + "/acts").then().statusCode(201).extract().path("id");
        java.util.UUID attemptId = java.util.UUID.fromString(c.attemptId());
        // an open act holds the recordings; the commission may review the exam and view its recordings, others may not
        assertTrue(holds.holdsFor(attemptId).contains(kz.adal.media.RecordingHold.OPEN_ACT));
        assertTrue(access.mayReview(new kz.adal.identity.Actor(c.member2().id(), "member2", Set.of()), c.examId()));
        assertTrue(access.mayView(new kz.adal.identity.Actor(c.chair().id(), "chair", Set.of()),
                new kz.adal.media.RecordingAccessPolicy.Subject(attemptId, c.examId(), c.student().id())));
        assertTrue(!access.mayReview(new kz.adal.identity.Actor(c.proctor().id(), "proctor", Set.of()), c.examId()));
        c.secretary().api().post("/api/acts/" + act + "/sign").then().statusCode(200);
        // a tie: the chair decides between the tied options
        c.chair().api().body(Map.of("choice", "VOID")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        c.member1().api().body(Map.of("choice", "VOID")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        c.member2().api().body(Map.of("choice", "RESUME")).post("/api/acts/" + act + "/votes").then().statusCode(200);
        c.chair().api().body(Map.of("decision", "VOID")).post("/api/acts/" + act + "/decision").then().statusCode(200)
                .body("decision", equalTo("VOID")).body("attemptState", equalTo("VOIDED"));
        c.student().api().get("/api/attempts/" + c.attemptId()).then().body("state", equalTo("VOIDED"));
        c.student().api().get("/api/sheets/mine").then().statusCode(200)
                .body("findAll { it.examId == '" + c.examId() + "' }", hasSize(1))
                .body("find { it.examId == '" + c.examId() + "' }.state", equalTo("APPLIED"));
        c.chair().api().body(Map.of("decision", "RESUME")).post("/api/acts/" + act + "/decision").then().statusCode(409);
        assertTrue(!holds.holdsFor(attemptId).contains(kz.adal.media.RecordingHold.OPEN_ACT));
        // the act, its votes and the decision are in the per-attempt report
        var sections = report.sectionsFor(attemptId, kz.adal.platform.OfficialDocuments.in("en"));
        assertEquals(1, sections.size());
        assertTrue(sections.get(0).entries().stream().anyMatch(e -> e.text().contains("Decision of the chair") && e.text().contains("Void the attempt")));
        assertTrue(sections.get(0).entries().stream().anyMatch(e -> e.text().contains("The page froze")));
    }

    @Test
    void theCommissionIsSetByTheExamsTeacherAndNotByOthers() {
        ActGiven.Case c = ActGiven.started();
        Api.as("teacher").get("/api/exams/" + c.examId() + "/commission").then().statusCode(200).body("seats", hasSize(4))
                .body("seats.find { it.role == 'CHAIR' }.login", equalTo(c.chair().login()));
        c.member1().api().get("/api/exams/" + c.examId() + "/commission").then().statusCode(200).body("mayEdit", equalTo(false));
        Api.as("author").body(Map.of("chair", "chair", "members", List.of("member1"))).put("/api/exams/" + c.examId() + "/commission").then().statusCode(403);
        Api.as("student").body(Map.of("chair", "chair", "members", List.of("member1"))).put("/api/exams/" + c.examId() + "/commission").then().statusCode(403);
        Api.as("teacher").body(Map.of("chair", "chair", "members", List.of("chair"))).put("/api/exams/" + c.examId() + "/commission").then().statusCode(400)
                .body("code", equalTo("COMMISSION_SEAT_TWICE"));
        Api.as("teacher").body(Map.of("chair", "chair", "members", List.of("student"))).put("/api/exams/" + c.examId() + "/commission").then().statusCode(422)
                .body("code", equalTo("COMMISSION_STUDENT"));
        // nothing was lost by the refused changes
        Api.as("teacher").get("/api/exams/" + c.examId() + "/commission").then().body("seats", hasSize(4));
    }
}
