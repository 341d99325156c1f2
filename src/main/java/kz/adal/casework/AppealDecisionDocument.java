package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.attempt.AnswerReceipts;
import kz.adal.identity.People;
import kz.adal.platform.OfficialDocuments;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.platform.PdfDocument;
import kz.adal.platform.TimeSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The appeal commission's decision (001 §6.15.5) as the commission signs it and the student receives it: in
 * the language of the exam or sitting appealed, on the institution's letterhead, with the appeal, the
 * hearing, the decision and its reasons, the grade before and after, and a signature line for each member
 * of the commission. Texts: documents bundle, {@code appealDecision.*} (and {@code appeal.*} shared with
 * the attempt report). The student's reason and the commission's note are printed as they were written.
 */
@ApplicationScoped
public class AppealDecisionDocument {
    private final OfficialDocuments documents;
    private final ActDocument acts;
    private final TimeSource time;

    AppealDecisionDocument(OfficialDocuments documents, ActDocument acts, TimeSource time) {
        this.documents = documents;
        this.acts = acts;
        this.time = time;
    }

    byte[] pdf(Appeal a, AppealCommission c, String title, AnswerReceipts.Check receipt, String lang) {
        Wording w = documents.wording(acts.language(a.examId, a.sittingId), lang);
        PdfDocument p = w.start("appealDecision", title, time.today());
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{w.t("act.kind"), w.t("act.kind." + a.kind.name())});
        fields.add(new String[]{w.t("appealDecision.student"), name(a.studentId)});
        if (c != null && c.title != null && !c.title.isBlank()) fields.add(new String[]{w.t("appealDecision.commission"), c.title});
        fields.add(new String[]{w.t("appealDecision.examEnded"), w.at(a.examEndedAt)});
        fields.add(new String[]{w.t("appealDecision.filed"), w.at(a.filedAt)});
        fields.add(new String[]{w.t("appealDecision.hearing"), a.hearingAt == null ? "—" : w.at(a.hearingAt)});
        fields.add(new String[]{w.t("appealDecision.decided"), a.decidedAt == null ? "—"
                : w.t("common.atBy", w.at(a.decidedAt), a.signedByName + " (" + w.t(a.signedAs == AppealSeat.DEPUTY_CHAIR
                        ? "appeal.signedAsDeputy" : "appeal.signedAsChair") + ")")});
        p.fields(fields);

        p.heading(w.t("appealDecision.reason"));
        p.paragraph(a.reason);
        if (a.attachmentName != null) p.note(w.t("appeal.section.attachment", a.attachmentName));
        if (receipt != null) p.paragraph(AppealReportSection.receiptLine(receipt, w));

        p.heading(w.t("appealDecision.decision"));
        p.paragraph(a.decision == null ? w.t("appealDecision.notDecided") : capitalised(w.t("appeal.decision." + a.decision.name())));
        if (a.decisionNote != null && !a.decisionNote.isBlank()) {
            p.heading(w.t("appealDecision.grounds"));
            p.paragraph(a.decisionNote);
        }
        AppealGradeChange g = AppealGradeChange.ofAppeal(a.id);
        if (g != null) {
            p.heading(w.t("appealDecision.grade"));
            p.table(List.of(w.t("appealDecision.before"), w.t("appealDecision.after"), w.t("appealDecision.changedBy")),
                    List.of(List.of(grade(w, g.beforeValue, g.beforeLetter), grade(w, g.afterValue, g.afterLetter),
                            w.t("common.atBy", w.at(g.changedAt), g.changedByName))), 1f, 1f, 2f);
        } else if (a.decision == Appeal.Decision.REJECTED) {
            p.paragraph(w.t("appealDecision.gradeKept"));
        }
        p.signatureLines(signers(w, c));
        return p.bytes();
    }

    /** Chair, deputy and members, each with a line; without a commission, the institution's listed signatories. */
    private static List<String> signers(Wording w, AppealCommission c) {
        if (c == null) return w.signatories("appealDecision");
        List<String> out = new ArrayList<>();
        out.add(w.t("appealDecision.seat.CHAIR") + ": " + name(c.chairId));
        if (c.deputyId != null) out.add(w.t("appealDecision.seat.DEPUTY_CHAIR") + ": " + name(c.deputyId));
        c.members.stream().map(AppealDecisionDocument::name).sorted().forEach(n -> out.add(w.t("appealDecision.seat.MEMBER") + ": " + n));
        return out;
    }

    /** "72,00 C+" in kk and ru; an oral exam's points stay a whole number. */
    private static String grade(Wording w, String value, String letter) {
        String v = value;
        try {
            if (value != null) v = w.decimal(new BigDecimal(value));
        } catch (NumberFormatException e) {
            // a value that is not a number is printed as stored
        }
        return (v == null ? "—" : v) + (letter == null ? "" : " " + letter);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String name(UUID id) {
        if (id == null) return "—";
        return People.find(id).map(People.Person::fullName).orElse("—");
    }
}
