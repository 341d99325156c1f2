package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.grading.GradeChange;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.oral.OralCasework;
import kz.adal.oral.OralCatalog;
import kz.adal.oral.TurnStage;
import kz.adal.platform.Problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** An oral turn as the subject of acts and appeals (scope: its sitting). */
@ApplicationScoped
class OralTurnSubject implements GradedSubject {

    private final OralCatalog catalog;
    private final OralCasework casework;

    OralTurnSubject(OralCatalog catalog, OralCasework casework) {
        this.catalog = catalog;
        this.casework = casework;
    }

    @Override
    public String kind() {
        return "ORAL";
    }

    @Override
    public Optional<Scope> scope(UUID sittingId) {
        return catalog.sitting(sittingId).map(s -> new Scope(s.title(), s.date()));
    }

    @Override
    public String unnamed() {
        return "the oral exam";
    }

    @Override
    public String scopeNoun() {
        return "Sitting";
    }

    // ------------------------------------------------------------------ appeals

    @Override
    public List<Appealable> appealable(UUID studentId, Instant since, Instant now) {
        List<Appealable> out = new ArrayList<>();
        for (OralCatalog.TurnRecord t : catalog.announcedSince(studentId, since)) {
            OralCatalog.SittingRecord s = catalog.sitting(t.sittingId()).orElseThrow();
            out.add(new Appealable(t.id(), t.sittingId(), s.title(), t.finalPoints() + " " + t.finalLetter(), t.heldAt(), t.publishedAt()));
        }
        return out;
    }

    @Override
    public Appealable toAppeal(UUID studentId, UUID turnId) {
        OralCatalog.TurnRecord t = catalog.turn(turnId).orElse(null);
        if (t == null || !t.studentId().equals(studentId)) throw Problem.notFound("Oral exam");
        if (t.publishedAt() == null || t.stage() != TurnStage.PUBLISHED) {
            throw new Problem(422, "APPEAL_NOT_OPEN", "The commission has not announced your result yet (001 §6.15.4).");
        }
        return new Appealable(t.id(), t.sittingId(), null, null, t.heldAt(), t.publishedAt());
    }

    @Override
    public String currentGrade(UUID turnId) {
        OralCatalog.TurnRecord t = catalog.turn(turnId).orElse(null);
        return t == null || t.finalPoints() == null ? null : t.finalPoints() + " " + t.finalLetter();
    }

    @Override
    public boolean carriesNewGrade(AppealService.DecisionRequest r) {
        return r.newPoints() != null;
    }

    @Override
    public String newGradeRequired() {
        return "An upheld appeal changes the grade: give the new points";
    }

    @Override
    public GradeChange changeGradeOnAppeal(UUID turnId, AppealService.DecisionRequest r, UUID appealId, String note) {
        return casework.changeGradeOnAppeal(turnId, r.newPoints(), appealId, note);
    }

    @Override
    public boolean takesAnswerReceipt() {
        return false;
    }

    /** The sitting's commission (chair, members, secretaries) and the head who ran the draw. */
    @Override
    public Map<UUID, Grader> graders(UUID sittingId) {
        Map<UUID, Grader> graders = new LinkedHashMap<>();
        OralCatalog.SittingRecord s = catalog.sitting(sittingId).orElseThrow();
        s.commission().forEach(c -> graders.put(c.userId(), switch (c.role()) {
            case CHAIR -> Grader.CHAIR;
            case MEMBER -> Grader.MEMBER;
            case SECRETARY -> Grader.SECRETARY;
        }));
        graders.putIfAbsent(s.headId(), Grader.HEAD);
        return graders;
    }

    // ------------------------------------------------------------------ technical-failure acts

    @Override
    public ActCommission commission(UUID sittingId) {
        return ActCommission.ofSitting(catalog.sitting(sittingId).orElseThrow());
    }

    /** The sitting's technical secretary. */
    @Override
    public boolean mayDraft(UUID sittingId, UUID turnId, CurrentUser me) {
        return commission(sittingId).secretaries().contains(me.id());
    }

    @Override
    public String state(UUID turnId) {
        return null;
    }

    /** RESIT: another time in this (or the chosen) sitting with a new ticket; the "I" stays until then. */
    @Override
    public String carryOut(Act act, ActDecision decision, ActService.Decision d, UUID chairId, Map<String, Object> detail, Supplier<byte[]> actPdf) {
        if (decision != ActDecision.RESIT) throw new IllegalArgumentException("not an oral act's decision: " + decision);
        UUID target = d.resitSittingId() == null ? act.sittingId : d.resitSittingId();
        Person chair = People.find(chairId).orElse(null);
        OralCatalog.TurnRecord resit = casework.resitAfterAct(new Actor(chair.id(), chair.login(), chair.roles()), act.turnId, target);
        act.resitTurnId = resit.id();
        detail.put("resitTurn", resit.id().toString());
        detail.put("resitSitting", target.toString());
        OralCatalog.SittingRecord s = catalog.sitting(target).orElseThrow();
        return "Another time is given on " + s.date() + " (" + s.title() + ") with a new ticket; your grade is I until then.";
    }
}
