package kz.adal.attempt;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.adal.bank.BankCatalog;
import kz.adal.exam.ExamRows;
import kz.adal.exam.LateStartPolicy;
import kz.adal.platform.TimeSource;
import kz.adal.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AttemptApiTest {

    @Inject
    TimeSource time;
    @Inject
    AttemptService service;
    @Inject
    AttemptPapers papers;
    @Inject
    BankCatalog catalog;

    @AfterEach
    void resetClock() {
        time.reset();
        TestGate.HELD.clear();
    }

    // ------------------------------------------------------------ helpers

    static String open(Given.Sitting s) {
        return s.student().api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(200)
                .body("state", equalTo("CHECKS")).extract().path("id");
    }

    static String started(Given.Sitting s) {
        String id = open(s);
        s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS"));
        return id;
    }

    static Response answer(Given.Student st, String attemptId, int position, List<Integer> selected, long seq) {
        return st.api().body(Map.of("selected", selected, "marked", false, "seq", seq, "clientAt", Instant.now().toString()))
                .put("/api/attempts/" + attemptId + "/answers/" + position);
    }

    static JsonPath paper(Given.Student st, String attemptId) {
        return st.api().get("/api/attempts/" + attemptId + "/paper").then().statusCode(200).extract().jsonPath();
    }

    /** The displayed places of the correct options of each question, read on the server side. */
    List<List<Integer>> correctDisplayed(String attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<AttemptQuestion> rows = AttemptQuestion.list("key.attemptId = ?1 order by key.position", UUID.fromString(attemptId));
            Map<UUID, BankCatalog.QuestionContent> content = catalog.content(rows.stream().map(r -> r.questionId).toList());
            List<List<Integer>> out = new ArrayList<>();
            for (AttemptQuestion r : rows) {
                out.add(content.get(r.questionId).correct().stream().map(r.optionOrder()::indexOf).sorted().toList());
            }
            return out;
        });
    }

    // ------------------------------------------------------------ one attempt

    @Test
    void twoSimultaneousStartClicksMakeOneAttempt() throws Exception {
        Given.Sitting s = Given.sitting();
        Api.token(s.student().login());
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            opened.add(pool.submit(() -> {
                go.await();
                return s.student().api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(200).extract().<String>path("id");
            }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<String> f : opened) ids.add(f.get());
        assertEquals(1, ids.size(), "every click gets the same attempt");
        String id = ids.iterator().next();

        CountDownLatch go2 = new CountDownLatch(1);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts.add(pool.submit(() -> {
                go2.await();
                return s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200)
                        .extract().<String>path("deadlineAt");
            }));
        }
        go2.countDown();
        Set<String> deadlines = new HashSet<>();
        for (Future<String> f : starts) deadlines.add(f.get());
        pool.shutdown();
        assertEquals(1, deadlines.size(), "started once: one deadline");
        long attempts = QuarkusTransaction.requiringNew().call(() -> Attempt.count("examId = ?1 and studentId = ?2", s.examId(), s.student().id()));
        long questions = QuarkusTransaction.requiringNew().call(() -> AttemptQuestion.count("key.attemptId", UUID.fromString(id)));
        assertEquals(1, attempts);
        assertEquals(30, questions, "one paper drawn, not one per click");
    }

    @Test
    void theDatabaseRefusesASecondAttemptForTheSameRound() {
        Given.Sitting s = Given.sitting();
        open(s);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Attempt twin = Attempt.open(s.examId(), s.student().id(), 1, null, Instant.now());
            twin.persist();
        }));
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) chain.append(t).append('\n');
        assertTrue(chain.toString().toLowerCase().contains("attempt_one_per_round"), chain.toString());
    }

    @Test
    void twoTabsShareOneAttemptAndTheNewestAnswer() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        // a second tab (or device) logs in again: another session, the same attempt
        String tab2 = Api.freshToken(s.student().login(), Api.PASSWORD);
        String again = Api.anonymous().auth().oauth2(tab2).post("/api/exams/" + s.examId() + "/attempt").then().statusCode(200).extract().path("id");
        assertEquals(id, again);
        answer(s.student(), id, 0, List.of(1), 1).then().statusCode(200).body("applied", equalTo(true));
        Api.anonymous().auth().oauth2(tab2).body(Map.of("selected", List.of(3), "marked", true, "seq", 2))
                .put("/api/attempts/" + id + "/answers/0").then().statusCode(200).body("applied", equalTo(true));
        JsonPath p = paper(s.student(), id);
        assertEquals(List.of(3), p.getList("questions[0].selected"));
        assertEquals(true, p.getBoolean("questions[0].marked"));
        assertEquals(2, p.getLong("lastSeq"));
    }

    // ------------------------------------------------------------ the paper

    @Test
    void thePaperCarriesNoCorrectAnswersAndShowsOptionsInTheShuffledOrder() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        String raw = s.student().api().get("/api/attempts/" + id + "/paper").then().statusCode(200).extract().asString();
        assertFalse(raw.toLowerCase().contains("correct"), "no correctness field in the paper: " + raw.substring(0, 300));
        JsonPath p = JsonPath.from(raw);
        assertEquals(30, p.getList("questions").size());
        int shuffled = 0;
        List<AttemptQuestion> rows = QuarkusTransaction.requiringNew().call(() ->
                AttemptQuestion.<AttemptQuestion>list("key.attemptId = ?1 order by key.position", UUID.fromString(id)));
        Map<UUID, BankCatalog.QuestionContent> content = catalog.content(rows.stream().map(r -> r.questionId).toList());
        for (AttemptQuestion r : rows) {
            List<String> shown = p.getList("questions[" + r.position() + "].options");
            List<String> bank = content.get(r.questionId).options();
            List<Integer> order = r.optionOrder();
            for (int i = 0; i < order.size(); i++) assertEquals(bank.get(order.get(i)), shown.get(i));
            if (!order.equals(List.of(0, 1, 2, 3, 4))) shuffled++;
        }
        assertTrue(shuffled > 20, "options shuffled on most questions, was " + shuffled);
    }

    @Test
    void thePaperIsReproducedExactlyFromTheStoredSeed() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        DrawnPaper stored = papers.storedPaper(UUID.fromString(id));
        DrawnPaper again = papers.redraw(UUID.fromString(id));
        assertEquals(QuestionDraw.ALGORITHM, stored.algorithm());
        assertEquals(stored, again);
        // the draw keeps the exam's 40/40/20 mix: 12/12/6 of 30
        assertEquals(12, stored.count(DrawDifficulty.EASY));
        assertEquals(12, stored.count(DrawDifficulty.MEDIUM));
        assertEquals(6, stored.count(DrawDifficulty.HARD));
        // and another student's paper differs
        Given.Sitting other = Given.sitting();
        String id2 = started(other);
        assertNotEquals(stored.questions(), papers.storedPaper(UUID.fromString(id2)).questions());
    }

    // ------------------------------------------------------------ answers

    @Test
    void anOlderChangeArrivingLateNeverOverwritesANewerOne() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        answer(s.student(), id, 4, List.of(1), 5).then().statusCode(200).body("applied", equalTo(true)).body("seq", equalTo(5));
        answer(s.student(), id, 4, List.of(2), 3).then().statusCode(200)
                .body("applied", equalTo(false)).body("seq", equalTo(5)).body("selected", equalTo(List.of(1)));
        // the same change again (a retry): idempotent
        answer(s.student(), id, 4, List.of(1), 5).then().statusCode(200).body("applied", equalTo(false)).body("selected", equalTo(List.of(1)));
        assertEquals(List.of(1), paper(s.student(), id).getList("questions[4].selected"));
        // a newer one wins; clearing is a change too
        answer(s.student(), id, 4, List.of(), 6).then().statusCode(200).body("applied", equalTo(true));
        assertEquals(List.of(), paper(s.student(), id).getList("questions[4].selected"));
    }

    @Test
    void badInputIsRefusedClearlyAndWhatWasSavedStays() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        Given.Student st = s.student();
        answer(st, id, 2, List.of(0, 4), 1).then().statusCode(200);
        answer(st, id, 30, List.of(1), 2).then().statusCode(400).body("code", equalTo("ANSWER_POSITION_OUT_OF_RANGE"));
        answer(st, id, -1, List.of(1), 2).then().statusCode(400).body("code", equalTo("ANSWER_POSITION_OUT_OF_RANGE"));
        answer(st, id, 2, List.of(5), 2).then().statusCode(400).body("code", equalTo("ANSWER_OPTION_OUT_OF_RANGE"));
        answer(st, id, 2, List.of(-1), 2).then().statusCode(400).body("code", equalTo("ANSWER_OPTION_OUT_OF_RANGE"));
        answer(st, id, 2, List.of(1, 1), 2).then().statusCode(400).body("code", equalTo("ANSWER_OPTION_REPEATED"));
        answer(st, id, 2, List.of(1), 0).then().statusCode(400).body("code", equalTo("ANSWER_SEQ_INVALID"));
        st.api().body("{\"selected\": [1, ").put("/api/attempts/" + id + "/answers/2").then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        st.api().body("{\"selected\": [\"x\"], \"seq\": 3}").put("/api/attempts/" + id + "/answers/2").then().statusCode(400);
        st.api().body(Map.of("seq", 3)).put("/api/attempts/" + id + "/answers/2").then().statusCode(400).body("code", equalTo("ANSWER_SELECTED_MISSING"));
        st.api().body(Map.of("selected", List.of(1), "seq", 3)).put("/api/attempts/" + UUID.randomUUID() + "/answers/2").then().statusCode(404);
        assertEquals(List.of(0, 4), paper(st, id).getList("questions[2].selected"));
    }

    @Test
    void aStudentCannotReachAnotherStudentsAttempt() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        answer(s.student(), id, 0, List.of(2), 1).then().statusCode(200);
        Given.Student intruder = Given.student(Given.newGroup());
        intruder.api().get("/api/attempts/" + id).then().statusCode(404);
        intruder.api().get("/api/attempts/" + id + "/paper").then().statusCode(404);
        answer(intruder, id, 0, List.of(1), 99).then().statusCode(404);
        intruder.api().post("/api/attempts/" + id + "/submit").then().statusCode(404);
        intruder.api().get("/api/attempts/" + id + "/result").then().statusCode(404);
        intruder.api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(403).body("code", equalTo("NOT_IN_GROUP"));
        Api.as("teacher").get("/api/attempts/" + id + "/paper").then().statusCode(403);
        Api.anonymous().get("/api/attempts/" + id + "/paper").then().statusCode(401);
        assertEquals(List.of(2), paper(s.student(), id).getList("questions[0].selected"));
        assertEquals("IN_PROGRESS", s.student().api().get("/api/attempts/" + id).then().extract().path("state"));
    }

    @Test
    void answersAreRefusedAfterTheDeadlineWithASmallGraceForThoseInFlight() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        time.advance(Duration.ofMinutes(50).plusSeconds(3)); // inside the 5 s grace
        answer(s.student(), id, 0, List.of(1), 1).then().statusCode(200).body("applied", equalTo(true));
        time.advance(Duration.ofSeconds(5));
        answer(s.student(), id, 0, List.of(2), 2).then().statusCode(409).body("code", equalTo("ATTEMPT_TIME_UP"));
        assertEquals(List.of(1), paper(s.student(), id).getList("questions[0].selected"));
    }

    // ------------------------------------------------------------ finishing and grading

    @Test
    void theDeadlinePassingWithTheBrowserClosedExpiresAndGradesTheAttempt() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        List<List<Integer>> correct = correctDisplayed(id);
        for (int q = 0; q < 15; q++) answer(s.student(), id, q, correct.get(q), q + 1).then().statusCode(200);
        // the browser is gone; the server's time passes the deadline and the sweeper runs
        time.advance(Duration.ofMinutes(51));
        service.expireDue();
        assertEquals(0, service.expireDue(), "a second run finds nothing left");
        Attempt a = QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt>findById(UUID.fromString(id)));
        assertEquals(AttemptState.EXPIRED, a.state);
        assertNotNull(a.gradedAt);
        assertEquals(new BigDecimal("50.00"), a.percent);
        assertEquals("D", a.letter);
        assertEquals(3, a.traditionalMark);
        s.student().api().get("/api/attempts/" + id + "/result").then().statusCode(200)
                .body("state", equalTo("EXPIRED")).body("letter", equalTo("D")).body("answered", equalTo(15))
                .body("questions[0].correct", equalTo(correct.get(0)));
        // a late submit changes nothing
        s.student().api().post("/api/attempts/" + id + "/submit").then().statusCode(200).body("state", equalTo("EXPIRED"));
    }

    @Test
    void submittingGradesAtOnceAndTheResultShowsWhichAnswersWereRight() {
        Given.Sitting s = Given.sitting();
        String id = started(s);
        List<List<Integer>> correct = correctDisplayed(id);
        for (int q = 0; q < 30; q++) answer(s.student(), id, q, q == 0 ? List.of((correct.get(0).get(0) + 1) % 5) : correct.get(q), q + 1).then().statusCode(200);
        s.student().api().post("/api/attempts/" + id + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("resultsVisible", equalTo(true));
        // 29 of 30 = 96.67 % → A (default scale, 001 §5.28)
        s.student().api().get("/api/attempts/" + id + "/result").then().statusCode(200)
                .body("percent", equalTo(96.67f)).body("letter", equalTo("A")).body("traditionalMark", equalTo(5))
                .body("questions[0].score", equalTo(0.0f)).body("questions[1].score", equalTo(1.0f))
                .body("questions[1].correct", equalTo(correct.get(1)));
        answer(s.student(), id, 1, List.of(0), 99).then().statusCode(409).body("code", equalTo("ATTEMPT_NOT_ACCEPTING_ANSWERS"));
    }

    @Test
    void resultsStayHiddenUntilTheExamShowsThem() {
        Given.Sitting s = Given.sitting(Given.exam().resultsFrom(Instant.now().plus(Duration.ofHours(1))));
        String id = started(s);
        s.student().api().post("/api/attempts/" + id + "/submit").then().statusCode(200).body("resultsVisible", equalTo(false));
        s.student().api().get("/api/attempts/" + id + "/result").then().statusCode(409).body("code", equalTo("RESULT_NOT_VISIBLE"));
        time.advance(Duration.ofMinutes(61));
        s.student().api().get("/api/attempts/" + id + "/result").then().statusCode(200).body("letter", equalTo("F"));
    }

    // ------------------------------------------------------------ who may start, and when

    @Test
    void aStudentWhoIsNotAdmittedCannotStart() {
        Given.ExamBuilder b = Given.exam();
        UUID examId = b.publish();
        Given.Student st = Given.student(b.group());
        st.api().post("/api/exams/" + examId + "/attempt").then().statusCode(403).body("code", equalTo("NOT_ADMITTED"));
        st.api().get("/api/student/exams").then().statusCode(200)
                .body("find { it.examId == '" + examId + "' }.admitted", equalTo(false))
                .body("find { it.examId == '" + examId + "' }.canStart", equalTo(false));
    }

    @Test
    void theExamListShowsAnUpcomingExamWhichCannotStartYet() {
        Given.Sitting s = Given.sitting(Given.exam().opensIn(Duration.ofHours(2)));
        String path = "find { it.examId == '" + s.examId() + "' }.";
        s.student().api().get("/api/student/exams").then().statusCode(200)
                .body(path + "window", equalTo("UPCOMING")).body(path + "canStart", equalTo(false))
                .body(path + "refusalCode", equalTo("EXAM_NOT_OPEN")).body(path + "proctored", equalTo(true));
        s.student().api().post("/api/exams/" + s.examId() + "/attempt").then().statusCode(409).body("code", equalTo("EXAM_NOT_OPEN"));
        time.advance(Duration.ofHours(2));
        s.student().api().get("/api/student/exams").then().body(path + "canStart", equalTo(true)).body(path + "window", equalTo("OPEN"));
    }

    @Test
    void aLateStartCutAtCloseIsToldAndMustBeAccepted() {
        Given.Sitting s = Given.sitting(Given.exam().late(LateStartPolicy.CUT_AT_CLOSE).closesIn(Duration.ofMinutes(20)));
        String path = "find { it.examId == '" + s.examId() + "' }.";
        s.student().api().get("/api/student/exams").then().body(path + "mustWarnCut", equalTo(true)).body(path + "canStart", equalTo(true));
        String id = open(s);
        s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(409).body("code", equalTo("ATTEMPT_CUT_NOT_ACCEPTED"));
        String deadline = s.student().api().body(Map.of("acceptCut", true)).post("/api/attempts/" + id + "/start").then().statusCode(200)
                .body("cutAtClose", equalTo(true)).extract().path("deadlineAt");
        Instant closes = ExamRows.closesAt(s.examId());
        assertEquals(closes, Instant.parse(deadline));
    }

    @Test
    void anApprovedAccommodationMovesTheDeadline() {
        Given.Sitting s = Given.sitting();
        Given.accommodate(s.examId(), s.student().id(), 15);
        String id = started(s);
        JsonPath a = s.student().api().get("/api/attempts/" + id).then().statusCode(200).extract().jsonPath();
        Duration given = Duration.between(Instant.parse(a.getString("startedAt")), Instant.parse(a.getString("deadlineAt")));
        assertEquals(Duration.ofMinutes(65), given);
    }

    @Test
    void everyStartGateMustPassBeforeTheClockStarts() {
        Given.Sitting s = Given.sitting();
        TestGate.HELD.add(s.student().id());
        String id = open(s);
        s.student().api().get("/api/attempts/" + id).then().statusCode(200)
                .body("gates.find { it.gate == 'test-consent' }.passed", equalTo(false));
        s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(409)
                .body("code", equalTo("ATTEMPT_CHECKS_PENDING")).body("errors[0].code", equalTo("TEST_CONSENT_MISSING"));
        s.student().api().get("/api/attempts/" + id + "/paper").then().statusCode(409).body("code", equalTo("ATTEMPT_NOT_STARTED"));
        TestGate.HELD.remove(s.student().id());
        s.student().api().body(Map.of()).post("/api/attempts/" + id + "/start").then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void theNetworkProbeSendsAndSwallowsBytes() {
        byte[] got = Api.as("student").get("/api/net/probe?bytes=65536").then().statusCode(200).extract().asByteArray();
        assertEquals(65536, got.length);
        Api.as("student").contentType("application/octet-stream").body(new byte[100_000]).post("/api/net/probe")
                .then().statusCode(200).body("received", equalTo(100000));
        Api.as("student").get("/api/net/probe?bytes=99999999").then().statusCode(400);
        Api.anonymous().get("/api/net/probe").then().statusCode(401);
    }
}
