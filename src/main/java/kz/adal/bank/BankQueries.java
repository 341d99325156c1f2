package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.bank.BankViews.ApprovalView;
import kz.adal.bank.BankViews.BankDetail;
import kz.adal.bank.BankViews.BankSummary;
import kz.adal.bank.BankViews.MaterialView;
import kz.adal.bank.BankViews.OptionView;
import kz.adal.bank.BankViews.Passport;
import kz.adal.bank.BankViews.PersonRef;
import kz.adal.bank.BankViews.QuestionView;
import kz.adal.bank.BankViews.ReviewSummary;
import kz.adal.bank.BankViews.VersionDetail;
import kz.adal.bank.BankViews.VersionSummary;
import kz.adal.bank.review.ExpertReviews;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the bank pages read: the banks a user may see, a bank with its versions, a version with its questions,
 * validation and approval, and a question's image or a material's file. Changes nothing; the views it builds are
 * shared with the commands, which answer with the changed thing.
 */
@ApplicationScoped
public class BankQueries {
    private final CurrentUser me;
    private final TimeSource time;
    private final BankAccess access;
    private final BankDocuments documents;
    private final BankValidator validator = BankValidator.standard();

    BankQueries(CurrentUser me, TimeSource time, BankAccess access, BankDocuments documents) {
        this.me = me;
        this.time = time;
        this.access = access;
        this.documents = documents;
    }

    @Transactional
    public List<BankSummary> list() {
        UUID uid = me.id();
        List<Bank> banks;
        if (access.canSeeAllBanks()) {
            banks = Bank.listAll();
        } else if (me.has(Role.BANK_EXPERT) || me.has(Role.BANK_AUTHOR)) {
            Set<UUID> reviewed = new HashSet<>();
            for (UUID versionId : ExpertReviews.versionsReviewedBy(uid)) reviewed.add(access.version(versionId).bankId);
            banks = Bank.<Bank>listAll().stream().filter(b -> b.isCompiler(uid) || reviewed.contains(b.id)).toList();
        } else {
            throw Problem.forbidden("Your role has no banks");
        }
        return banks.stream().sorted(Comparator.comparing(b -> b.title)).map(this::summary).toList();
    }

    private BankSummary summary(Bank b) {
        List<BankVersion> versions = BankVersion.list("bankId = ?1 order by number desc", b.id);
        BankVersion latest = versions.get(0);
        boolean usable = versions.stream().anyMatch(v -> v.state == BankVersionState.APPROVED
                && ExpertReviews.computerTestingValidUntil(v.id, time.today()).isPresent());
        DepartmentSubmission sent = latest.state == BankVersionState.DRAFT ? DepartmentSubmission.findById(latest.id) : null;
        return new BankSummary(b.id, b.title, latest.discipline, latest.language, people(b.compilers), latest.number, latest.state.name(), usable,
                sent == null ? null : sent.submittedAt);
    }

    @Transactional
    public BankDetail detail(UUID bankId) {
        Bank b = access.bank(bankId);
        if (!access.canSeeAllBanks() && !b.isCompiler(me.id())
                && !ExpertReviews.reviewsAnyOf(me.id(), BankVersion.<BankVersion>list("bankId", b.id).stream().map(v -> v.id).toList())) {
            throw Problem.forbidden("This bank is not yours");
        }
        List<BankVersion> versions = BankVersion.list("bankId = ?1 order by number desc", b.id);
        List<VersionSummary> vs = versions.stream().map(v -> new VersionSummary(v.number, v.id, v.state.name(),
                (int) Question.count("versionId", v.id), v.createdAt, v.frozenAt, approval(v.id), reviews(v.id))).toList();
        return new BankDetail(b.id, b.title, people(b.compilers), b.typicalDecision, vs, b.isCompiler(me.id()), me.has(Role.HEAD_OF_DEPARTMENT));
    }

