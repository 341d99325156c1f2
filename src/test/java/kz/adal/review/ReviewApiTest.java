package kz.adal.review;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.adal.identity.Role;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import kz.adal.testing.OfficialDocumentCheck;
import kz.adal.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review API against the real database: access, decisions, verdicts, what they change and what they don't, reports. */
@QuarkusTest
class ReviewApiTest {

    @Inject
    TimeSource time;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    static String flagKey(JsonPath review, String type) {
        return review.getString("flags.find { it.type == '" + type + "' }.key");
    }

    @Test
    void onlyReviewersReviewAndAStudentSeesOnlyTheirOwnAttempt() {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        String path = "/api/review/attempts/" + s.attemptId();

        Api.as("teacher").get(path).then().statusCode(404);
        Api.as("proctor").get("/api/review/queue").then().statusCode(403);
        Api.as("teacher").get("/api/review/queue?exam=" + s.examId()).then().statusCode(403);
        s.student().api().get(path).then().statusCode(404);
        s.student().api().get("/api/review/queue").then().statusCode(403);
        s.student().api().body(Map.of("verdict", "VALID", "reason", "I was honest")).post(path + "/verdict").then().statusCode(404);
        Api.anonymous().get(path).then().statusCode(401);

        Api.as("reviewer").get(path).then().statusCode(200).body("studentLogin", equalTo(s.student().login()))
                .body("flags.type", hasItems("TAB_LEFT", "CLIPBOARD_USED")).body("mayDecide", equalTo(true))
                .body("identity.status", equalTo("PASSED")).body("identity.similarity", equalTo(0.62f))
                .body("timeline.kind", hasItems("identity.check"));
        Api.as("dean").get(path).then().statusCode(200);

        // the student's own view (for an appeal): flags and evidence, but only their own attempt
        JsonPath mine = s.student().api().get(path + "/mine").then().statusCode(200)
                .body("flags.type", hasItems("TAB_LEFT", "CLIPBOARD_USED")).body("mayDecide", equalTo(false)).extract().jsonPath();
        String snapshot = mine.getString("flags.find { it.type == 'TAB_LEFT' }.evidence[0].id");
        byte[] jpeg = s.student().api().get(path + "/snapshots/" + snapshot).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertTrue(jpeg.length > 100 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8, "a JPEG");
        Fixtures.Person other = Fixtures.student("rvo", Fixtures.group("RVO"));
        other.api().get(path + "/mine").then().statusCode(404);
        other.api().get(path + "/snapshots/" + snapshot).then().statusCode(404);
        Api.as("reviewer").get(path + "/mine").then().statusCode(403);
    }

