package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AnswerReceipts;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.review.AttemptReportSection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The appeal against a test attempt, in the per-attempt PDF report: filing, hearing, decision, grade change. */
@ApplicationScoped
public class AppealReportSection implements AttemptReportSection {
    private final AnswerReceipts receipts;

    AppealReportSection(AnswerReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    @Transactional
    public List<Section> sectionsFor(UUID attemptId, Wording w) {
        List<Section> out = new ArrayList<>();
        for (Appeal a : Appeal.<Appeal>list("attemptId = ?1 order by filedAt", attemptId)) {
            List<Entry> e = new ArrayList<>();
            e.add(new Entry(a.filedAt, w.t("appeal.section.filed", a.reason)
                    + (a.attachmentName == null ? "" : " (" + w.t("appeal.section.attachment", a.attachmentName) + ")")));
            if (a.receipt != null) e.add(new Entry(a.filedAt, receiptLine(receipts.check(attemptId, a.receipt), w)));
            if (a.hearingAt != null) e.add(new Entry(a.hearingAt, w.t("appeal.section.hearing") + (a.hearingLink == null ? "" : " (" + a.hearingLink + ")")));
            if (a.decidedAt != null) {
                e.add(new Entry(a.decidedAt, w.t("appeal.section.decision", w.t("appeal.decision." + a.decision.name()), a.decisionNote, a.signedByName,
                        w.t(a.signedAs == AppealSeat.DEPUTY_CHAIR ? "appeal.signedAsDeputy" : "appeal.signedAsChair"))));
            }
            AppealGradeChange g = AppealGradeChange.ofAppeal(a.id);
            if (g != null) {
                e.add(new Entry(g.changedAt, w.t("appeal.section.gradeChanged", g.beforeValue + " " + g.beforeLetter,
                        g.afterValue + " " + g.afterLetter, g.changedByName)));
            }
            out.add(new Section(w.t("appeal.section.title"), e));
        }
        return out;
    }

    /** What the commission needs to know about the receipt the student filed: genuine? do the stored answers match it? */
    static String receiptLine(AnswerReceipts.Check c, Wording w) {
        return switch (c.match()) {
            case MATCHES -> w.t("appeal.receipt.matches", w.at(c.issuedAt()), c.receiptSha256());
            case DIFFERS -> w.t("appeal.receipt.differs", w.at(c.issuedAt()), c.receiptSha256(), c.storedSha256());
            case OTHER_ATTEMPT -> w.t("appeal.receipt.otherAttempt");
            case NOT_GENUINE -> w.t("appeal.receipt.notGenuine");
        };
    }

    @Override
    public int order() {
        return 300;
    }
}