    @Transactional
    public VersionDetail versionDetail(UUID versionId) {
        BankVersion v = access.version(versionId);
        Bank b = access.bank(v.bankId);
        access.requireContentAccess(b, v);
        List<Question> qs = Question.list("versionId = ?1 order by position", v.id);
        List<QuestionView> questions = qs.stream().map(BankQueries::view).toList();
        BankValidationReport report = validator.validate(qs.stream().map(Question::toDraft).toList());
        List<MaterialView> materials = BankMaterial.<BankMaterial>list("versionId", v.id).stream()
                .map(m -> new MaterialView(m.id, m.fileName, m.contentType)).toList();
        return new VersionDetail(v.id, b.id, b.title, v.number, v.state.name(), passport(v), people(b.compilers), materials, questions,
                report, approval(v.id), reviews(v.id), !v.state.isFrozen(), b.isCompiler(me.id()), me.has(Role.HEAD_OF_DEPARTMENT),
                submission(v.id));
    }

    @Transactional
    public BankValidationReport validation(UUID versionId) {
        BankVersion v = access.version(versionId);
        access.requireContentAccess(access.bank(v.bankId), v);
        return validator.validate(drafts(v.id));
    }

    @Transactional
    public BankCatalog.QuestionImage image(UUID questionId) {
        Question q = access.question(questionId);
        BankVersion v = access.version(q.versionId);
        access.requireContentAccess(access.bank(v.bankId), v);
        if (q.image == null) throw Problem.notFound("Image");
        return new BankCatalog.QuestionImage(q.image, q.imageType);
    }

    /** The version's passport as the department files it (001 §5.27), for whoever may see its questions. */
    @Transactional
    public byte[] passportPdf(UUID versionId, String lang) {
        BankVersion v = access.version(versionId);
        Bank b = access.bank(v.bankId);
        access.requireContentAccess(b, v);
        return documents.passport(b, v, Question.list("versionId", v.id), approval(v.id), reviews(v.id), lang);
    }

    @Transactional
    public BankCatalog.MaterialFile material(UUID materialId) {
        BankMaterial m = BankMaterial.findById(materialId);
        if (m == null) throw Problem.notFound("Material");
        BankVersion v = access.version(m.versionId);
        access.requireContentAccess(access.bank(v.bankId), v);
        return BankCatalog.MaterialFile.of(m);
    }

    // ------------------------------------------------------------------ views

    static List<QuestionDraft> drafts(UUID versionId) {
        return Question.<Question>list("versionId = ?1 order by position", versionId).stream().map(Question::toDraft).toList();
    }

    static BankViews.SubmissionView submission(UUID versionId) {
        DepartmentSubmission s = DepartmentSubmission.findById(versionId);
        if (s == null) return null;
        Person u = People.find(s.submittedBy).orElse(null);
        return new BankViews.SubmissionView(s.submittedAt, u == null ? "?" : u.fullName(), s.note);
    }

    static QuestionView view(Question q) {
        return new QuestionView(q.id, q.position, q.stem, q.image != null, q.difficulty, q.topic, q.typical,
                q.options.stream().map(o -> new OptionView(o.text, o.correct)).toList());
    }

    static Passport passport(BankVersion v) {
        return new Passport(v.discipline, v.programme, v.language, v.referenceMaterials);
    }

    static ApprovalView approval(UUID versionId) {
        DepartmentApproval a = DepartmentApproval.findById(versionId);
        if (a == null) return null;
        Person u = People.find(a.recordedBy).orElse(null);
        return new ApprovalView(a.approvedOn, a.minutesNumber, u == null ? "?" : u.fullName());
    }

    static List<ReviewSummary> reviews(UUID versionId) {
        return ExpertReviews.summaries(versionId);
    }

    static List<PersonRef> people(Set<UUID> ids) {
        return ids.stream().map(id -> {
            Person u = People.find(id).orElse(null);
            return new PersonRef(id, u == null ? "?" : u.fullName());
        }).sorted(Comparator.comparing(PersonRef::fullName)).toList();
    }
}
