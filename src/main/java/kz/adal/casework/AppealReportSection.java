package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.review.AttemptReportSection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The appeal against a test attempt, in the per-attempt PDF report: filing, hearing, decision, grade change. */
@ApplicationScoped
public class AppealReportSection implements AttemptReportSection {

    @Override
    @Transactional
    public List<Section> sectionsFor(UUID attemptId) {
        List<Section> out = new ArrayList<>();
        for (Appeal a : Appeal.<Appeal>list("attemptId = ?1 order by filedAt", attemptId)) {
            List<Entry> e = new ArrayList<>();
            e.add(new Entry(a.filedAt, "Appeal filed: " + a.reason + (a.attachmentName == null ? "" : " (attachment: " + a.attachmentName + ")")));
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

    @Override
    public int order() {
        return 300;
    }
}
