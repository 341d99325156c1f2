package kz.adal.bank;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.bank.BankViews.ReviewDetail;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The test bank's passport and the expert conclusion (001 §5.19, §5.26–5.27) as the department files
 * them: in the bank's language of instruction (or the one asked for), on the institution's letterhead.
 * Texts: documents bundle, {@code passport.*} and {@code conclusion.*}.
 */
@ApplicationScoped
public class BankDocuments {
    private final OfficialDocuments documents;
    private final TimeSource time;

    BankDocuments(OfficialDocuments documents, TimeSource time) {
        this.documents = documents;
        this.time = time;
    }

    byte[] passport(Bank b, BankVersion v, List<Question> qs, BankViews.ApprovalView a, List<BankViews.ReviewSummary> reviews, String lang) {
        Wording w = documents.wording(v.language, lang);
        Map<Difficulty, Long> counts = new EnumMap<>(Difficulty.class);
        for (Question q : qs) counts.merge(q.difficulty, 1L, Long::sum);
        PdfDocument pdf = w.start("passport", b.title, time.today())
                .fields(List.of(
                        new String[]{w.t("passport.version"), w.t("passport.versionValue", String.valueOf(v.number), w.label(v.state))},
                        new String[]{w.t("passport.discipline"), v.discipline},
                        new String[]{w.t("passport.programme"), v.programme},
                        new String[]{w.t("passport.language"), w.t("language." + v.language)},
                        new String[]{w.t("passport.compilers"), String.join(", ", BankQueries.people(b.compilers).stream().map(BankViews.PersonRef::fullName).toList())},
                        new String[]{w.t("passport.materials"), v.referenceMaterials == null ? w.t("passport.noMaterials") : v.referenceMaterials},
                        new String[]{w.t("passport.questions"), w.t("passport.questionsValue", String.valueOf(qs.size()),
                                String.valueOf(counts.getOrDefault(Difficulty.EASY, 0L)), String.valueOf(counts.getOrDefault(Difficulty.MEDIUM, 0L)),
                                String.valueOf(counts.getOrDefault(Difficulty.HARD, 0L)))},
                        new String[]{w.t("passport.approval"), a == null ? w.t("passport.notApproved")
                                : w.t("passport.approvalValue", w.date(a.approvedOn()), a.minutesNumber())},
                        new String[]{w.t("passport.typical"), b.typicalDecision == null ? "—" : b.typicalDecision}));
        pdf.heading(w.t("passport.reviews"));
        List<List<String>> rows = reviews.stream().map(r -> List.of(r.expert(), r.academicYear(),
                r.conclusion() == null ? w.t("conclusion.state." + r.state()) : w.t("conclusion.value." + r.conclusion()),
                use(w, r.forComputer(), r.forWritten()), r.validUntil() == null ? "—" : w.date(r.validUntil()))).toList();
        pdf.table(List.of(w.t("passport.expert"), w.t("passport.year"), w.t("passport.conclusion"), w.t("passport.use"), w.t("passport.validUntil")), rows);
        return pdf.signatureLines(w.signatories("passport")).bytes();
    }

    public byte[] conclusion(ReviewDetail d, String lang) {
        Wording w = documents.wording(d.passport().language(), lang);
        PdfDocument pdf = w.start("conclusion", d.bankTitle(), time.today())
                .fields(List.of(
                        new String[]{w.t("passport.version"), String.valueOf(d.versionNumber())},
                        new String[]{w.t("passport.discipline"), d.passport().discipline()},
                        new String[]{w.t("passport.programme"), d.passport().programme()},
                        new String[]{w.t("passport.language"), w.t("language." + d.passport().language())},
                        new String[]{w.t("conclusion.expert"), d.expert()},
                        new String[]{w.t("passport.year"), d.academicYear()},
                        new String[]{w.t("conclusion.conformity"), w.yesNo(d.conformityOk())},
                        new String[]{w.t("conclusion.difficulty"), w.yesNo(d.difficultyOk())},
                        new String[]{w.t("conclusion.wording"), w.yesNo(d.wordingOk())},
                        new String[]{w.t("conclusion.conclusion"), "FIT".equals(d.conclusion())
                                ? w.t("conclusion.fitFor", use(w, d.forComputer(), d.forWritten())) : w.t("conclusion.value.NOT_FIT")},
                        new String[]{w.t("conclusion.valid"), w.date(d.validFrom()) + " — " + w.date(d.validUntil())},
                        new String[]{w.t("conclusion.comment"), d.overallComment()}));
        List<List<String>> rows = new ArrayList<>();
        for (BankViews.QuestionView q : d.questions()) {
            String c = d.comments().get(q.id());
            if (c != null) rows.add(List.of(String.valueOf(q.position()), q.stem().length() > 120 ? q.stem().substring(0, 117) + "…" : q.stem(), c));
        }
        if (!rows.isEmpty()) {
            pdf.heading(w.t("conclusion.perQuestion")).table(List.of(w.t("common.number"), w.t("conclusion.question"), w.t("conclusion.questionComment")),
                    rows, 0.5f, 3f, 3f);
        }
        return pdf.signatureLines(w.signatories("conclusion")).bytes();
    }

    private static String use(Wording w, Boolean computer, Boolean written) {
        List<String> u = new ArrayList<>();
        if (Boolean.TRUE.equals(computer)) u.add(w.t("conclusion.use.computer"));
        if (Boolean.TRUE.equals(written)) u.add(w.t("conclusion.use.written"));
        return u.isEmpty() ? "—" : String.join(", ", u);
    }
}
