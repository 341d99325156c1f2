package kz.adal.attempt;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptEvents.AttemptFinished;
import kz.adal.attempt.AttemptEvents.AttemptStarted;
import kz.adal.attempt.StartGate.GateResult;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamAccess;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.Terms;
import kz.adal.exam.StartPermit;
import kz.adal.platform.Problem;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test delivery for a student, the commands: open an attempt, pass the start gates, draw the paper, save answers,
 * submit; the deadline sweeper expires what the browser left. Every state change goes through the
 * entity's verbs, under a row lock on the attempt (so two nodes never both finish one attempt), and
 * leaves an audit entry and an event. What the student's pages read is {@link AttemptQueries}; the paper's draw
 * {@link AttemptPapers}; what proctors and commissions do to an attempt is {@link AttemptInterventions}.
 */
@ApplicationScoped
public class AttemptService {
    private static final Logger LOG = Logger.getLogger(AttemptService.class);

    private final EntityManager em;
    private final ExamAccess access;
    private final AttemptGrader grader;
    private final AuditTrail audit;
    private final AttemptConfig config;
    private final Event<AttemptStarted> started;
    private final Event<AttemptFinished> finished;
    private final ExamCatalog examCatalog;
    private final AttemptLookups lookups;
    private final AttemptPapers papers;

    AttemptService(EntityManager em, ExamAccess access, AttemptGrader grader, AuditTrail audit, AttemptConfig config,
                   Event<AttemptStarted> started, Event<AttemptFinished> finished, ExamCatalog examCatalog, AttemptLookups lookups,
                   AttemptPapers papers) {
        this.em = em;
        this.access = access;
        this.grader = grader;
        this.audit = audit;
        this.config = config;
        this.started = started;
        this.finished = finished;
        this.examCatalog = examCatalog;
        this.lookups = lookups;
        this.papers = papers;
    }

    // ---------------------------------------------------------------- opening and starting

