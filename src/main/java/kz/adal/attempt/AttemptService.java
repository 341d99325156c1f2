package kz.adal.attempt;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptEvents.AttemptFinished;
import kz.adal.attempt.AttemptEvents.AttemptStarted;
import kz.adal.exam.ExamAccess;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ResultHold;
import kz.adal.exam.ResultHolds;
import kz.adal.exam.StartPermit;
import kz.adal.attempt.StartGate.GateResult;
import kz.adal.attempt.StartGate.StartingAttempt;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.BankCatalog;
import kz.adal.bank.Difficulty;
import kz.adal.exam.ExamCatalog.Terms;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Test delivery for a student: open an attempt, pass the start gates, draw the paper, save answers,
 * submit; the deadline sweeper expires what the browser left. Every state change goes through the
 * entity's verbs, under a row lock on the attempt (so two nodes never both finish one attempt), and
 * leaves an audit entry and an event. What proctors and commissions do to an attempt is {@link AttemptInterventions}.
 */
@ApplicationScoped
public class AttemptService {
    private static final Logger LOG = Logger.getLogger(AttemptService.class);

    /** Every question has 5 options (001 §7.6). */
    static final int OPTIONS_PER_QUESTION = 5;

    private final EntityManager em;
    private final TimeSource time;
    private final ExamAccess access;
    private final BankCatalog catalog;
    private final FrozenBankCache bank;
    private final AttemptGrader grader;
    private final AuditTrail audit;
    private final AttemptConfig config;
    private final Instance<StartGate> gates;
    private final Event<AttemptStarted> started;
    private final Event<AttemptFinished> finished;

    private final ResultHolds holds;
    private final ExamCatalog examCatalog;

    AttemptService(EntityManager em, TimeSource time, ExamAccess access, BankCatalog catalog, FrozenBankCache bank, AttemptGrader grader,
                   AuditTrail audit, AttemptConfig config, @Any Instance<StartGate> gates,
                   Event<AttemptStarted> started, Event<AttemptFinished> finished, ResultHolds holds,
                   ExamCatalog examCatalog) {
        this.holds = holds;
        this.examCatalog = examCatalog;
        this.em = em;
        this.time = time;
        this.access = access;
        this.catalog = catalog;
        this.bank = bank;
        this.grader = grader;
        this.audit = audit;
        this.config = config;
        this.gates = gates;
        this.started = started;
        this.finished = finished;
    }

    // ---------------------------------------------------------------- the student's exams

    /** The published exams of the student's group, each with whether it can start now and, if not, why. */
    @Transactional
    public List<StudentExamView> examsFor(UUID studentId) {
        Person student = People.find(studentId).orElse(null);
        if (student == null) throw Problem.notFound("Student");
        Instant now = now();
        Map<UUID, Terms> exams = new LinkedHashMap<>();
        if (student.groupCode() != null) {
            examCatalog.publishedFor(student.groupCode()).forEach(e -> exams.put(e.id(), e));
        }
        return exams.values().stream().map(e -> examView(e, studentId, now)).toList();
    }

    @Transactional
    public StudentExamView examFor(UUID examId, UUID studentId) {
        return examsFor(studentId).stream().filter(v -> v.examId().equals(examId)).findFirst()
                .orElseThrow(() -> Problem.notFound("Exam"));
    }

