package kz.adal.bank;

import kz.adal.bank.format.BankExportException;
import kz.adal.bank.format.BankFormat;
import kz.adal.bank.format.ImageSniffer;
import kz.adal.bank.format.ImportOptions;
import kz.adal.bank.format.ImportPreview;
import kz.adal.bank.format.ImportProblem;
import kz.adal.bank.format.QuestionExporter;
import kz.adal.bank.format.QuestionImporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
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
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Fields;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Banks, their versions and questions: who may see and edit them (compilers edit drafts; the
 * head of department approves; assigned experts review), validation before approval, imports.
 */
@ApplicationScoped
public class BankService {
    static final long MAX_MATERIAL_BYTES = 5 * 1024 * 1024;

    private final CurrentUser me;
    private final AuditTrail audit;
    private final TimeSource time;
    private final BankValidator validator = BankValidator.standard();
    private final jakarta.enterprise.event.Event<BankVersionSubmitted> submitted;

    BankService(CurrentUser me, AuditTrail audit, TimeSource time, jakarta.enterprise.event.Event<BankVersionSubmitted> submitted) {
        this.submitted = submitted;
        this.me = me;
        this.audit = audit;
        this.time = time;
    }

    // ------------------------------------------------------------------ access

    boolean canSeeAllBanks() {
        return me.has(Role.HEAD_OF_DEPARTMENT) || me.has(Role.SYSTEM_ADMIN) || me.has(Role.TEACHER);
    }

    /** Question content (with answers) is for compilers, the head, admins and the version's assigned experts. */
    void requireContentAccess(Bank b, BankVersion v) {
        UUID uid = me.id();
        if (b.isCompiler(uid) || me.has(Role.HEAD_OF_DEPARTMENT) || me.has(Role.SYSTEM_ADMIN)) return;
        if (v != null && ExpertReview.count("versionId = ?1 and expertId = ?2", v.id, uid) > 0) return;
        throw Problem.forbidden("Only the bank's compilers, the head of department and its assigned expert see its questions");
    }

    void requireCompiler(Bank b) {
        if (!b.isCompiler(me.id())) throw Problem.forbidden("Only the bank's compilers edit it");
    }

    Bank bank(UUID id) {
        Bank b = Bank.findById(id);
        if (b == null) throw Problem.notFound("Bank");
        return b;
    }

    BankVersion version(UUID id) {
        BankVersion v = BankVersion.findById(id);
        if (v == null) throw Problem.notFound("Bank version");
        return v;
    }

    // ------------------------------------------------------------------ banks

    @Transactional
    public List<BankSummary> list() {
        UUID uid = me.id();
        List<Bank> banks;
        if (canSeeAllBanks()) {
            banks = Bank.listAll();
        } else if (me.has(Role.BANK_EXPERT) || me.has(Role.BANK_AUTHOR)) {
            Set<UUID> reviewed = new HashSet<>();
            for (ExpertReview r : ExpertReview.<ExpertReview>list("expertId", uid)) reviewed.add(version(r.versionId).bankId);
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
                && ExpertReview.<ExpertReview>list("versionId", v.id).stream().anyMatch(r -> r.allowsComputerTestingOn(time.today())));
        DepartmentSubmission sent = latest.state == BankVersionState.DRAFT ? DepartmentSubmission.findById(latest.id) : null;
        return new BankSummary(b.id, b.title, latest.discipline, latest.language, people(b.compilers), latest.number, latest.state.name(), usable,
                sent == null ? null : sent.submittedAt);
    }

    @Transactional
    public BankDetail detail(UUID bankId) {
        Bank b = bank(bankId);
        if (!canSeeAllBanks() && !b.isCompiler(me.id())
                && ExpertReview.count("expertId = ?1 and versionId in (select v.id from BankVersion v where v.bankId = ?2)", me.id(), b.id) == 0) {
            throw Problem.forbidden("This bank is not yours");
        }
        List<BankVersion> versions = BankVersion.list("bankId = ?1 order by number desc", b.id);
        List<VersionSummary> vs = versions.stream().map(v -> new VersionSummary(v.number, v.id, v.state.name(),
                (int) Question.count("versionId", v.id), v.createdAt, v.frozenAt, approval(v.id), reviews(v.id))).toList();
        return new BankDetail(b.id, b.title, people(b.compilers), b.typicalDecision, vs, b.isCompiler(me.id()), me.has(Role.HEAD_OF_DEPARTMENT));
    }

