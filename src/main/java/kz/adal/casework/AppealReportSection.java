package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AnswerReceipts;
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
    public List<Section> sectionsFor(UUID attemptId) {
        List<Section> out = new ArrayList<>();
        for (Appeal a : Appeal.<Appeal>list("attemptId = ?1 order by filedAt", attemptId)) {
            List<Entry> e = new ArrayList<>();
            e.add(new Entry(a.filedAt, "Appeal filed: " + a.reason + (a.attachmentName == null ? "" : " (attachment: " + a.attachmentName + ")")));
            if (a.receipt != null) e.add(new Entry(a.filedAt, receiptLine(receipts.check(attemptId, a.receipt))));
            if (a.hearingAt != null) e.add(new Entry(a.hearingAt, "Hearing of the appeal commission" + (a.hearingLink == null ? "" : " (" + a.hearingLink + ")")));
            if (a.decidedAt != null) {
                e.add(new Entry(a.decidedAt, "Decision: " + a.decision + " — " + a.decisionNote + "; signed by " + a.signedByName
                        + ("DEPUTY_CHAIR".equals(a.signedAs) ? " (deputy chair, the chair absent)" : " (chair)")));
            }
            AppealGradeChange g = AppealGradeChange.ofAppeal(a.id);
            if (g != null) {
                e.add(new Entry(g.changedAt, "Grade changed on appeal: " + g.beforeValue + " " + g.beforeLetter + " → "
                        + g.afterValue + " " + g.afterLetter + " by " + g.changedByName));
            }
            out.add(new Section("Appeal (001 §6.15.4–6.15.5)", e));
        }
        return out;
    }

    /** What the commission needs to know about the receipt the student filed: genuine? do the stored answers match it? */
    static String receiptLine(AnswerReceipts.Check c) {
        return switch (c.match()) {
            case MATCHES -> "Answer receipt filed by the student (issued " + time(c.issuedAt()) + ", answers SHA-256 " + c.receiptSha256()
                    + "): genuine, and the stored answers MATCH it";
            case DIFFERS -> "Answer receipt filed by the student (issued " + time(c.issuedAt()) + ", answers SHA-256 " + c.receiptSha256()
                    + "): genuine, but the stored answers DO NOT MATCH it (stored: " + c.storedSha256() + ")";
            case OTHER_ATTEMPT -> "Answer receipt filed by the student: genuine, but for another attempt";
            case NOT_GENUINE -> "Answer receipt filed by the student: NOT GENUINE (not signed by this server's receipt key)";
        };
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(kz.adal.platform.TimeSource.ZONE);

    private static String time(java.time.Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    @Override
    public int order() {
        return 300;
    }
}
