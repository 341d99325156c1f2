package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.AppUser;
import kz.adal.review.AttemptReportSection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The attempt's technical-failure acts in the per-attempt PDF report: evidence, signature, votes, decision. */
@ApplicationScoped
public class ActReportSection implements AttemptReportSection {

    private final ActService acts;

    ActReportSection(ActService acts) {
        this.acts = acts;
    }

    @Override
    @Transactional
    public List<Section> sectionsFor(UUID attemptId) {
        List<Section> out = new ArrayList<>();
        for (Act a : Act.forAttempt(attemptId)) {
            List<Entry> e = new ArrayList<>();
            e.add(new Entry(a.draftedAt, "Act drafted by " + name(a.draftedBy)));
            acts.parse(a.evidence).lines(kz.adal.platform.TimeSource.ZONE).forEach(l -> e.add(new Entry(null, l)));
            if (a.whatHappened != null) e.add(new Entry(null, "What happened: " + a.whatHappened));
            if (a.effect != null) e.add(new Entry(null, "Effect: " + a.effect));
            if (a.measures != null) e.add(new Entry(null, "Measures: " + a.measures));
            if (a.signedAt != null) e.add(new Entry(a.signedAt, "Signed by " + name(a.signedBy) + " and sent to every commission member"));
            for (ActVote v : ActVote.of(a.id)) {
                e.add(new Entry(v.castAt, "Vote of " + name(v.key.voterId) + ": " + v.choice + (v.comment == null ? "" : " — " + v.comment)));
            }
            if (a.decidedAt != null) {
                e.add(new Entry(a.decidedAt, "Decision of the chair " + name(a.decidedBy) + ": " + a.decision
                        + (a.creditedSeconds == null ? "" : ", " + a.creditedSeconds + " s credited")
                        + (a.decisionReason == null ? "" : " — " + a.decisionReason)));
            }
            out.add(new Section("Technical-failure act (" + a.state.name().toLowerCase() + ")", e));
        }
        return out;
    }

    @Override
    public int order() {
        return 200;
    }

    private static String name(UUID id) {
        if (id == null) return "—";
        AppUser u = AppUser.findById(id);
        return u == null ? "?" : u.fullName;
    }
}
