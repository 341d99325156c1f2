package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.adal.attempt.StartGate.GateResult;
import kz.adal.attempt.StartGate.StartingAttempt;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.Terms;
import kz.adal.exam.ResultHold;
import kz.adal.exam.ResultHolds;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the attempt services share ({@link AttemptService}, {@link AttemptQueries}, {@link AttemptInterventions}):
 * finding an attempt (locked when it changes) and checking its owner, its question rows, what the start gates say,
 * the attempt as its student sees it, and the server's time. No transaction of its own: the callers hold one.
 */
@ApplicationScoped
class AttemptLookups {
    private final EntityManager em;
    private final TimeSource time;
    private final ExamCatalog examCatalog;
    private final ResultHolds holds;
    private final Instance<StartGate> gates;

    AttemptLookups(EntityManager em, TimeSource time, ExamCatalog examCatalog, ResultHolds holds, @Any Instance<StartGate> gates) {
        this.em = em;
        this.time = time;
        this.examCatalog = examCatalog;
        this.holds = holds;
        this.gates = gates;
    }

    /** The server's time in milliseconds: what is returned equals what is read back from the database. */
    Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The exam's delivery terms (null when the exam is gone). */
    Terms terms(UUID examId) {
        return examCatalog.terms(examId).orElse(null);
    }

    Attempt find(UUID examId, UUID studentId, int round) {
        return Attempt.find("examId = ?1 and studentId = ?2 and round = ?3", examId, studentId, round).firstResult();
    }

    /** The student's attempt at the exam of the latest round, or null. */
    Attempt latest(UUID examId, UUID studentId) {
        return Attempt.find("examId = ?1 and studentId = ?2 order by round desc", examId, studentId).firstResult();
    }

    static List<AttemptQuestion> rows(UUID attemptId) {
        return AttemptQuestion.list("key.attemptId = ?1 order by key.position", attemptId);
    }

    Attempt owned(UUID attemptId, UUID studentId) {
        Attempt a = Attempt.findById(attemptId);
        requireOwner(a, studentId);
        return a;
    }

    Attempt lockOwned(UUID attemptId, UUID studentId) {
        Attempt a = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        requireOwner(a, studentId);
        return a;
    }

    Attempt lockExisting(UUID attemptId) {
        Attempt a = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) throw Problem.notFound("Attempt");
        return a;
    }

    /** Another student's attempt is answered exactly like a missing one: its existence is not revealed. */
    static void requireOwner(Attempt a, UUID studentId) {
        if (a == null || !a.studentId.equals(studentId)) throw Problem.notFound("Attempt");
    }

    static String languageOf(UUID userId) {
        Person u = People.find(userId).orElse(null);
        return u == null ? "kk" : u.uiLanguage();
    }

    /** What every {@link StartGate} says about starting the attempt now. */
    List<GateResult> checkGates(Attempt a, Terms exam, Instant now) {
        StartingAttempt facts = new StartingAttempt(a.id, a.examId, a.studentId, exam.isProctored(), now);
        List<GateResult> results = new ArrayList<>();
        for (StartGate gate : gates) {
            GateResult r = gate.check(facts);
            results.add(r == null ? GateResult.fail(gate.name(), "GATE_NO_ANSWER", "The check gave no answer") : r);
        }
        return results;
    }

    /** Results may be shown: released, and nobody admitted can still sit the exam ({@link ResultHold}). */
    boolean resultsOpen(Terms e, Instant now) {
        return e.resultsVisible(now) && holds.holdFor(e.id(), now).isEmpty();
    }

    /** The attempt as its student sees it, with its exam's title. */
    AttemptView view(Attempt a) {
        return view(a, terms(a.examId));
    }

    AttemptView view(Attempt a, Terms exam) {
        return view(a, exam, List.of());
    }

    AttemptView view(Attempt a, Terms exam, List<GateResult> gateResults) {
        long count = a.startedAt == null ? 0 : AttemptQuestion.count("key.attemptId", a.id);
        long answered = a.startedAt == null ? 0 : AttemptQuestion.count("key.attemptId = ?1 and selected <> ''", a.id);
        return new AttemptView(a.id, a.examId, exam == null ? null : exam.title(), a.state, now(), a.startedAt, a.deadlineAt,
                a.cutAtClose, (int) count, (int) answered, a.finishedAt, a.isGraded() && exam != null && resultsOpen(exam, now()),
                gateResults);
    }
}
