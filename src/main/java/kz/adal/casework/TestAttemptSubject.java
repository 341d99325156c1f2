package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.attempt.AttemptInterventions;
import kz.adal.attempt.AttemptState;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.exam.ExtensionService;
import kz.adal.casework.commission.CommissionSeat;
import kz.adal.casework.commission.ExamCommissions;
import kz.adal.grading.GradeChange;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorAssignments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** A test attempt as the subject of acts and appeals (scope: its exam). */
@ApplicationScoped
class TestAttemptSubject implements GradedSubject {

    private final AttemptInterventions attempts;
    private final AttemptCatalog catalog;
    private final ExamCatalog exams;
    private final ExtensionService extensions;
    private final ProctorAssignments proctors;

    TestAttemptSubject(AttemptInterventions attempts, AttemptCatalog catalog, ExamCatalog exams, ExtensionService extensions,
                       ProctorAssignments proctors) {
        this.proctors = proctors;
        this.attempts = attempts;
        this.catalog = catalog;
        this.exams = exams;
        this.extensions = extensions;
    }

    @Override
    public String kind() {
        return "TEST";
    }

    @Override
    public Optional<Scope> scope(UUID examId) {
        return exams.find(examId).map(e -> new Scope(e.title(), null));
    }

    @Override
    public String unnamed() {
        return "the test";
    }

    @Override
    public String scopeNoun() {
        return "Exam";
    }

    // ------------------------------------------------------------------ appeals

    @Override
    public List<Appealable> appealable(UUID studentId, Instant since, Instant now) {
        List<Appealable> out = new ArrayList<>();
        for (AttemptRecord a : catalog.gradedSince(studentId, since)) {
            if (a.state() == AttemptState.VOIDED) continue;
            ExamRecord e = exams.find(a.examId()).orElseThrow();
            out.add(new Appealable(a.id(), a.examId(), e.title(), e.resultsVisible(now) ? a.percent() + "% " + a.letter() : null,
                    a.finishedAt(), e.resultsVisibleAt()));
        }
        return out;
    }

    @Override
    public Appealable toAppeal(UUID studentId, UUID attemptId) {
        AttemptRecord at = catalog.find(attemptId).orElse(null);
        if (at == null || !at.studentId().equals(studentId)) throw Problem.notFound("Attempt");
        if (at.gradedAt() == null || at.state() == AttemptState.VOIDED) throw Problem.conflict("APPEAL_NOT_GRADED", "This attempt has no grade to appeal");
        ExamRecord e = exams.find(at.examId()).orElseThrow();
        if (e.resultsVisibleAt() == null) {
            throw new Problem(422, "APPEAL_NOT_OPEN", "Your result is not published yet; the 48 hours start when it is (001 §6.15.4).");
        }
        return new Appealable(at.id(), at.examId(), e.title(), null, at.finishedAt(), e.resultsVisibleAt());
    }

    @Override
    public String currentGrade(UUID attemptId) {
        AttemptRecord at = catalog.find(attemptId).orElse(null);
        return at == null || at.percent() == null ? null : at.percent().toPlainString() + "% " + at.letter();
    }

    @Override
    public boolean carriesNewGrade(AppealService.DecisionRequest r) {
        return r.newPercent() != null;
    }

    @Override
    public String newGradeRequired() {
        return "An upheld appeal changes the grade: give the new percentage";
    }

    @Override
    public GradeChange changeGradeOnAppeal(UUID attemptId, AppealService.DecisionRequest r, UUID appealId, String note) {
        return attempts.changeGradeOnAppeal(attemptId, r.newPercent(), appealId, note);
    }

    @Override
    public boolean takesAnswerReceipt() {
        return true;
    }

    @Override
    public Map<UUID, Grader> graders(UUID examId) {
        Map<UUID, Grader> graders = new LinkedHashMap<>();
        ExamRecord e = exams.find(examId).orElseThrow();
        if (e.createdBy() != null) graders.put(e.createdBy(), Grader.TEACHER);
        return graders;
    }

    // ------------------------------------------------------------------ technical-failure acts

    @Override
    public ActCommission commission(UUID examId) {
        return ActCommission.ofExam(examId);
    }

    /** The exam's technical secretary, or a proctor of the exam or of this attempt. */
    @Override
    public boolean mayDraft(UUID examId, UUID attemptId, CurrentUser me) {
        UUID id = me.id();
        if (ExamCommissions.holds(examId, id, CommissionSeat.SECRETARY)) return true;
        return me.has(Role.PROCTOR) && proctors.proctors(id, examId, attemptId);
    }

    @Override
    public String state(UUID attemptId) {
        if (attemptId == null) return null;
        return catalog.find(attemptId).orElseThrow().state().name();
    }

    /** RESUME: the same attempt continues with the lost time credited; VOID: voided, and an individual sheet opens. */
    @Override
    public String carryOut(Act act, ActDecision decision, ActService.Decision d, UUID chairId, Map<String, Object> detail, Supplier<byte[]> actPdf) {
        return switch (decision) {
            case RESUME -> {
                long credit = d.creditSeconds() == null ? act.lostSeconds : d.creditSeconds();
                if (credit < 0 || credit > Duration.ofHours(12).toSeconds()) {
                    throw Problem.badRequest("ACT_CREDIT_INVALID", "Credit between 0 seconds and 12 hours");
                }
                act.creditedSeconds = credit;
                attempts.resumeAfterFailure(act.attemptId, Duration.ofSeconds(credit), act.id);
                detail.put("creditedSeconds", credit);
                yield "The same attempt continues; " + credit + " s are credited. Open the exam to continue.";
            }
            case VOID -> {
                attempts.voidAfterFailure(act.attemptId, act.id, "Technical-failure act " + act.id + ": voided by the commission");
                act.sheetId = extensions.openAfterTechnicalFailure(act.examId, act.studentId, act.id,
                        "Technical failure (act " + act.id + "); the attempt was voided by the commission's decision", actPdf.get());
                detail.put("sheet", act.sheetId.toString());
                yield "The attempt is voided; an individual sheet has been opened for you.";
            }
            default -> throw new IllegalArgumentException("not a test act's decision: " + decision);
        };
    }
}
