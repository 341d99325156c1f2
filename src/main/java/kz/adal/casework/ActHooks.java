package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.casework.commission.CommissionVoting;
import kz.adal.oral.AnswerLinkLost;
import kz.adal.oral.TechnicalFailureRecorded;
import kz.adal.oral.TurnStage;
import kz.adal.platform.TimeSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What others ask of acts or tell them: acts drafted on the oral feature's events, in the transaction that raised
 * them (the answer paused because the link was lost, and a technical failure the secretary recorded: then the "I"
 * is kept until the resit), and whether an exam's commission is voting (it can't change meanwhile).
 */
@ApplicationScoped
class ActHooks implements CommissionVoting {

    private final AuditTrail audit;
    private final TimeSource time;
    private final Acts acts;

    ActHooks(AuditTrail audit, TimeSource time, Acts acts) {
        this.audit = audit;
        this.time = time;
        this.acts = acts;
    }

    /** A signed, undecided act of the exam is being voted on by its commission. */
    @Override
    public boolean votingOn(UUID examId) {
        return Act.count("examId = ?1 and state = ?2", examId, Act.State.SIGNED) > 0;
    }

    /**
     * The student's audio/video stopped reaching the commission during the answer long enough for the answer to
     * be paused (issue 14): the act is drafted with the measured outage, for the secretary to complete and sign.
     * No "I" yet: the commission may resume the answer once the link is back.
     */
    void onOralLinkLost(@Observes AnswerLinkLost f) {
        if (Act.count("turnId = ?1 and state = ?2", f.turnId(), Act.State.DRAFT) > 0) return;
        Act act = Act.draft(Act.Kind.ORAL, f.studentId(), f.secretaryId(), time.now());
        act.sittingId = f.sittingId();
        act.scopeId = f.sittingId();
        act.turnId = f.turnId();
        ActDraft.Result r = new ActDraft.Result(
                List.of(new ActDraft.Interval(f.lostAt(), f.pausedAt(), true, ActDraft.ORAL_LINK + f.notReaching())),
                List.of(), List.of(), List.of(),
                List.of(new ActDraft.Note(f.pausedAt(), ActDraft.ANSWER_PAUSED + (f.ticketNumber() == null ? "" : " (ticket " + f.ticketNumber() + ")"))),
                f.outageSeconds());
        act.evidence = acts.toJson(r);
        act.lostSeconds = f.outageSeconds();
        act.whatHappened = acts.drafted(act, r);
        act.persist();
        audit.record(Change.of("act.drafted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("turn", f.turnId().toString(), "stage", TurnStage.ANSWER_PAUSED.name(), "lostSeconds", f.outageSeconds())), null, "system");
    }

    /** The oral service recorded a technical failure: the act is drafted in the same transaction, and the "I" kept. */
    void onOralFailure(@Observes TechnicalFailureRecorded f) {
        Act paused = Act.find("turnId = ?1 and state = ?2", f.turnId(), Act.State.DRAFT).firstResult();
        if (paused != null) {
            // the act drafted when the answer was paused: the secretary's note completes it, the "I" is kept
            paused.whatHappened = paused.whatHappened + "\n" + f.note();
            incomplete(f, paused);
            audit.record(Change.of("act.edited", "act", paused.id).scope(paused.scopeId)
                    .detail(Map.of("turn", f.turnId().toString(), "technicalFailure", f.note())));
            return;
        }
        Act act = Act.draft(Act.Kind.ORAL, f.studentId(), f.secretaryId(), time.now());
        act.sittingId = f.sittingId();
        act.scopeId = f.sittingId();
        act.turnId = f.turnId();
        ActDraft.Result r = new ActDraft.Result(List.of(), List.of(), List.of(), List.of(),
                List.of(new ActDraft.Note(f.at(), ActDraft.AT_STAGE + f.stageBefore() + (f.ticketNumber() == null ? "" : ", ticket " + f.ticketNumber())
                        + ": " + f.note())), 0);
        act.evidence = acts.toJson(r);
        act.lostSeconds = 0;
        act.whatHappened = f.note();
        act.persist();
        incomplete(f, act);
        audit.record(Change.of("act.drafted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("turn", f.turnId().toString(), "stage", f.stageBefore(), "incompleteDue", f.incompleteDue().toString())));
    }

    private void incomplete(TechnicalFailureRecorded f, Act act) {
        Incomplete i = new Incomplete();
        i.id = UUID.randomUUID();
        i.turnId = f.turnId();
        i.actId = act.id;
        i.studentId = f.studentId();
        i.scopeId = f.sittingId();
        i.awardedOn = LocalDate.ofInstant(f.at(), TimeSource.ZONE);
        i.dueOn = f.incompleteDue();
        i.grade = "I";
        i.changedAt = time.now();
        i.persist();
    }
}
