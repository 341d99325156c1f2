package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.OfficialDocuments.Wording;
import kz.adal.review.AttemptReportSection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The attempt's technical-failure acts in the per-attempt PDF report: evidence, signature, votes, decision. */
@ApplicationScoped
public class ActReportSection implements AttemptReportSection {

    private final Acts acts;

    ActReportSection(Acts acts) {
        this.acts = acts;
    }

    @Override
    @Transactional
    public List<Section> sectionsFor(UUID attemptId, Wording w) {
        List<Section> out = new ArrayList<>();
        for (Act a : Act.forAttempt(attemptId)) {
            List<Entry> e = new ArrayList<>();
            e.add(new Entry(a.draftedAt, w.t("act.section.drafted", name(a.draftedBy))));
            ActEvidenceText.lines(acts.parse(a.evidence), w).forEach(l -> e.add(new Entry(null, l)));
            if (a.whatHappened != null) e.add(new Entry(null, w.t("act.whatHappened") + ": " + a.whatHappened));
            if (a.effect != null) e.add(new Entry(null, w.t("act.effect") + ": " + a.effect));
            if (a.measures != null) e.add(new Entry(null, w.t("act.measures") + ": " + a.measures));
            if (a.signedAt != null) e.add(new Entry(a.signedAt, w.t("act.section.signed", name(a.signedBy))));
            for (ActVote v : ActVote.of(a.id)) {
                e.add(new Entry(v.castAt, w.t("act.section.vote", name(v.key.voterId), w.t("act.choice." + v.choice))
                        + (v.comment == null ? "" : " — " + v.comment)));
            }
            if (a.decidedAt != null) {
                e.add(new Entry(a.decidedAt, w.t("act.section.decision", name(a.decidedBy), w.t("act.choice." + a.decision))
                        + (a.creditedSeconds == null ? "" : ", " + w.t("act.credited", w.duration(a.creditedSeconds)))
                        + (a.decisionReason == null ? "" : " — " + a.decisionReason)));
            }
            out.add(new Section(w.t("act.section.title", w.t("act.state." + a.state.name())), e));
        }
        return out;
    }

    @Override
    public int order() {
        return 200;
    }

    private static String name(UUID id) {
        if (id == null) return "—";
        Person u = People.find(id).orElse(null);
        return u == null ? "?" : u.fullName();
    }
}
