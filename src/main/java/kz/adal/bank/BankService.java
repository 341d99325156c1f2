package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.BankViews.BankDetail;
import kz.adal.bank.BankViews.MaterialView;
import kz.adal.bank.BankViews.OptionView;
import kz.adal.bank.BankViews.Passport;
import kz.adal.bank.BankViews.QuestionView;
import kz.adal.bank.BankViews.VersionDetail;
import kz.adal.bank.format.ImageSniffer;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Fields;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The commands on banks, their versions and questions: creating a bank, its compilers and passport, a new
 * version from an approved one, questions and their images, typical tasks, reference materials. Each answers with
 * what {@link BankQueries} shows of the changed thing. Sending to the department and its approval are
 * {@link BankApprovals}; files in and out are {@link BankImports}; the expert review is {@code bank.review}.
 */
@ApplicationScoped
public class BankService {
    static final long MAX_MATERIAL_BYTES = 5 * 1024 * 1024;

    private final CurrentUser me;
    private final AuditTrail audit;
    private final TimeSource time;
    private final BankAccess access;
    private final BankQueries queries;

    BankService(CurrentUser me, AuditTrail audit, TimeSource time, BankAccess access, BankQueries queries) {
        this.me = me;
        this.audit = audit;
        this.time = time;
        this.access = access;
        this.queries = queries;
    }

    // ------------------------------------------------------------------ banks

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
        return queries.detail(b.id);
    }

    @Transactional
    public BankDetail setCompilers(UUID bankId, List<UUID> compilerIds) {
        Bank b = access.bank(bankId);
        access.requireCompiler(b);
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
        return queries.detail(b.id);
    }

    // ------------------------------------------------------------------ versions

    @Transactional
    public VersionDetail updatePassport(UUID versionId, Passport p) {
        BankVersion v = access.version(versionId);
        access.requireCompiler(access.bank(v.bankId));
        v.requireEditable();
        Passport before = BankQueries.passport(v);
        applyPassport(v, p);
        audit.record(Change.of("bank.passport", "bank-version", v.id).scope(v.bankId).before(before).after(p));
        return queries.versionDetail(v.id);
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
        BankVersion from = access.version(fromVersionId);
        Bank b = access.bank(from.bankId);
        access.requireCompiler(b);
        if (BankVersion.count("bankId = ?1 and state = ?2", b.id, BankVersionState.DRAFT) > 0) {
            throw Problem.conflict("DRAFT_EXISTS", "This bank already has a draft version; edit that one");
        }
        int next = BankVersion.<BankVersion>list("bankId = ?1 order by number desc", b.id).get(0).number + 1;
        BankVersion v = new BankVersion();
        v.bankId = b.id;
        v.number = next;
        applyPassport(v, BankQueries.passport(from));
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
        return queries.versionDetail(v.id);
    }

    // ------------------------------------------------------------------ questions

    @Transactional
    public QuestionView addQuestion(UUID versionId, BankViews.QuestionRequest r) {
        BankVersion v = access.version(versionId);
        access.requireCompiler(access.bank(v.bankId));
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
        return BankQueries.view(q);
    }

    @Transactional
    public QuestionView updateQuestion(UUID questionId, BankViews.QuestionRequest r) {
        Question q = access.question(questionId);
        BankVersion v = access.version(q.versionId);
        access.requireCompiler(access.bank(v.bankId));
        v.requireEditable();
        QuestionDraft d = checkedDraft(r);
        requireUniqueStem(v.id, d.stem(), q.id);
        QuestionDraft before = q.toDraft();
        q.fill(d);
        audit.record(Change.of("bank.question-edited", "question", q.id).scope(v.bankId).before(before).after(d));
        return BankQueries.view(q);
    }

    @Transactional
    public void deleteQuestion(UUID questionId) {
        Question q = access.question(questionId);
        BankVersion v = access.version(q.versionId);
        access.requireCompiler(access.bank(v.bankId));
        v.requireEditable();
        audit.record(Change.of("bank.question-deleted", "question", q.id).scope(v.bankId).before(q.toDraft()));
        q.delete();
    }

    @Transactional
    public void setImage(UUID questionId, byte[] bytes, String contentType) {
        Question q = access.question(questionId);
        BankVersion v = access.version(q.versionId);
        access.requireCompiler(access.bank(v.bankId));
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
        BankVersion v = access.version(versionId);
        Bank b = access.bank(v.bankId);
        if (!b.isCompiler(me.id()) && !me.has(Role.HEAD_OF_DEPARTMENT)) throw Problem.forbidden("Compilers or the head of department set typical tasks");
        BankViews.TypicalRequest r = Fields.check(request, BankViews.TypicalRequest.class);   // the department's decision, 001 §5.23.2
        Set<UUID> ids = r.questionIds() == null ? Set.of() : Set.copyOf(r.questionIds());
        for (Question q : Question.<Question>list("versionId", v.id)) q.typical = ids.contains(q.id);
        b.typicalDecision = r.decision().strip();
        audit.record(Change.of("bank.typical", "bank-version", v.id).scope(b.id).detail(Map.of("count", ids.size(), "decision", b.typicalDecision)));
        return queries.versionDetail(v.id);
    }

    // ------------------------------------------------------------------ materials

    @Transactional
    public MaterialView addMaterial(UUID versionId, String fileName, String contentType, byte[] bytes) {
        BankVersion v = access.version(versionId);
        access.requireCompiler(access.bank(v.bankId));
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
    public void deleteMaterial(UUID materialId) {
        BankMaterial m = BankMaterial.findById(materialId);
        if (m == null) throw Problem.notFound("Material");
        BankVersion v = access.version(m.versionId);
        access.requireCompiler(access.bank(v.bankId));
        v.requireEditable();
        audit.record(Change.of("bank.material-deleted", "bank-material", m.id).scope(v.bankId).detail(Map.of("file", m.fileName)));
        m.delete();
    }

    static boolean blank(String s) { return s == null || s.isBlank(); }
}