    private StudentExamView examView(Terms e, UUID studentId, Instant now) {
        Attempt a = Attempt.find("examId = ?1 and studentId = ?2 order by round desc", e.id(), studentId).firstResult();
        StudentExamView.Window window = StudentExamView.Window.at(now, e.opensAt(), e.closesAt());
        String code = null;
        String message = null;
        StartPermit permit = null;
        try {
            permit = access.requireStartable(e.id(), studentId, now);
        } catch (Problem p) {
            code = p.code();
            message = p.detailIn(languageOf(studentId));   // shown on the student's page as it is
        }
        boolean admitted = !ExamAccess.NOT_ADMITTED.equals(code);
        boolean canStart = permit != null && (a == null || a.state == AttemptState.NOT_STARTED || a.state == AttemptState.CHECKS);
        return new StudentExamView(e.id(), e.title(), e.discipline(), e.kind(), e.opensAt(), e.closesAt(), e.durationMinutes(),
                (int) examCatalog.extraTimeFor(e.id(), studentId).toMinutes(), e.questionCount(), e.isProctored(),
                e.lateStartPolicy().name(), window, admitted, canStart, code, message,
                permit != null && permit.mustWarnCut(), permit == null ? null : permit.cutAt(),
                a == null ? null : a.id, a == null ? null : a.state, a != null && a.isGraded() && e.resultsVisible(now), now);
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
                StartPermit permit = access.requireStartable(examId, studentId, now());
                Attempt existing = find(examId, studentId, permit.round());
                if (existing != null) return view(existing, permit.exam());
                Attempt a = Attempt.open(examId, studentId, permit.round(), permit.individualSheetId(), now());
                a.beginChecks(now());
                a.persist();
                em.flush(); // the unique constraint answers here, not at commit
                AttemptView view = view(a, permit.exam());
                // last: the audit log's head row stays locked until commit
                audit.record(Change.of("attempt.opened", "attempt", a.id).scope(examId)
                        .detail(Map.of("student", studentId.toString(), "round", permit.round())));
                return view;
            });
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) throw e;
            LOG.debugf("attempt for exam %s student %s opened concurrently: returning the existing one", examId, studentId);
            return QuarkusTransaction.requiringNew().call(() -> {
                Attempt existing = Attempt.find("examId = ?1 and studentId = ?2 order by round desc", examId, studentId).firstResult();
                if (existing == null) throw e;
                return view(existing, examCatalog.terms(examId).orElse(null));
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
        Attempt a = lockOwned(attemptId, studentId);
        Instant now = now();
        if (a.state != AttemptState.NOT_STARTED && a.state != AttemptState.CHECKS) return view(a, examCatalog.terms(a.examId).orElse(null));
        StartPermit permit = access.requireStartable(a.examId, studentId, now);
        Terms exam = permit.exam();
        if (a.state == AttemptState.NOT_STARTED) a.beginChecks(now);
        if (permit.mustWarnCut() && !acceptCut) {
            throw Problem.conflict("ATTEMPT_CUT_NOT_ACCEPTED",
                    "Starting now gives time only until the window closes at " + permit.cutAt() + "; confirm to start");
        }
        List<GateResult> results = checkGates(a, exam, now);
        List<GateResult> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new Problem(409, "ATTEMPT_CHECKS_PENDING", "The pre-exam checks are not complete", failed);
        }
        DrawnPaper paper = draw(exam, QuestionDraw.newSeed());
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

    private List<GateResult> checkGates(Attempt a, Terms exam, Instant now) {
        StartingAttempt facts = new StartingAttempt(a.id, a.examId, a.studentId, exam.isProctored(), now);
        List<GateResult> results = new ArrayList<>();
        for (StartGate gate : gates) {
            GateResult r = gate.check(facts);
            results.add(r == null ? GateResult.fail(gate.name(), "GATE_NO_ANSWER", "The check gave no answer") : r);
        }
        return results;
    }

    /** The exam's draw for a seed: the pool is the bank version's questions on the exam's topics. */
    DrawnPaper draw(Terms exam, long seed) {
        List<PoolItem> pool = bank.pool(exam.bankVersionId(), exam.topics()).stream()
                .map(q -> new PoolItem(q.id(), difficulty(q.difficulty()))).toList();
        return QuestionDraw.draw(pool, OPTIONS_PER_QUESTION, exam.questionCount(),
                new DifficultyMix(exam.mixEasy(), exam.mixMedium(), exam.mixHard()), seed);
    }

    /** Rebuilds an attempt's paper from its stored seed and algorithm (for an appeal); compare with the stored rows. */
    @Transactional
    public DrawnPaper redraw(UUID attemptId) {
        Attempt a = Attempt.findById(attemptId);
        if (a == null || a.seed == null) throw Problem.notFound("Drawn attempt");
        if (!QuestionDraw.ALGORITHM.equals(a.algorithm)) {
            throw Problem.conflict("ATTEMPT_ALGORITHM_UNKNOWN", "This paper was drawn by " + a.algorithm);
        }
        return draw(examCatalog.terms(a.examId).orElse(null), a.seed);
    }

    /** The paper as stored with the attempt. */
    @Transactional
    public DrawnPaper storedPaper(UUID attemptId) {
        Attempt a = Attempt.findById(attemptId);
        if (a == null || a.seed == null) throw Problem.notFound("Drawn attempt");
        return new DrawnPaper(a.algorithm, a.seed, rows(attemptId).stream().map(AttemptQuestion::toDrawn).toList());
    }

    static DrawDifficulty difficulty(Difficulty d) {
        return switch (d) {
            case EASY -> DrawDifficulty.EASY;
            case MEDIUM -> DrawDifficulty.MEDIUM;
            case HARD -> DrawDifficulty.HARD;
        };
    }

    // ---------------------------------------------------------------- reading

    @Transactional
    public AttemptView get(UUID attemptId, UUID studentId) {
        Attempt a = owned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        List<GateResult> gateResults = a.state == AttemptState.CHECKS ? checkGates(a, exam, now()) : List.of();
        return view(a, exam, gateResults);
    }

    /** The student's paper: shuffled options, display indices, no correctness. */
    @Transactional
    public PaperView paper(UUID attemptId, UUID studentId) {
        Attempt a = owned(attemptId, studentId);
        if (a.startedAt == null) throw Problem.conflict("ATTEMPT_NOT_STARTED", "The attempt has not started yet");
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        List<AttemptQuestion> rows = rows(a.id);
        Map<UUID, BankCatalog.QuestionContent> content = bank.content(rows.stream().map(r -> r.questionId).toList());
        List<PaperView.Item> items = new ArrayList<>();
        long lastSeq = 0;
        for (AttemptQuestion row : rows) {
            BankCatalog.QuestionContent c = content.get(row.questionId);
            List<String> options = row.optionOrder().stream().map(i -> c.options().get(i)).toList();
            items.add(new PaperView.Item(row.position(), c.stem(), c.hasImage(), c.correct().size() > 1 ? "multiple" : "single",
                    options, row.selectedDisplayed(), row.marked, row.seq));
            lastSeq = Math.max(lastSeq, row.seq);
        }
        BankCatalog.UsableVersion passport = passport(exam, a);
        return new PaperView(view(a, exam), lastSeq, passport == null ? null : passport.referenceMaterials(),
                passport == null ? List.of() : passport.materials(), items);
    }

    /** The passport's permitted reference materials (001 §5.23.4), as of the day the attempt started. */
    private BankCatalog.UsableVersion passport(Terms exam, Attempt a) {
        LocalDate day = LocalDate.ofInstant(a.startedAt, TimeSource.ZONE);
        try {
            return catalog.requireUsable(exam.bankVersionId(), day);
        } catch (Problem p) {
            LOG.warnf("attempt %s: bank version %s not usable on %s (%s): no reference materials shown", a.id, exam.bankVersionId(), day, p.code());
            return null;
        }
    }

    /** A permitted reference file of the attempt's bank version. */
    @Transactional
    public BankCatalog.MaterialFile material(UUID attemptId, UUID studentId, UUID materialId) {
        Attempt a = owned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        BankCatalog.MaterialFile m = catalog.material(materialId).orElse(null);
        if (m == null || !m.versionId().equals(exam.bankVersionId()) || a.startedAt == null) throw Problem.notFound("Material");
        return m;
    }

    @Transactional
    public BankCatalog.QuestionImage image(UUID attemptId, UUID studentId, int position) {
        owned(attemptId, studentId);
        AttemptQuestion row = AttemptQuestion.findById(new AttemptQuestion.Key(attemptId, position));
        BankCatalog.QuestionImage img = row == null ? null : catalog.image(row.questionId);
        if (img == null) throw Problem.notFound("Image");
        return img;
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
        requireOwner(a, studentId);  // first: a stranger learns nothing, not even what a valid body looks like
        if (req == null) throw Problem.badRequest("ANSWER_BODY_MISSING", "Send {selected, marked, seq}");
        if (req.seq() == null || req.seq() < 1) throw Problem.badRequest("ANSWER_SEQ_INVALID", "seq must be a positive number");
        if (req.selected() == null) throw Problem.badRequest("ANSWER_SELECTED_MISSING", "selected must be a list (empty to clear)");
        Instant now = now();
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

    /**
     * A signed receipt over the student's answers as stored now: on hand-in, and on request during
     * the attempt. Signed with the token key; valid as long as that key (no expiry of its own).
     */
    @Transactional
    public AnswerReceipt receipt(UUID attemptId, UUID studentId) {
        Attempt a = owned(attemptId, studentId);
        if (a.startedAt == null) throw Problem.conflict("ATTEMPT_NOT_STARTED", "The attempt has not started yet");
        List<AttemptQuestion> rows = rows(a.id);
        String hash = AnswerReceipt.answersSha256(rows);
        int answered = (int) rows.stream().filter(r -> !r.selected.isEmpty()).count();
        Instant now = now();
        String signed = io.smallrye.jwt.build.Jwt.issuer(AnswerReceipt.ISSUER).subject(studentId.toString())
                .claim("attempt", a.id.toString()).claim("exam", a.examId.toString()).claim("state", a.state.name())
                .claim("answered", answered).claim("questions", rows.size()).claim("answersSha256", hash)
                .issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650)))
                .sign();
        return new AnswerReceipt(a.id, a.state.name(), now, answered, hash, signed);
    }

    // ---------------------------------------------------------------- finishing

    /** The student hands in; graded at once. Idempotent for a finished attempt. A late submit expires it instead. */
    @Transactional
    public AttemptView submit(UUID attemptId, UUID studentId) {
        Attempt a = lockOwned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        if (a.state.isFinished()) return view(a, exam);
        Instant now = now();
        if (a.isPastDeadline(now, config.answerGrace())) {
            finish(a, exam, now, true, null, null);
        } else if (a.state == AttemptState.IN_PROGRESS) {
            finish(a, exam, now, false, null, null);
        } else {
            throw Problem.conflict("ATTEMPT_CANNOT_SUBMIT", "An attempt that is " + a.state + " cannot be submitted");
        }
        return view(a, exam);
    }

    /**
     * Expires and grades every attempt whose deadline (plus grace) has passed, even with no browser
     * left. Each attempt in its own transaction under a row lock, re-checked after locking: two nodes
     * running this at once never finish one attempt twice.
     *
     * @return how many attempts this call expired
     */
    public int expireDue() {
        Instant now = now();
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
                    Instant at = now();
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

    Attempt lockExisting(UUID attemptId) {
        Attempt a = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) throw Problem.notFound("Attempt");
        return a;
    }

    // ---------------------------------------------------------------- results

    /** The graded result, once the exam's results are visible (then with which answers were right). */
    @Transactional
    public ResultView result(UUID attemptId, UUID studentId) {
        Attempt a = owned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        if (!a.isGraded()) throw Problem.conflict("RESULT_NOT_GRADED", "The attempt is not graded yet");
        if (!exam.resultsVisible(now())) {
            String lang = languageOf(studentId);
            throw Problem.conflict("RESULT_NOT_VISIBLE", exam.resultsVisibleAt() == null
                    ? kz.adal.platform.Texts.of(lang, "results.later.release")
                    : kz.adal.platform.Texts.of(lang, "results.later", kz.adal.platform.Texts.dateTime(exam.resultsVisibleAt(), lang)))
                    .worded().with("until", exam.resultsVisibleAt());
        }
        // released in data (a visibility time inside the window, an early release) is not enough: nobody
        // admitted may still be sitting it, or the correct answers would travel to them
        var hold = holds.holdFor(exam.id(), now());
        if (hold.isPresent()) throw ResultHolds.refusal("RESULT_NOT_VISIBLE", hold.get(), languageOf(studentId));
        List<AttemptQuestion> rows = rows(a.id);
        Map<UUID, BankCatalog.QuestionContent> content = bank.content(rows.stream().map(r -> r.questionId).toList());
        List<ResultView.Item> items = new ArrayList<>();
        BigDecimal points = BigDecimal.ZERO;
        int answered = 0;
        for (AttemptQuestion row : rows) {
            BankCatalog.QuestionContent c = content.get(row.questionId);
            List<Integer> order = row.optionOrder();
            List<Integer> correct = c.correct().stream().map(order::indexOf).sorted().toList();
            BigDecimal score = new QuestionScore(row.scoreNum, row.scoreDen).toDecimal();
            points = points.add(score);
            if (row.isAnswered()) answered++;
            items.add(new ResultView.Item(row.position(), c.stem(), order.stream().map(i -> c.options().get(i)).toList(),
                    row.selectedDisplayed(), correct, score));
        }
        return new ResultView(a.id, a.examId, exam.title(), a.state, a.finishedAt, a.percent, a.letter, a.gpa, a.traditionalMark,
                rows.size(), answered, points, items, annulment(a.id));
    }

    // ---------------------------------------------------------------- helpers

    /** Results may be shown: released, and nobody admitted can still sit the exam ({@link ResultHold}). */
    private boolean resultsOpen(Terms e, Instant now) {
        return e.resultsVisible(now) && holds.holdFor(e.id(), now).isEmpty();
    }

    private static String languageOf(UUID userId) {
        Person u = People.find(userId).orElse(null);
        return u == null ? "kk" : u.uiLanguage();
    }

    /** The server's time in milliseconds: what is returned equals what is read back from the database. */
    Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Attempt find(UUID examId, UUID studentId, int round) {
        return Attempt.find("examId = ?1 and studentId = ?2 and round = ?3", examId, studentId, round).firstResult();
    }

    private static List<AttemptQuestion> rows(UUID attemptId) {
        return AttemptQuestion.list("key.attemptId = ?1 order by key.position", attemptId);
    }

    private Attempt owned(UUID attemptId, UUID studentId) {
        Attempt a = Attempt.findById(attemptId);
        requireOwner(a, studentId);
        return a;
    }

    private Attempt lockOwned(UUID attemptId, UUID studentId) {
        Attempt a = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        requireOwner(a, studentId);
        return a;
    }

    /** Another student's attempt is answered exactly like a missing one: its existence is not revealed. */
    private static void requireOwner(Attempt a, UUID studentId) {
        if (a == null || !a.studentId.equals(studentId)) throw Problem.notFound("Attempt");
    }

    /** The attempt as its student sees it, with its exam's title. */
    AttemptView view(Attempt a) {
        return view(a, examCatalog.terms(a.examId).orElse(null));
    }

    AttemptView view(Attempt a, Terms exam) {
        return view(a, exam, List.of());
    }

    private AttemptView view(Attempt a, Terms exam, List<GateResult> gateResults) {
        long count = a.startedAt == null ? 0 : AttemptQuestion.count("key.attemptId", a.id);
        long answered = a.startedAt == null ? 0 : AttemptQuestion.count("key.attemptId = ?1 and selected <> ''", a.id);
        return new AttemptView(a.id, a.examId, exam == null ? null : exam.title(), a.state, now(), a.startedAt, a.deadlineAt,
                a.cutAtClose, (int) count, (int) answered, a.finishedAt, a.isGraded() && exam != null && resultsOpen(exam, now()),
                gateResults);
    }

    // ---------------------------------------------------------------- result standing (review verdicts)

    @jakarta.inject.Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<ResultStanding> standings;

    /** Why the result was annulled (a review verdict), or null when it stands. */
    public String annulment(UUID attemptId) {
        if (standings == null) return null;
        for (ResultStanding s : standings) {
            java.util.Optional<String> r = s.annulment(attemptId);
            if (r.isPresent()) return r.get();
        }
        return null;
    }

}
