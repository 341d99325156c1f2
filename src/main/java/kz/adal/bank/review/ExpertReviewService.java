package kz.adal.bank.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.BankDocuments;
import kz.adal.bank.BankValidationReport;
import kz.adal.bank.BankValidator;
import kz.adal.bank.BankVersionState;
import kz.adal.bank.BankVersions;
import kz.adal.bank.BankVersions.QuestionRef;
import kz.adal.bank.BankVersions.VersionRef;
import kz.adal.bank.BankViews;
import kz.adal.bank.BankViews.ConclusionRequest;
import kz.adal.bank.BankViews.ExpertListEntry;
import kz.adal.bank.BankViews.ReviewDetail;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The yearly expert review (001 §5.24–5.27): the approved expert list, assigning a reviewer who is
 * not a compiler, per-question comments, the three criteria and the conclusion, the printable conclusion
 * (the printable passport is {@code BankQueries}'s).
 */
@ApplicationScoped
public class ExpertReviewService {
    private final CurrentUser me;
    private final AuditTrail audit;
    private final TimeSource time;
    private final BankDocuments bankDocuments;

    ExpertReviewService(CurrentUser me, AuditTrail audit, TimeSource time, BankDocuments bankDocuments) {
        this.bankDocuments = bankDocuments;
        this.me = me;
        this.audit = audit;
        this.time = time;
    }

    // ------------------------------------------------------------------ expert list

    @Transactional
    public List<ExpertListEntry> expertList(String academicYear) {
        String year = academicYear == null ? AcademicYear.containing(time.today()).toString() : year(academicYear);
        return ApprovedExpert.<ApprovedExpert>list("key.academicYear", year).stream().map(e -> {
            Person u = People.find(e.key.userId).orElse(null);
            return new ExpertListEntry(e.key.userId, u == null ? "?" : u.fullName(), e.key.academicYear, e.approvedOn);
        }).toList();
    }

    /** The head of department records an expert approved for an academic year (each March for the next, 001 §5.24). */
    @Transactional
    public ExpertListEntry addExpert(BankViews.ExpertListRequest request) {
        if (!me.has(Role.HEAD_OF_DEPARTMENT)) throw Problem.forbidden("The head of department keeps the expert list");
        BankViews.ExpertListRequest r = kz.adal.platform.Fields.check(request, BankViews.ExpertListRequest.class);
        String year = year(r.academicYear());
        Person u = People.find(r.userId()).orElse(null);
        if (u == null) throw Problem.badRequest("UNKNOWN_USER", "No such user");
        if (!u.has(Role.BANK_EXPERT)) throw Problem.badRequest("NOT_AN_EXPERT", u.fullName() + " does not hold the bank expert role");
        if (ApprovedExpert.isApproved(u.id(), year)) throw Problem.conflict("ALREADY_LISTED", u.fullName() + " is already on the " + year + " list");
        ApprovedExpert e = new ApprovedExpert();
        e.key = new ApprovedExpert.Key(u.id(), year);
        e.approvedOn = r.approvedOn();
        e.recordedBy = me.id();
        e.persist();
        audit.record(Change.of("bank.expert-listed", "user", u.id()).detail(Map.of("year", year, "approvedOn", r.approvedOn().toString())));
        return new ExpertListEntry(u.id(), u.fullName(), year, e.approvedOn);
    }

    private static String year(String text) {
        try {
            return AcademicYear.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("BAD_ACADEMIC_YEAR", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ assigning

    @Transactional
    public ReviewDetail assign(UUID versionId, UUID expertId) {
        if (!me.has(Role.HEAD_OF_DEPARTMENT)) throw Problem.forbidden("The head of department assigns experts (001 §5.24)");
        VersionRef v = BankVersions.version(versionId);
        kz.adal.platform.Fields.check(new BankViews.AssignReviewRequest(expertId), BankViews.AssignReviewRequest.class);
        BankValidationReport report = BankValidator.standard().validate(BankVersions.drafts(v.id()));
        if (!report.passes()) throw Problem.unprocessable("BANK_INVALID", "A bank that fails validation can't go to review", report.issues());
        if (v.state() != BankVersionState.APPROVED) {
            throw Problem.conflict("NOT_APPROVED", "Record the department's approval first; the review is of an approved, frozen version");
        }
        if (v.isCompiler(expertId)) throw Problem.conflict("EXPERT_IS_COMPILER", "An expert may not review a bank they compiled (001 §5.24)");
        String year = AcademicYear.containing(time.today()).toString();
        if (!ApprovedExpert.isApproved(expertId, year)) {
            throw Problem.conflict("EXPERT_NOT_APPROVED", "This person is not on the approved expert list for " + year + " (001 §5.24)");
        }
        if (ExpertReview.count("versionId = ?1 and expertId = ?2 and state = ?3", v.id(), expertId, ExpertReview.State.ASSIGNED) > 0) {
            throw Problem.conflict("ALREADY_ASSIGNED", "This expert already has an open review of this version");
        }
        ExpertReview r = new ExpertReview();
        r.versionId = v.id();
        r.expertId = expertId;
        r.assignedBy = me.id();
        r.assignedAt = time.now();
        r.academicYear = year;
        r.persist();
        audit.record(Change.of("bank.review-assigned", "expert-review", r.id).scope(v.bankId()).detail(Map.of("expert", expertId.toString(), "version", v.number())));
        return detail(r.id);
    }

    // ------------------------------------------------------------------ reviewing

    ExpertReview review(UUID id) {
        ExpertReview r = ExpertReview.findById(id);
        if (r == null) throw Problem.notFound("Review");
        return r;
    }

    @Transactional
    public List<ReviewDetail> mine() {
        return ExpertReview.<ExpertReview>list("expertId = ?1 order by assignedAt desc", me.id()).stream().map(r -> detail(r, false)).toList();
    }

    @Transactional
    public ReviewDetail detail(UUID id) {
        return detail(review(id), true);
    }

    private ReviewDetail detail(ExpertReview r, boolean withQuestions) {
        VersionRef v = BankVersions.version(r.versionId);
        boolean mine = r.expertId.equals(me.id());
        if (!mine && !me.has(Role.HEAD_OF_DEPARTMENT) && !me.has(Role.SYSTEM_ADMIN) && !v.isCompiler(me.id())) {
            throw Problem.forbidden("This review is not yours");
        }
        List<BankViews.QuestionView> questions = withQuestions
                ? BankVersions.questions(v.id()) : List.of();
        Map<UUID, String> comments = new HashMap<>();
        for (ReviewComment c : ReviewComment.<ReviewComment>list("key.reviewId", r.id)) comments.put(c.key.questionId, c.comment);
        Person e = People.find(r.expertId).orElse(null);
        return new ReviewDetail(r.id, v.id(), v.bankId(), v.bankTitle(), v.number(), v.passport(), e == null ? "?" : e.fullName(), r.state.name(),
                r.academicYear, r.conformityOk, r.difficultyOk, r.wordingOk, r.overallComment, r.conclusion == null ? null : r.conclusion.name(),
                r.forComputer, r.forWritten, r.validFrom, r.validUntil, questions, comments, mine);
    }

    private ExpertReview openReviewOfMine(UUID id) {
        ExpertReview r = review(id);
        if (!r.expertId.equals(me.id())) throw Problem.forbidden("Only the assigned expert writes this review");
        r.requireOpen();
        return r;
    }

    @Transactional
    public void comment(UUID reviewId, UUID questionId, String comment) {
        ExpertReview r = openReviewOfMine(reviewId);
        QuestionRef q = BankVersions.question(questionId);
        if (!q.versionId().equals(r.versionId)) throw Problem.badRequest("WRONG_QUESTION", "That question is not in the reviewed version");
        ReviewComment c = ReviewComment.findById(new ReviewComment.Key(r.id, q.id()));
        if (comment == null || comment.isBlank()) {
            if (c != null) c.delete();
            return;
        }
        kz.adal.platform.Fields.check(new BankViews.CommentRequest(comment), BankViews.CommentRequest.class);   // at most 2000 characters
        if (c == null) {
            c = new ReviewComment();
            c.key = new ReviewComment.Key(r.id, q.id());
            c.comment = comment.strip();
            c.persist();
        } else {
            c.comment = comment.strip();
        }
        audit.record(Change.of("bank.review-comment", "expert-review", r.id).detail(Map.of("question", q.position())));
    }

    /** The signed conclusion (001 §5.25–5.26): the three criteria, fit / not fit, for computer and/or written testing. */
    @Transactional
    public ReviewDetail conclude(UUID reviewId, ConclusionRequest request) {
        ExpertReview r = openReviewOfMine(reviewId);
        ConclusionRequest c = kz.adal.platform.Fields.check(request, ConclusionRequest.class);   // every criterion answered, 001 §5.25
        boolean computer = Boolean.TRUE.equals(c.forComputer());
        boolean written = Boolean.TRUE.equals(c.forWritten());
        if (c.conclusion() == Conclusion.FIT) {
            if (!computer && !written) throw Problem.badRequest("USE_REQUIRED", "A positive conclusion says whether the bank is fit for computer or written testing (001 §5.26)");
            if (!(c.conformityOk() && c.difficultyOk() && c.wordingOk())) {
                throw Problem.badRequest("CRITERIA_FAILED", "A bank that fails a criterion can't be concluded fit");
            }
        }
        AcademicYear year = AcademicYear.parse(r.academicYear);
        LocalDate today = time.today();
        r.conclude(c.conformityOk(), c.difficultyOk(), c.wordingOk(), c.overallComment().strip(), c.conclusion(), computer, written,
                today.isBefore(year.firstDay()) ? year.firstDay() : today, year.lastDay(), time.now());
        VersionRef v = BankVersions.version(r.versionId);
        audit.record(Change.of("bank.review-concluded", "expert-review", r.id).scope(v.bankId())
                .detail(Map.of("conclusion", r.conclusion.name(), "computer", r.forComputer, "written", r.forWritten, "validUntil", r.validUntil.toString())));
        return detail(r.id);
    }

    // ------------------------------------------------------------------ the conclusion as a document (001 §5.27)

    @Transactional
    public byte[] conclusionPdf(UUID reviewId, String lang) {
        ReviewDetail d = detail(reviewId);
        ExpertReview r = review(reviewId);
        if (r.state != ExpertReview.State.CONCLUDED) throw Problem.conflict("NOT_CONCLUDED", "The review has no conclusion yet");
        return bankDocuments.conclusion(d, lang);
    }
}