    @Transactional
    public BankDetail create(BankViews.CreateBankRequest request) {
        BankViews.CreateBankRequest r = Fields.check(request, BankViews.CreateBankRequest.class);   // a title and the passport, 001 §5.22
        Bank b = new Bank();
        b.title = r.title().strip();
        b.createdBy = me.id();
        b.createdAt = time.now();
        b.compilers = new HashSet<>(Set.of(me.id()));
        b.persist();
        BankVersion v = new BankVersion();
        v.bankId = b.id;
        v.number = 1;
        applyPassport(v, new Passport(r.discipline(), r.programme(), r.language(), r.referenceMaterials()));
        v.createdAt = time.now();
        v.persist();
        audit.record(Change.of("bank.created", "bank", b.id).scope(b.id).after(r));
        return detail(b.id);
    }

    @Transactional
    public BankDetail setCompilers(UUID bankId, List<UUID> compilerIds) {
        Bank b = bank(bankId);
        requireCompiler(b);
        Fields.check(new BankViews.CompilersRequest(compilerIds), BankViews.CompilersRequest.class);
        for (UUID id : compilerIds) {
            Person u = People.find(id).orElse(null);
            if (u == null) throw Problem.badRequest("UNKNOWN_USER", "No user " + id);
            if (!u.has(Role.BANK_AUTHOR)) throw Problem.badRequest("NOT_AN_AUTHOR", u.fullName() + " is not a bank author");
        }
        Set<UUID> before = Set.copyOf(b.compilers);
        b.compilers.clear();
        b.compilers.addAll(compilerIds);
        audit.record(Change.of("bank.compilers", "bank", b.id).scope(b.id).detail(Map.of("from", before.toString(), "to", compilerIds.toString())));
        return detail(b.id);
    }

    // ------------------------------------------------------------------ versions

    @Transactional
    public VersionDetail versionDetail(UUID versionId) {
        BankVersion v = version(versionId);
        Bank b = bank(v.bankId);
        requireContentAccess(b, v);
        List<Question> qs = Question.list("versionId = ?1 order by position", v.id);
        List<QuestionView> questions = qs.stream().map(BankService::view).toList();
        BankValidationReport report = validator.validate(qs.stream().map(Question::toDraft).toList());
        List<MaterialView> materials = BankMaterial.<BankMaterial>list("versionId", v.id).stream()
                .map(m -> new MaterialView(m.id, m.fileName, m.contentType)).toList();
        return new VersionDetail(v.id, b.id, b.title, v.number, v.state.name(), passport(v), people(b.compilers), materials, questions,
                report, approval(v.id), reviews(v.id), !v.state.isFrozen(), b.isCompiler(me.id()), me.has(Role.HEAD_OF_DEPARTMENT),
                submission(v.id));
    }

    static BankViews.SubmissionView submission(UUID versionId) {
        DepartmentSubmission s = DepartmentSubmission.findById(versionId);
        if (s == null) return null;
        Person u = People.find(s.submittedBy).orElse(null);
        return new BankViews.SubmissionView(s.submittedAt, u == null ? "?" : u.fullName(), s.note);
    }

    /**
     * The author sends a draft to the department meeting (001 §5.19): only a version that passes validation
     * (at least 100 questions, five options each, 001 §7.6) goes; the heads of department are told. Sending again
     * after more edits records the new moment.
     */
    @Transactional
    public VersionDetail submitToDepartment(UUID versionId, BankViews.SubmitRequest r) {
        BankVersion v = version(versionId);
        Bank b = bank(v.bankId);
        requireCompiler(b);
        v.requireDraft();
        List<QuestionDraft> drafts = drafts(v.id);
        BankValidationReport report = validator.validate(drafts);
        if (!report.passes()) {
            throw Problem.unprocessable("BANK_INVALID", "Fix the validation problems before sending the version to the department", report.issues());
        }
        DepartmentSubmission s = DepartmentSubmission.findById(v.id);
        if (s == null) {
            s = new DepartmentSubmission();
            s.versionId = v.id;
        }
        s.submittedBy = me.id();
        s.submittedAt = time.now();
        s.note = r == null || blank(r.note()) ? null : r.note().strip();
        s.persist();
        audit.record(Change.of("bank.sent-to-department", "bank-version", v.id).scope(v.bankId)
                .detail(Map.of("questions", drafts.size(), "note", s.note == null ? "" : s.note)));
        Person author = People.find(me.id()).orElse(null);
        submitted.fire(new BankVersionSubmitted(v.id, b.id, b.title, v.number, drafts.size(), author == null ? "" : author.fullName(), s.note));
        return versionDetail(v.id);
    }

