package kz.adal.attempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import kz.adal.attempt.StartGate.GateResult;
import kz.adal.bank.BankCatalog;
import kz.adal.exam.ExamAccess;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.Terms;
import kz.adal.exam.ResultHolds;
import kz.adal.exam.StartPermit;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a student's pages read of their exams and attempts: the exams they may sit (and why not), an attempt with
 * its start checks, the paper, its images and reference files, a signed receipt over the stored answers, and the
 * result once released. Reads only; the commands are {@link AttemptService}'s.
 */
@ApplicationScoped
public class AttemptQueries {
    private static final Logger LOG = Logger.getLogger(AttemptQueries.class);

    private final ExamAccess access;
    private final BankCatalog catalog;
    private final FrozenBankCache bank;
    private final ResultHolds holds;
    private final ExamCatalog examCatalog;
    private final AttemptLookups lookups;
    private final Instance<ResultStanding> standings;

    AttemptQueries(ExamAccess access, BankCatalog catalog, FrozenBankCache bank, ResultHolds holds, ExamCatalog examCatalog,
                   AttemptLookups lookups, @Any Instance<ResultStanding> standings) {
        this.access = access;
        this.catalog = catalog;
        this.bank = bank;
        this.holds = holds;
        this.examCatalog = examCatalog;
        this.lookups = lookups;
        this.standings = standings;
    }

    // ---------------------------------------------------------------- the student's exams

    /** The published exams of the student's group, each with whether it can start now and, if not, why. */
    @Transactional
    public List<StudentExamView> examsFor(UUID studentId) {
        Person student = People.find(studentId).orElse(null);
        if (student == null) throw Problem.notFound("Student");
        Instant now = lookups.now();
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
        Attempt a = lookups.latest(e.id(), studentId);
        StudentExamView.Window window = StudentExamView.Window.at(now, e.opensAt(), e.closesAt());
        String code = null;
        String message = null;
        StartPermit permit = null;
        try {
            permit = access.requireStartable(e.id(), studentId, now);
        } catch (Problem p) {
            code = p.code();
            message = p.detailIn(AttemptLookups.languageOf(studentId));   // shown on the student's page as it is
        }
        boolean admitted = !ExamAccess.NOT_ADMITTED.equals(code);
        boolean canStart = permit != null && (a == null || a.state == AttemptState.NOT_STARTED || a.state == AttemptState.CHECKS);
        return new StudentExamView(e.id(), e.title(), e.discipline(), e.kind(), e.opensAt(), e.closesAt(), e.durationMinutes(),
                (int) examCatalog.extraTimeFor(e.id(), studentId).toMinutes(), e.questionCount(), e.isProctored(),
                e.lateStartPolicy().name(), window, admitted, canStart, code, message,
                permit != null && permit.mustWarnCut(), permit == null ? null : permit.cutAt(),
                a == null ? null : a.id, a == null ? null : a.state, a != null && a.isGraded() && e.resultsVisible(now), now);
    }

    // ---------------------------------------------------------------- an attempt and its paper

    @Transactional
    public AttemptView get(UUID attemptId, UUID studentId) {
        Attempt a = lookups.owned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        List<GateResult> gateResults = a.state == AttemptState.CHECKS ? lookups.checkGates(a, exam, lookups.now()) : List.of();
        return lookups.view(a, exam, gateResults);
    }

    /** The student's paper: shuffled options, display indices, no correctness. */
    @Transactional
    public PaperView paper(UUID attemptId, UUID studentId) {
        Attempt a = lookups.owned(attemptId, studentId);
        if (a.startedAt == null) throw Problem.conflict("ATTEMPT_NOT_STARTED", "The attempt has not started yet");
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        List<AttemptQuestion> rows = AttemptLookups.rows(a.id);
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
        return new PaperView(lookups.view(a, exam), lastSeq, passport == null ? null : passport.referenceMaterials(),
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
        Attempt a = lookups.owned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        BankCatalog.MaterialFile m = catalog.material(materialId).orElse(null);
        if (m == null || !m.versionId().equals(exam.bankVersionId()) || a.startedAt == null) throw Problem.notFound("Material");
        return m;
    }

    @Transactional
    public BankCatalog.QuestionImage image(UUID attemptId, UUID studentId, int position) {
        lookups.owned(attemptId, studentId);
        AttemptQuestion row = AttemptQuestion.findById(new AttemptQuestion.Key(attemptId, position));
        BankCatalog.QuestionImage img = row == null ? null : catalog.image(row.questionId);
        if (img == null) throw Problem.notFound("Image");
        return img;
    }

    /**
     * A signed receipt over the student's answers as stored now: on hand-in, and on request during
     * the attempt. Signed with the token key; valid as long as that key (no expiry of its own).
     */
    @Transactional
    public AnswerReceipt receipt(UUID attemptId, UUID studentId) {
        Attempt a = lookups.owned(attemptId, studentId);
        if (a.startedAt == null) throw Problem.conflict("ATTEMPT_NOT_STARTED", "The attempt has not started yet");
        List<AttemptQuestion> rows = AttemptLookups.rows(a.id);
        String hash = AnswerReceipt.answersSha256(rows);
        int answered = (int) rows.stream().filter(r -> !r.selected.isEmpty()).count();
        Instant now = lookups.now();
        String signed = io.smallrye.jwt.build.Jwt.issuer(AnswerReceipt.ISSUER).subject(studentId.toString())
                .claim("attempt", a.id.toString()).claim("exam", a.examId.toString()).claim("state", a.state.name())
                .claim("answered", answered).claim("questions", rows.size()).claim("answersSha256", hash)
                .issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650)))
                .sign();
        return new AnswerReceipt(a.id, a.state.name(), now, answered, hash, signed);
    }

    // ---------------------------------------------------------------- results

    /** The graded result, once the exam's results are visible (then with which answers were right). */
    @Transactional
    public ResultView result(UUID attemptId, UUID studentId) {
        Attempt a = lookups.owned(attemptId, studentId);
        Terms exam = examCatalog.terms(a.examId).orElse(null);
        if (!a.isGraded()) throw Problem.conflict("RESULT_NOT_GRADED", "The attempt is not graded yet");
        if (!exam.resultsVisible(lookups.now())) {
            String lang = AttemptLookups.languageOf(studentId);
            throw Problem.conflict("RESULT_NOT_VISIBLE", exam.resultsVisibleAt() == null
                    ? kz.adal.platform.Texts.of(lang, "results.later.release")
                    : kz.adal.platform.Texts.of(lang, "results.later", kz.adal.platform.Texts.dateTime(exam.resultsVisibleAt(), lang)))
                    .worded().with("until", exam.resultsVisibleAt());
        }
        // released in data (a visibility time inside the window, an early release) is not enough: nobody
        // admitted may still be sitting it, or the correct answers would travel to them
        var hold = holds.holdFor(exam.id(), lookups.now());
        if (hold.isPresent()) throw ResultHolds.refusal("RESULT_NOT_VISIBLE", hold.get(), AttemptLookups.languageOf(studentId));
        List<AttemptQuestion> rows = AttemptLookups.rows(a.id);
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

    // ---------------------------------------------------------------- result standing (review verdicts)

    /** Why the result was annulled (a review verdict), or null when it stands. */
    public String annulment(UUID attemptId) {
        for (ResultStanding s : standings) {
            Optional<String> r = s.annulment(attemptId);
            if (r.isPresent()) return r.get();
        }
        return null;
    }
}