    @Test
    void flagDecisionsAreAuditedAndNeverChangeTheGrade() {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        String path = "/api/review/attempts/" + s.attemptId();
        JsonPath before = Api.as("reviewer").get(path).then().statusCode(200).extract().jsonPath();
        String percent = before.getString("percent");
        assertTrue(percent != null, "graded");
        String tab = flagKey(before, "TAB_LEFT");
        String paste = flagKey(before, "CLIPBOARD_USED");

        // the timeline shows what happened: answer saved, the flags, the problem report, start and end
        List<String> kinds = before.getList("timeline.kind");
        assertTrue(kinds.containsAll(List.of("attempt.started", "answer.saved", "visibility.hidden", "flag.raised", "problem.reported", "attempt.ended")), kinds.toString());

        Api.as("reviewer").body(Map.of("decision", "CONFIRMED", "comment", " ")).put(path + "/flags/" + tab).then().statusCode(400)
                .body("code", equalTo("FLAG_COMMENT_REQUIRED"));
        Api.as("reviewer").body(Map.of("decision", "MAYBE", "comment", "x")).put(path + "/flags/" + tab).then().statusCode(400)
                .body("code", equalTo("FLAG_DECISION_INVALID"));
        Api.as("reviewer").body(Map.of("decision", "CONFIRMED", "comment", "x")).put(path + "/flags/TAB_LEFT@1").then().statusCode(404)
                .body("code", equalTo("FLAG_NOT_FOUND"));
        Api.as("teacher").body(Map.of("decision", "CONFIRMED", "comment", "x")).put(path + "/flags/" + tab).then().statusCode(404);

        Api.as("reviewer").body(Map.of("decision", "CONFIRMED", "comment", "Looked at a phone for 3 s")).put(path + "/flags/" + tab)
                .then().statusCode(200)
                .body("flags.find { it.key == '" + tab + "' }.decision.decision", equalTo("CONFIRMED"))
                .body("flags.find { it.key == '" + tab + "' }.decision.comment", equalTo("Looked at a phone for 3 s"))
                .body("flags.find { it.key == '" + tab + "' }.decision.decidedBy", equalTo("reviewer"))
                .body("flags.find { it.key == '" + tab + "' }.decision.version", equalTo(0));
        Api.as("reviewer").body(Map.of("decision", "DISMISSED", "comment", "Pasted own name")).put(path + "/flags/" + paste)
                .then().statusCode(200);
        // a second reviewer working on a stale page does not overwrite the first one's decision
        Api.as("dean").body(Map.of("decision", "DISMISSED", "comment", "no")).put(path + "/flags/" + tab).then().statusCode(409)
                .body("code", equalTo("REVIEW_VERSION_CONFLICT"));
        Api.as("dean").body(Map.of("decision", "DISMISSED", "comment", "Phone was a calculator", "version", 0)).put(path + "/flags/" + tab)
                .then().statusCode(200).body("flags.find { it.key == '" + tab + "' }.decision.version", equalTo(1));

        // the grade did not move: flags are advisory
        Api.as("reviewer").get(path).then().body("percent", equalTo(before.get("percent"))).body("annulledReason", nullValue());
        s.student().api().get("/api/attempts/" + s.attemptId() + "/result").then().statusCode(200)
                .body("annulledReason", nullValue()).body("percent", equalTo(before.get("percent")));

        List<String> actions = Api.as("reviewer").get("/api/audit?scope=" + s.examId()).then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(2, actions.stream().filter("review.flag.dismissed"::equals).count(), actions.toString());
        assertEquals(1, actions.stream().filter("review.flag.confirmed"::equals).count(), actions.toString());
        Api.as("reviewer").get("/api/audit/verify?scope=" + s.examId()).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aVerdictAnnulsTheShownResultOnlyExplicitlyAndKeepsItsHistory() throws IOException {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        String path = "/api/review/attempts/" + s.attemptId();
        Object percent = Api.as("reviewer").get(path).then().extract().path("percent");

        Api.as("reviewer").body(Map.of("verdict", "ANNULLED", "reason", "")).post(path + "/verdict").then().statusCode(400)
                .body("code", equalTo("VERDICT_REASON_REQUIRED"));
        Api.as("reviewer").body(Map.of("verdict", "GUILTY", "reason", "x")).post(path + "/verdict").then().statusCode(400)
                .body("code", equalTo("VERDICT_INVALID"));
        Api.as("reviewer").body(Map.of("verdict", "VALID", "reason", "Tab switch was the calculator")).post(path + "/verdict")
                .then().statusCode(200).body("verdict.verdict", equalTo("VALID")).body("verdict.version", equalTo(0));
        s.student().api().get("/api/attempts/" + s.attemptId() + "/result").then().body("annulledReason", nullValue());

        // changing it needs a new reason and the version seen
        Api.as("reviewer").body(Map.of("verdict", "ANNULLED", "reason", "Tab switch was the calculator", "version", 0))
                .post(path + "/verdict").then().statusCode(400).body("code", equalTo("VERDICT_NEW_REASON_REQUIRED"));
        Api.as("reviewer").body(Map.of("verdict", "ANNULLED", "reason", "Notes visible on the screen recording"))
                .post(path + "/verdict").then().statusCode(409).body("code", equalTo("REVIEW_VERSION_CONFLICT"));
        Api.as("reviewer").body(Map.of("verdict", "ANNULLED", "reason", "Notes visible on the screen recording", "version", 0))
                .post(path + "/verdict").then().statusCode(200)
                .body("verdict.verdict", equalTo("ANNULLED")).body("history.size()", equalTo(2))
                .body("history[0].verdict", equalTo("VALID")).body("history[1].reason", equalTo("Notes visible on the screen recording"))
                .body("annulledReason", equalTo("Notes visible on the screen recording"))
                .body("percent", equalTo(percent)); // nothing deleted: the score stays stored

        // the student's result says annulled; the grade sheet counts no result
        s.student().api().get("/api/attempts/" + s.attemptId() + "/result").then().statusCode(200)
                .body("annulledReason", equalTo("Notes visible on the screen recording")).body("questions.size()", equalTo(5));
        Api.as("teacher").get("/api/exams/" + s.examId() + "/grades").then().statusCode(200)
                .body("rows.find { it.login == '" + s.student().login() + "' }.state", equalTo("ANNULLED"))
                .body("rows.find { it.login == '" + s.student().login() + "' }.percent", nullValue());
        s.student().api().get("/api/review/attempts/" + s.attemptId() + "/mine").then().statusCode(200)
                .body("verdict.verdict", equalTo("ANNULLED")).body("verdict.decidedBy", nullValue());

        List<String> actions = Api.as("reviewer").get("/api/audit?scope=" + s.examId()).then().extract().jsonPath().getList("action");
        assertEquals(2, actions.stream().filter("review.verdict"::equals).count(), actions.toString());
        Api.as("reviewer").get("/api/audit/verify?scope=" + s.examId()).then().statusCode(200).body("intact", equalTo(true));

        // the queue filters by verdict
        Api.as("reviewer").get("/api/review/queue?exam=" + s.examId() + "&verdict=ANNULLED").then().statusCode(200)
                .body("attemptId", equalTo(List.of(s.attemptId().toString())));
        Api.as("reviewer").get("/api/review/queue?exam=" + s.examId() + "&verdict=UNREVIEWED").then().statusCode(200)
                .body("size()", equalTo(0));

        // the attempt PDF names the flags, the decisions and the verdict, with the evidence frames embedded
        String tab = flagKey(Api.as("reviewer").get(path).then().extract().jsonPath(), "TAB_LEFT");
        Api.as("reviewer").body(Map.of("decision", "CONFIRMED", "comment", "Notes on the desk")).put(path + "/flags/" + tab).then().statusCode(200);
        // the group is taught in English: so is its report, with the names people read for flags, decisions and verdicts
        byte[] pdf = Api.as("reviewer").get(path + "/report.pdf").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = pdfText(pdf);
        for (String expected : List.of(s.student().login(), "Left the exam tab", "Used the clipboard", "Confirmed", "Notes on the desk",
                "Result annulled", "Notes visible on the screen recording", "Identity check", "Passed", "0.62", "Evidence frame")) {
            // a table cell may wrap a long word across lines
            assertTrue(text.replaceAll("\\s", "").contains(expected.replaceAll("\\s", "")), expected + " in:\n" + text);
        }
        assertTrue(new PdfReader(pdf).getPageN(1) != null);
        assertTrue(countImages(pdf) >= 1, "evidence frames embedded");
        Api.as("teacher").get(path + "/report.pdf").then().statusCode(404);

        // the same report in Kazakh and in Russian (issue 15): no English, no raw codes or ISO times, frames captioned
        io.restassured.path.json.JsonPath review = Api.as("reviewer").get(path).then().extract().jsonPath();
        List<String> data = new java.util.ArrayList<>(List.of(s.student().login(), review.getString("studentName"), review.getString("examTitle"),
                s.attemptId().toString(), "Notes on the desk", "Notes visible on the screen recording", "Tab switch was the calculator",
                review.getString("verdict.decidedBy")));
        for (Object by : review.getList("flags.decision.decidedBy")) if (by != null) data.add(by.toString());
        for (Object by : review.getList("history.decidedBy")) if (by != null) data.add(by.toString());
        byte[] kk = Api.as("reviewer").get(path + "/report.pdf?lang=kk").then().statusCode(200).extract().asByteArray();
        String k = OfficialDocumentCheck.check("attemptReport", kk, "kk", data);
        for (String expected : List.of("Тапсыру әрекетін қарау есебі", "Емтихан бетінен шықты", "Расталды", "Нәтиже жойылды", "Тұлғаны тексеру",
                "0,62", "Дәлел кадр: Емтихан бетінен шықты",
                // each flag's detail, in the report's language (issue 15): the event that raised it
                "Емтихан беті жасырылды", "Қойылды")) {
            assertTrue(k.replaceAll("\\s", "").contains(expected.replaceAll("\\s", "")), expected + " in:\n" + k);
        }
        assertTrue(countImages(kk) >= 1, "evidence frames embedded");
        byte[] ru = Api.as("reviewer").get(path + "/report.pdf?lang=ru").then().statusCode(200).extract().asByteArray();
        String r = OfficialDocumentCheck.check("attemptReport", ru, "ru", data);
        assertTrue(r.replaceAll("\\s", "").contains("Кадр-доказательство:Ушёлсостраницыэкзамена"), r);
        assertTrue(r.contains("Страница экзамена скрыта") && r.contains("Вставлено"), "the flags' details in Russian: " + r);
        byte[] both = Api.as("reviewer").get(path + "/report.pdf?lang=kk-ru").then().statusCode(200).extract().asByteArray();
        String kr = OfficialDocumentCheck.check("attemptReport", both, "ru", data);
        assertTrue(kr.contains("Тұлғаны тексеру / Проверка личности"), "a bilingual report carries both: " + kr);
    }

    @Test
    void theExamSummaryAndTheMonitoringReport() throws IOException {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        String csv = Api.as("reviewer").get("/api/review/exams/" + s.examId() + "/summary.csv").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\n");
        assertEquals("attempt_id,student_login,student_name,state,percent,credibility_score,flags,flags_by_type,confirmed,dismissed,verdict,verdict_reason", lines[0]);
        assertEquals(2, lines.length, csv);
        String[] cells = lines[1].split(",");
        assertEquals(s.attemptId().toString(), cells[0]);
        assertEquals(s.student().login(), cells[1]);
        assertEquals("SUBMITTED", cells[3]);
        assertTrue(Integer.parseInt(cells[5]) < 100, "flags cost credibility: " + lines[1]);
        assertEquals("2", cells[6]);
        assertEquals("CLIPBOARD_USED=1 TAB_LEFT=1", cells[7]);
        assertEquals("UNREVIEWED", cells[10]);
        String pdf = pdfText(Api.as("reviewer").get("/api/review/exams/" + s.examId() + "/summary.pdf").then().statusCode(200).extract().asByteArray());
        String joined = pdf.replaceAll("\\s", ""); // table cells wrap long words across lines
        assertTrue(joined.contains(s.student().login()) && joined.contains("Notreviewed") && joined.contains("Lefttheexamtab"), pdf);
        String title = Api.as("reviewer").get("/api/review/attempts/" + s.attemptId()).then().extract().path("examTitle");
        List<String> data = List.of(s.student().login(), "Person " + s.student().login(), title, "RV");
        for (String lang : List.of("kk", "ru")) {
            byte[] summary = Api.as("reviewer").get("/api/review/exams/" + s.examId() + "/summary.pdf?lang=" + lang).then().statusCode(200)
                    .extract().asByteArray();
            String t = OfficialDocumentCheck.check("reviewSummary", summary, lang, data).replaceAll("\\s", "");
            assertTrue(t.contains(lang.equals("kk") ? "Қаралмаған" : "Нерассмотрена"), t);
        }
        Api.as("teacher").get("/api/review/exams/" + s.examId() + "/summary.csv").then().statusCode(404);

        // monitoring (001 §6.12.2): registrar and IT centre only
        String today = time.today().toString();
        Api.as("reviewer").get("/api/review/monitoring.csv").then().statusCode(403);
        Api.as("teacher").get("/api/review/monitoring").then().statusCode(403);
        Api.as("registrar").get("/api/review/monitoring?from=yesterday").then().statusCode(400).body("code", equalTo("DATE_INVALID"));
        Api.as("admin").get("/api/review/monitoring?from=" + today + "&to=" + today).then().statusCode(200)
                .body("find { it.examId == '" + s.examId() + "' }.admitted", equalTo(1))
                .body("find { it.examId == '" + s.examId() + "' }.started", equalTo(1))
                .body("find { it.examId == '" + s.examId() + "' }.submitted", equalTo(1))
                .body("find { it.examId == '" + s.examId() + "' }.absent", equalTo(0))
                .body("find { it.examId == '" + s.examId() + "' }.problemReports", equalTo(1))
                .body("find { it.examId == '" + s.examId() + "' }.logins", equalTo(1));
        String mon = Api.as("registrar").get("/api/review/monitoring.csv?from=" + today).then().statusCode(200).extract().asString();
        assertTrue(mon.startsWith("exam_id,exam,group,opens_at,closes_at,logins,attempt_starts,admitted,started,submitted,absent,"
                + "connection_drops,recording_gaps,recording_stops,problem_reports\n"), mon);
        String row = mon.lines().filter(l -> l.startsWith(s.examId().toString())).findFirst().orElseThrow();
        // logins (the student's one login inside the window), starts, admitted, started, submitted, absent, drops, gaps, stops, problems
        assertTrue(row.endsWith(",1,1,1,1,1,0,0,0,0,1"), row);
        // the monitoring report as the registrar files it, in the institution's language and in Russian (issue 15)
        List<String> examData = new java.util.ArrayList<>(data);
        for (String l : mon.lines().skip(1).toList()) {
            String[] c = l.split(",");
            examData.add(c[1]);
            if (c.length > 2) examData.add(c[2]);
        }
        Api.as("reviewer").get("/api/review/monitoring.pdf").then().statusCode(403);
        for (String lang : List.of("kk", "ru")) {
            byte[] report = Api.as("registrar").get("/api/review/monitoring.pdf?from=" + today + "&to=" + today + "&lang=" + lang).then()
                    .statusCode(200).extract().asByteArray();
            String t = OfficialDocumentCheck.check("monitoring", report, lang, examData);
            assertTrue(t.contains(lang.equals("kk") ? "Мониторинг есебі" : "Отчёт мониторинга") && t.contains("1 / 1 / 1 / 0"), t);
        }
    }

    /** Reviewers deciding the same first verdict at the same moment: one wins, the others are told, none overwrites. */
    @Test
    void simultaneousFirstVerdictsDoNotOverwriteEachOther() throws Exception {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        String path = "/api/review/attempts/" + s.attemptId() + "/verdict";
        List<String> who = List.of("reviewer", "dean", "reviewer", "dean");
        who.forEach(Api::token);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(who.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < who.size(); i++) {
                String login = who.get(i);
                String reason = "Decision number " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return Api.as(login).body(Map.of("verdict", "VALID", "reason", reason)).post(path).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var f : results) codes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            assertEquals(who.size() - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        Api.as("reviewer").get("/api/review/attempts/" + s.attemptId()).then().body("history.size()", equalTo(1))
                .body("verdict.version", equalTo(0));
    }

    /** A person granted review by another ReviewAccess bean (casework's commissions) reviews and plays the recordings, audited. */
    @Test
    void aPersonGrantedByAnotherAccessBeanReviewsAndPlaysTheRecordings() {
        ReviewGiven.Sitting s = ReviewGiven.finishedWithFlags(false);
        Fixtures.Person member = Fixtures.person("cm", java.util.Set.of(Role.TEACHER), null);
        Fixtures.Person outsider = Fixtures.person("co", java.util.Set.of(Role.TEACHER), null);
        TestReviewGrants.grant(member.id(), s.examId());
        String path = "/api/review/attempts/" + s.attemptId();

        member.api().get(path).then().statusCode(200).body("mayDecide", equalTo(true));
        member.api().get("/api/review/queue").then().statusCode(200).body("attemptId", hasItems(s.attemptId().toString()));
        member.api().get("/api/recordings/attempts/" + s.attemptId()).then().statusCode(200);
        outsider.api().get(path).then().statusCode(404);
        outsider.api().get("/api/recordings/attempts/" + s.attemptId()).then().statusCode(403);

        List<Map<String, Object>> audit = Api.as("reviewer").get("/api/audit?scope=" + s.examId()).then().extract().jsonPath().getList("$");
        assertTrue(audit.stream().anyMatch(e -> "recording.listed".equals(e.get("action")) && member.login().equals(e.get("actor"))), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> "recording.access.denied".equals(e.get("action")) && outsider.login().equals(e.get("actor"))), audit.toString());
    }

    /**
     * Every standing role against the review's entry points: refused ones get 401/403, allowed ones pass the
     * check. Fresh accounts, one per role: a demo account may sit on a commission set up by another test,
     * and a commission seat rightly opens the queue (casework's ReviewAccess).
     */
    @Test
    void eachRoleReachesOnlyWhatItMay() {
        Map<String, List<Role>> allowed = Map.of(
                "/api/review/queue", List.of(Role.REVIEWER, Role.DEAN),
                "/api/review/exams", List.of(Role.REVIEWER, Role.DEAN),
                "/api/review/monitoring", List.of(Role.REGISTRAR, Role.SYSTEM_ADMIN),
                "/api/review/monitoring.csv", List.of(Role.REGISTRAR, Role.SYSTEM_ADMIN));
        Map<Role, Fixtures.Person> people = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) people.put(role, Fixtures.person("role", Set.of(role), Fixtures.group("role")));
        List<String> wrong = new java.util.ArrayList<>();
        allowed.forEach((path, who) -> {
            int anonymous = Api.anonymous().get(path).statusCode();
            if (anonymous != 401) wrong.add("anonymous " + path + " → " + anonymous);
            people.forEach((role, person) -> {
                int status = person.api().get(path).statusCode();
                boolean refused = status == 401 || status == 403;
                if (who.contains(role) == refused) wrong.add(role + " " + path + " → " + status);
            });
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) text.append(extractor.getTextFromPage(p)).append('\n');
        return text.toString();
    }

    static int countImages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        int n = 0;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            var o = reader.getPdfObject(i);
            if (o instanceof com.lowagie.text.pdf.PRStream st
                    && com.lowagie.text.pdf.PdfName.IMAGE.equals(st.get(com.lowagie.text.pdf.PdfName.SUBTYPE))) n++;
        }
        return n;
    }
}