    @Transactional
    public BankValidationReport validation(UUID versionId) {
        BankVersion v = version(versionId);
        requireContentAccess(bank(v.bankId), v);
        return validator.validate(drafts(v.id));
    }

    List<QuestionDraft> drafts(UUID versionId) {
        return Question.<Question>list("versionId = ?1 order by position", versionId).stream().map(Question::toDraft).toList();
    }

    @Transactional
    public VersionDetail updatePassport(UUID versionId, Passport p) {
        BankVersion v = version(versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        Passport before = passport(v);
        applyPassport(v, p);
        audit.record(Change.of("bank.passport", "bank-version", v.id).scope(v.bankId).before(before).after(p));
        return versionDetail(v.id);
    }

    private static void applyPassport(BankVersion v, Passport passport) {
        Passport p = Fields.check(passport, Passport.class);   // discipline, programme and language, 001 §5.22
        v.discipline = p.discipline().strip();
        v.programme = p.programme().strip();
        v.language = p.language();
        v.referenceMaterials = blank(p.referenceMaterials()) ? null : p.referenceMaterials().strip();
    }

    /** Edits after approval go into a new draft that starts as a copy of the given version. */
    @Transactional
    public VersionDetail newVersion(UUID fromVersionId) {
        BankVersion from = version(fromVersionId);
        Bank b = bank(from.bankId);
        requireCompiler(b);
        if (BankVersion.count("bankId = ?1 and state = ?2", b.id, BankVersionState.DRAFT) > 0) {
            throw Problem.conflict("DRAFT_EXISTS", "This bank already has a draft version; edit that one");
        }
        int next = BankVersion.<BankVersion>list("bankId = ?1 order by number desc", b.id).get(0).number + 1;
        BankVersion v = new BankVersion();
        v.bankId = b.id;
        v.number = next;
        applyPassport(v, passport(from));
        v.createdAt = time.now();
        v.persist();
        for (Question q : Question.<Question>list("versionId = ?1 order by position", from.id)) {
            Question c = new Question();
            c.versionId = v.id;
            c.position = q.position;
            c.fill(q.toDraft());
            c.image = q.image;
            c.imageType = q.imageType;
            c.typical = q.typical;
            c.persist();
        }
        for (BankMaterial m : BankMaterial.<BankMaterial>list("versionId", from.id)) {
            BankMaterial c = new BankMaterial();
            c.versionId = v.id;
            c.fileName = m.fileName;
            c.contentType = m.contentType;
            c.content = m.content;
            c.uploadedAt = m.uploadedAt;
            c.persist();
        }
        audit.record(Change.of("bank.version-created", "bank-version", v.id).scope(b.id).detail(Map.of("from", from.number, "number", next)));
        return versionDetail(v.id);
    }

    // ------------------------------------------------------------------ questions

    @Transactional
    public QuestionView addQuestion(UUID versionId, BankViews.QuestionRequest r) {
        BankVersion v = version(versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        QuestionDraft d = checkedDraft(r);
        requireUniqueStem(v.id, d.stem(), null);
        Question q = new Question();
        q.versionId = v.id;
        Integer max = Question.find("select max(q.position) from Question q where q.versionId = ?1", v.id).project(Integer.class).firstResult();
        q.position = (max == null ? 0 : max) + 1;
        q.fill(d);
        q.persist();
        audit.record(Change.of("bank.question-added", "question", q.id).scope(v.bankId).after(d));
        return view(q);
    }

    @Transactional
    public QuestionView updateQuestion(UUID questionId, BankViews.QuestionRequest r) {
        Question q = question(questionId);
        BankVersion v = version(q.versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        QuestionDraft d = checkedDraft(r);
        requireUniqueStem(v.id, d.stem(), q.id);
        QuestionDraft before = q.toDraft();
        q.fill(d);
        audit.record(Change.of("bank.question-edited", "question", q.id).scope(v.bankId).before(before).after(d));
        return view(q);
    }

    @Transactional
    public void deleteQuestion(UUID questionId) {
        Question q = question(questionId);
        BankVersion v = version(q.versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        audit.record(Change.of("bank.question-deleted", "question", q.id).scope(v.bankId).before(q.toDraft()));
        q.delete();
    }

    @Transactional
    public void setImage(UUID questionId, byte[] bytes, String contentType) {
        Question q = question(questionId);
        BankVersion v = version(q.versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        if (bytes == null || bytes.length == 0) {
            q.image = null;
            q.imageType = null;
        } else {
            if (bytes.length > ImageSniffer.MAX_IMAGE_BYTES) throw Problem.badRequest("IMAGE_TOO_LARGE", "An image may be at most 2 MB");
            String type = ImageSniffer.type(bytes);
            if (type == null) throw Problem.badRequest("NOT_AN_IMAGE", "Upload a PNG, JPEG, GIF or WebP image");
            q.image = bytes;
            q.imageType = type;
        }
        audit.record(Change.of("bank.question-image", "question", q.id).scope(v.bankId).after(Map.of("bytes", bytes == null ? 0 : bytes.length)));
    }

    Question question(UUID id) {
        Question q = Question.findById(id);
        if (q == null) throw Problem.notFound("Question");
        return q;
    }

    @Transactional
    public BankCatalog.QuestionImage image(UUID questionId) {
        Question q = question(questionId);
        BankVersion v = version(q.versionId);
        requireContentAccess(bank(v.bankId), v);
        if (q.image == null) throw Problem.notFound("Image");
        return new BankCatalog.QuestionImage(q.image, q.imageType);
    }

    /** The request's fields (a stem, a difficulty, five options with text), then the rules across its options. */
    private static QuestionDraft checkedDraft(BankViews.QuestionRequest request) {
        BankViews.QuestionRequest r = Fields.check(request, BankViews.QuestionRequest.class);
        List<OptionView> opts = r.options();
        if (opts.stream().noneMatch(OptionView::correct)) throw Problem.badRequest("NO_CORRECT_ANSWER", "Mark at least one correct option (001 §7.6)");
        Set<String> seen = new HashSet<>();
        for (OptionView o : opts) {
            if (!seen.add(normal(o.text()))) throw Problem.badRequest("DUPLICATE_OPTION", "Two options say the same: «" + o.text().strip() + "»");
        }
        return new QuestionDraft(r.stem(), opts.stream().map(o -> new OptionDraft(o.text(), o.correct())).toList(), r.difficulty(),
                r.topic(), 0);
    }

    private static void requireUniqueStem(UUID versionId, String stem, UUID except) {
        String n = normal(stem);
        for (Question q : Question.<Question>list("versionId", versionId)) {
            if (!q.id.equals(except) && normal(q.stem).equals(n)) {
                throw Problem.conflict("DUPLICATE_STEM", "Question " + q.position + " already has this stem");
            }
        }
    }

    static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ typical tasks

    /** Which questions are typical tasks open for practice, with the department's decision (001 §5.23.2). */
    @Transactional
    public VersionDetail setTypical(UUID versionId, BankViews.TypicalRequest request) {
        BankVersion v = version(versionId);
        Bank b = bank(v.bankId);
        if (!b.isCompiler(me.id()) && !me.has(Role.HEAD_OF_DEPARTMENT)) throw Problem.forbidden("Compilers or the head of department set typical tasks");
        BankViews.TypicalRequest r = Fields.check(request, BankViews.TypicalRequest.class);   // the department's decision, 001 §5.23.2
        Set<UUID> ids = r.questionIds() == null ? Set.of() : Set.copyOf(r.questionIds());
        for (Question q : Question.<Question>list("versionId", v.id)) q.typical = ids.contains(q.id);
        b.typicalDecision = r.decision().strip();
        audit.record(Change.of("bank.typical", "bank-version", v.id).scope(b.id).detail(Map.of("count", ids.size(), "decision", b.typicalDecision)));
        return versionDetail(v.id);
    }

    // ------------------------------------------------------------------ materials

    @Transactional
    public MaterialView addMaterial(UUID versionId, String fileName, String contentType, byte[] bytes) {
        BankVersion v = version(versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        if (bytes == null || bytes.length == 0) throw Problem.badRequest("EMPTY_FILE", "The file is empty");
        if (bytes.length > MAX_MATERIAL_BYTES) throw Problem.badRequest("FILE_TOO_LARGE", "A reference material may be at most 5 MB");
        String name = fileName == null || fileName.isBlank() ? "material" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String type = ImageSniffer.type(bytes);
        if (type == null && isPdf(bytes)) type = "application/pdf";
        if (type == null) throw Problem.badRequest("UNSUPPORTED_FILE", "Reference materials are PDF or images (PNG, JPEG, GIF, WebP)");
        BankMaterial m = new BankMaterial();
        m.versionId = v.id;
        m.fileName = name.length() > 200 ? name.substring(0, 200) : name;
        m.contentType = type;
        m.content = bytes;
        m.uploadedAt = time.now();
        m.persist();
        audit.record(Change.of("bank.material-added", "bank-material", m.id).scope(v.bankId).detail(Map.of("file", m.fileName, "bytes", bytes.length)));
        return new MaterialView(m.id, m.fileName, m.contentType);
    }

    private static boolean isPdf(byte[] b) {
        return b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
    }

    @Transactional
    public BankCatalog.MaterialFile material(UUID materialId) {
        BankMaterial m = BankMaterial.findById(materialId);
        if (m == null) throw Problem.notFound("Material");
        BankVersion v = version(m.versionId);
        requireContentAccess(bank(v.bankId), v);
        return BankCatalog.MaterialFile.of(m);
    }

    @Transactional
    public void deleteMaterial(UUID materialId) {
        BankMaterial m = BankMaterial.findById(materialId);
        if (m == null) throw Problem.notFound("Material");
        BankVersion v = version(m.versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        audit.record(Change.of("bank.material-deleted", "bank-material", m.id).scope(v.bankId).detail(Map.of("file", m.fileName)));
        m.delete();
    }

    // ------------------------------------------------------------------ import / export

    /** Parses without writing anything, so the author sees every problem before applying. */
    @Transactional
    public ImportPreview preview(UUID versionId, InputStream content, BankFormat format, ImportOptions options) {
        BankVersion v = version(versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        return new QuestionImporter().parse(content, format, options);
    }

    /**
     * Applies an import in one transaction: everything or nothing. With problems in the file it
     * is refused unless {@code skipInvalid} — then exactly the valid items the preview showed go in.
     */
    @Transactional
    public BankViews.ImportResult applyImport(UUID versionId, byte[] content, BankFormat format, ImportOptions options, boolean skipInvalid) {
        BankVersion v = version(versionId);
        requireCompiler(bank(v.bankId));
        v.requireEditable();
        ImportPreview p;
        try (InputStream in = new ByteArrayInputStream(content == null ? new byte[0] : content)) {
            p = new QuestionImporter().parse(in, format, options);
        } catch (IOException e) {
            throw Problem.badRequest("UNREADABLE", "The file could not be read");
        }
        if (p.questions().isEmpty()) {
            throw Problem.unprocessable("NOTHING_TO_IMPORT", "The file has no question that can be imported", p.problems());
        }
        if (!p.clean() && !skipInvalid) {
            throw Problem.unprocessable("IMPORT_HAS_PROBLEMS", p.problems().size() + " problem(s) in the file; nothing was imported. Fix them, or import only the valid questions", p.problems());
        }
        Map<String, Integer> existing = new java.util.HashMap<>();
        for (Question q : Question.<Question>list("versionId", v.id)) existing.put(normal(q.stem), q.position);
        Integer max = Question.find("select max(q.position) from Question q where q.versionId = ?1", v.id).project(Integer.class).firstResult();
        int position = max == null ? 0 : max;
        List<ImportProblem> duplicates = new java.util.ArrayList<>();
        int n = 0;
        for (QuestionDraft d : p.questions()) {
            Integer dup = existing.putIfAbsent(normal(d.stem()), -1);
            if (dup != null) {
                duplicates.add(new ImportProblem(d.line(), n + 1, "DUPLICATE_STEM",
                        dup > 0 ? "the bank already has this stem (question " + dup + ")" : "this stem appears twice in the file"));
                continue;
            }
            Question q = new Question();
            q.versionId = v.id;
            q.position = ++position;
            q.fill(d);
            q.persist();
            n++;
        }
        if (!duplicates.isEmpty() && !skipInvalid) {
            // nothing is written: the transaction rolls back with this refusal
            throw Problem.unprocessable("IMPORT_HAS_PROBLEMS", duplicates.size() + " duplicate stem(s); nothing was imported", duplicates);
        }
        int skipped = p.problems().size() + duplicates.size();
        audit.record(Change.of("bank.imported", "bank-version", v.id).scope(v.bankId)
                .detail(Map.of("format", format.name(), "imported", n, "skipped", skipped)));
        return new BankViews.ImportResult(n, skipped);
    }

    @Transactional
    public byte[] export(UUID versionId, BankFormat format) {
        BankVersion v = version(versionId);
        requireContentAccess(bank(v.bankId), v);
        try {
            return new QuestionExporter().export(drafts(v.id), format);
        } catch (BankExportException e) {
            throw Problem.unprocessable("EXPORT_IMPOSSIBLE", e.getMessage(), List.of(Map.of("question", e.questionIndex() + 1, "code", e.code())));
        }
    }

    // ------------------------------------------------------------------ approval

    /** The department meeting's approval (001 §5.19) freezes the version; it must pass validation first. */
    @Transactional
    public VersionDetail approve(UUID versionId, BankViews.ApprovalRequest request) {
        if (!me.has(Role.HEAD_OF_DEPARTMENT)) throw Problem.forbidden("The head of department records the department's approval");
        BankVersion v = version(versionId);
        BankViews.ApprovalRequest r = Fields.check(request, BankViews.ApprovalRequest.class);   // date and minutes, 001 §5.19
        if (r.approvedOn().isAfter(time.today())) throw Problem.badRequest("APPROVAL_IN_FUTURE", "The meeting date can't be in the future");
        BankValidationReport report = validator.validate(drafts(v.id));
        if (!report.passes()) {
            throw Problem.unprocessable("BANK_INVALID", "The version fails validation and can't be approved or reviewed", report.issues());
        }
        v.requireDraft();
        DepartmentApproval a = new DepartmentApproval();
        a.versionId = v.id;
        a.approvedOn = r.approvedOn();
        a.minutesNumber = r.minutesNumber().strip();
        a.recordedBy = me.id();
        a.recordedAt = time.now();
        a.persist();
        v.approve(time.now());
        audit.record(Change.of("bank.approved", "bank-version", v.id).scope(v.bankId)
                .detail(Map.of("approvedOn", r.approvedOn().toString(), "minutes", a.minutesNumber)));
        return versionDetail(v.id);
    }

    // ------------------------------------------------------------------ helpers

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
        return ExpertReview.<ExpertReview>list("versionId = ?1 order by assignedAt", versionId).stream().map(r -> {
            Person e = People.find(r.expertId).orElse(null);
            return new ReviewSummary(r.id, e == null ? "?" : e.fullName(), r.state.name(), r.conclusion == null ? null : r.conclusion.name(),
                    r.forComputer, r.forWritten, r.academicYear, r.validUntil);
        }).toList();
    }

    static List<PersonRef> people(Set<UUID> ids) {
        return ids.stream().map(id -> {
            Person u = People.find(id).orElse(null);
            return new PersonRef(id, u == null ? "?" : u.fullName());
        }).sorted(Comparator.comparing(PersonRef::fullName)).toList();
    }

    static boolean blank(String s) { return s == null || s.isBlank(); }
}