    /**
     * The student's attempt at this exam: the existing one, or a new one in CHECKS. Two simultaneous
     * calls (two clicks, tabs, devices or nodes) get the same attempt: the database's unique
     * constraint on (exam, student, round) refuses the second insert, and the loser reads the winner's row.
     */
    public AttemptView open(UUID examId, UUID studentId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                StartPermit permit = access.requireStartable(examId, studentId, lookups.now());
                Attempt existing = lookups.find(examId, studentId, permit.round());
                if (existing != null) return lookups.view(existing, permit.exam());
                Attempt a = Attempt.open(examId, studentId, permit.round(), permit.individualSheetId(), lookups.now());
                a.beginChecks(lookups.now());
                a.persist();
                em.flush(); // the unique constraint answers here, not at commit
                AttemptView view = lookups.view(a, permit.exam());
                // last: the audit log's head row stays locked until commit
                audit.record(Change.of("attempt.opened", "attempt", a.id).scope(examId)
                        .detail(Map.of("student", studentId.toString(), "round", permit.round())));
                return view;
            });
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) throw e;
            LOG.debugf("attempt for exam %s student %s opened concurrently: returning the existing one", examId, studentId);
            return QuarkusTransaction.requiringNew().call(() -> {
                Attempt existing = lookups.latest(examId, studentId);
                if (existing == null) throw e;
                return lookups.view(existing, examCatalog.terms(examId).orElse(null));
            });
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) return true;
        }
        return false;
    }

    /**
     * CHECKS → IN_PROGRESS once every {@link StartGate} passes: draws the paper and starts the clock.
     * Idempotent: an attempt already started is returned as it is.
     *
     * @param acceptCut the student accepted that a late start gets time only until the window's close
     */
    @Transactional
    public AttemptView start(UUID attemptId, UUID studentId, boolean acceptCut) {
        Attempt a = lookups.lockOwned(attemptId, studentId);
        Instant now = lookups.now();
        if (a.state != AttemptState.NOT_STARTED && a.state != AttemptState.CHECKS) return lookups.view(a, examCatalog.terms(a.examId).orElse(null));
        StartPermit permit = access.requireStartable(a.examId, studentId, now);
        Terms exam = permit.exam();
        if (a.state == AttemptState.NOT_STARTED) a.beginChecks(now);
        if (permit.mustWarnCut() && !acceptCut) {
            throw Problem.conflict("ATTEMPT_CUT_NOT_ACCEPTED",
                    "Starting now gives time only until the window closes at " + permit.cutAt() + "; confirm to start");
        }
        List<GateResult> results = lookups.checkGates(a, exam, now);
        List<GateResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new Problem(409, "ATTEMPT_CHECKS_PENDING", "The pre-exam checks are not complete", failed);
        }
        DrawnPaper paper = papers.draw(exam, QuestionDraw.newSeed());
        a.algorithm = paper.algorithm();
        a.seed = paper.seed();
        em.unwrap(Session.class).setJdbcBatchSize(paper.questions().size()); // one round trip for the paper's rows
        for (DrawnQuestion q : paper.questions()) AttemptQuestion.of(a.id, q).persist();
        if (permit.cutAt() != null) {
            a.start(now, Duration.between(now, permit.cutAt()), Duration.ZERO, true);
        } else {
            a.start(now, exam.duration(), permit.duration().minus(exam.duration()), false);
        }
        started.fire(new AttemptStarted(a.id, a.examId, studentId, a.startedAt, a.deadlineAt));
        AttemptView view = new AttemptView(a.id, a.examId, exam.title(), a.state, now, a.startedAt, a.deadlineAt, a.cutAtClose,
                paper.questions().size(), 0, null, false, List.of());
        // last: the audit log's head row stays locked until commit
        audit.record(Change.of("attempt.started", "attempt", a.id).scope(a.examId).detail(Map.of(
                "student", studentId.toString(), "algorithm", a.algorithm, "seed", a.seed,
                "deadlineAt", a.deadlineAt.toString(), "cutAtClose", a.cutAtClose)));
        return view;
    }

    // ---------------------------------------------------------------- answers

    /**
     * Saves one answer change. Idempotent and ordered by {@code seq}: a conditional update keeps the
     * change with the highest seq, so a repeat or an older change arriving late never overwrites a
     * newer one; a change made on a page that had not seen the stored answer ({@code baseSeq} older
     * than it: another tab or device) is not applied either, so two devices never silently overwrite
     * each other. Refused after the deadline (plus {@link AttemptConfig#answerGrace()}) or when the
     * attempt is not in progress; bad input is refused before anything is written.
     */
    @Transactional
    public AnswerAck saveAnswer(UUID attemptId, UUID studentId, int position, SaveAnswerRequest req) {
        // a shared lock: many saves may run together, but submit and expiry (FOR UPDATE) wait for them
        Attempt a = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_READ);
        AttemptLookups.requireOwner(a, studentId);  // first: a stranger learns nothing, not even what a valid body looks like
        if (req == null) throw Problem.badRequest("ANSWER_BODY_MISSING", "Send {selected, marked, seq}");
        if (req.seq() == null || req.seq() < 1) throw Problem.badRequest("ANSWER_SEQ_INVALID", "seq must be a positive number");
        if (req.selected() == null) throw Problem.badRequest("ANSWER_SELECTED_MISSING", "selected must be a list (empty to clear)");
        Instant now = lookups.now();
        if (!a.state.acceptsAnswers()) {
            throw new Problem(409, "ATTEMPT_NOT_ACCEPTING_ANSWERS", "The attempt is " + a.state + " and takes no answers",
                    List.of(Map.of("state", a.state.name())));
        }
        if (a.isPastDeadline(now, config.answerGrace())) {
            throw new Problem(409, "ATTEMPT_TIME_UP", "The time ended at " + a.deadlineAt, List.of(Map.of("deadlineAt", a.deadlineAt.toString())));
        }
        AttemptQuestion row = AttemptQuestion.findById(new AttemptQuestion.Key(attemptId, position));
        if (row == null) {
            throw Problem.badRequest("ANSWER_POSITION_OUT_OF_RANGE", "This paper has no question at position " + position);
        }
        List<Integer> order = row.optionOrder();
        Set<Integer> chosen = new HashSet<>();
        for (Integer shown : req.selected()) {
            if (shown == null || shown < 0 || shown >= order.size()) {
                throw Problem.badRequest("ANSWER_OPTION_OUT_OF_RANGE", "Options are numbered 0 to " + (order.size() - 1) + ", got " + shown);
            }
            if (!chosen.add(order.get(shown))) throw Problem.badRequest("ANSWER_OPTION_REPEATED", "Option " + shown + " is chosen twice");
        }
        boolean marked = req.marked() != null && req.marked();
        int updated = em.createQuery("update AttemptQuestion q set q.selected = :sel, q.marked = :marked, q.seq = :seq, "
                        + "q.clientAt = :clientAt, q.savedAt = :now where q.key.attemptId = :a and q.key.position = :p and q.seq < :seq "
                        + "and q.seq <= :base")
                .setParameter("sel", AttemptQuestion.join(chosen)).setParameter("marked", marked).setParameter("seq", req.seq())
                // a change made over an answer the page never saw (another tab or device) is not applied
                .setParameter("base", req.baseSeq() == null ? Long.MAX_VALUE : req.baseSeq())
                .setParameter("clientAt", req.clientAt()).setParameter("now", now)
                .setParameter("a", attemptId).setParameter("p", position).executeUpdate();
        if (updated == 1) {
            return new AnswerAck(position, req.seq(), true, req.selected().stream().sorted().toList(), marked, now, a.deadlineAt);
        }
        em.refresh(row);
        return new AnswerAck(position, row.seq, false, row.selectedDisplayed(), row.marked, now, a.deadlineAt);
    }

    // ---------------------------------------------------------------- finishing

    /** The student hands in; graded at once. Idempotent for a finished attempt. A late submit expires it instead. */
    @Transactional
    public AttemptView submit(UUID attemptId, UUID studentId) {
        Attempt a = lookups.lockOwned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        if (a.state.isFinished()) return lookups.view(a, exam);
        Instant now = lookups.now();
        if (a.isPastDeadline(now, config.answerGrace())) {
            finish(a, exam, now, true, null, null);
        } else if (a.state == AttemptState.IN_PROGRESS) {
            finish(a, exam, now, false, null, null);
        } else {
            throw Problem.conflict("ATTEMPT_CANNOT_SUBMIT", "An attempt that is " + a.state + " cannot be submitted");
        }
        return lookups.view(a, exam);
    }

    /**
     * Expires and grades every attempt whose deadline (plus grace) has passed, even with no browser
     * left. Each attempt in its own transaction under a row lock, re-checked after locking: two nodes
     * running this at once never finish one attempt twice.
     *
     * @return how many attempts this call expired
     */
    public int expireDue() {
        Instant now = lookups.now();
        Instant before = now.minus(config.answerGrace());
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select a.id from Attempt a where a.state = :s and a.deadlineAt < :before order by a.deadlineAt", UUID.class)
                .setParameter("s", AttemptState.IN_PROGRESS).setParameter("before", before)
                .setMaxResults(config.deadlineSweepBatch()).getResultList());
        int expired = 0;
        for (UUID id : due) {
            try {
                boolean done = QuarkusTransaction.requiringNew().call(() -> {
                    Attempt a = em.find(Attempt.class, id, LockModeType.PESSIMISTIC_WRITE);
                    Instant at = lookups.now();
                    if (a == null || !a.isPastDeadline(at, config.answerGrace())) return false; // another node was first, or time moved
                    finish(a, examCatalog.terms(a.examId).orElse(null), at, true, null, "system");
                    return true;
                });
                if (done) expired++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not expire attempt %s; will retry on the next run", id);
            }
        }
        return expired;
    }

    private void finish(Attempt a, Terms exam, Instant now, boolean expire, UUID actorId, String actorLogin) {
        if (expire) a.expire(now);
        else a.submit(now);
        grader.grade(a, exam, now);
        Change change = Change.of(expire ? "attempt.expired" : "attempt.submitted", "attempt", a.id).scope(a.examId)
                .detail(Map.of("student", a.studentId.toString(), "percent", a.percent.toPlainString(), "letter", a.letter,
                        "deadlineAt", a.deadlineAt.toString()));
        if (actorLogin == null) audit.record(change);
        else audit.record(change, actorId, actorLogin);
        finished.fire(new AttemptFinished(a.id, a.examId, a.studentId, a.state, now));
    }
}
