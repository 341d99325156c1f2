package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.format.BankExportException;
import kz.adal.bank.format.BankFormat;
import kz.adal.bank.format.ImportOptions;
import kz.adal.bank.format.ImportPreview;
import kz.adal.bank.format.ImportProblem;
import kz.adal.bank.format.QuestionExporter;
import kz.adal.bank.format.QuestionImporter;
import kz.adal.platform.Problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A version's questions from and to a file: the formats ({@code bank.format}) read and write question values;
 * this stores them as questions of a draft, or reads them out of any version the user may see.
 */
@ApplicationScoped
public class BankImports {
    private final AuditTrail audit;
    private final BankAccess access;

    BankImports(AuditTrail audit, BankAccess access) {
        this.audit = audit;
        this.access = access;
    }

    /** Parses without writing anything, so the author sees every problem before applying. */
    @Transactional
    public ImportPreview preview(UUID versionId, InputStream content, BankFormat format, ImportOptions options) {
        BankVersion v = access.version(versionId);
        access.requireCompiler(access.bank(v.bankId));
        v.requireEditable();
        return new QuestionImporter().parse(content, format, options);
    }

    /**
     * Applies an import in one transaction: everything or nothing. With problems in the file it
     * is refused unless {@code skipInvalid} — then exactly the valid items the preview showed go in.
     */
    @Transactional
    public BankViews.ImportResult applyImport(UUID versionId, byte[] content, BankFormat format, ImportOptions options, boolean skipInvalid) {
        BankVersion v = access.version(versionId);
        access.requireCompiler(access.bank(v.bankId));
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
        for (Question q : Question.<Question>list("versionId", v.id)) existing.put(BankService.normal(q.stem), q.position);
        Integer max = Question.find("select max(q.position) from Question q where q.versionId = ?1", v.id).project(Integer.class).firstResult();
        int position = max == null ? 0 : max;
        List<ImportProblem> duplicates = new java.util.ArrayList<>();
        int n = 0;
        for (QuestionDraft d : p.questions()) {
            Integer dup = existing.putIfAbsent(BankService.normal(d.stem()), -1);
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
        BankVersion v = access.version(versionId);
        access.requireContentAccess(access.bank(v.bankId), v);
        try {
            return new QuestionExporter().export(BankQueries.drafts(v.id), format);
        } catch (BankExportException e) {
            throw Problem.unprocessable("EXPORT_IMPOSSIBLE", e.getMessage(), List.of(Map.of("question", e.questionIndex() + 1, "code", e.code())));
        }
    }
}
