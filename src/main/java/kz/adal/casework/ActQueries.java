package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.casework.commission.CommissionSeat;
import kz.adal.casework.commission.ExamCommissions;
import kz.adal.casework.inbox.Inbox;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorAssignments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the act pages read: one act as its page shows it (with what this person may do), the acts this person deals
 * with, the attempts they may draft an act for, the act's PDF, and the student's "I" grades. Who may read an act:
 * a commission member, its drafter (secretary, proctor), an admin, and the student once it is signed.
 */
@ApplicationScoped
public class ActQueries {

    private final CurrentUser me;
    private final Acts acts;
    private final GradedSubjects subjects;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;
    private final ProctorAssignments proctors;
    private final ActDocument document;
    private final Inbox inbox;

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<kz.adal.platform.RequestLanguage> readerLanguage;

    ActQueries(CurrentUser me, Acts acts, GradedSubjects subjects, AttemptCatalog attempts, ExamCatalog exams,
               ProctorAssignments proctors, ActDocument document, Inbox inbox) {
        this.me = me;
        this.acts = acts;
        this.subjects = subjects;
        this.attempts = attempts;
        this.exams = exams;
        this.proctors = proctors;
        this.document = document;
        this.inbox = inbox;
    }

    @Transactional
    public ActViews.ActView get(UUID actId) {
        Act act = acts.find(actId);
        requireReader(act);
        return view(act);
    }

    /** The acts this person deals with: as a commission member, a drafter (secretary, proctor), the student, or an admin. */
    @Transactional
    public List<ActViews.ActRow> mine() {
        List<Act> all = Act.list("order by draftedAt desc");
        List<ActViews.ActRow> out = new ArrayList<>();
        for (Act a : all) {
            if (!mayRead(a)) continue;
            out.add(new ActViews.ActRow(a.id, a.kind.name(), a.state.name(), acts.subjectTitle(a), Acts.name(a.studentId), a.attemptId, a.turnId,
                    a.draftedAt, a.signedAt, a.decision, role(a)));
            if (out.size() >= 200) break;
        }
        return out;
    }

    /**
     * Attempts this person may draft an act for (the exam's technical secretary, or its proctor): started,
     * not submitted, without an open act — most recent first, at most 100.
     */
    @Transactional
    public List<ActViews.Candidate> candidates() {
        UUID id = me.id();
        java.util.Set<UUID> examIds = new java.util.HashSet<>();
        java.util.Set<UUID> attemptIds = new java.util.HashSet<>();
        examIds.addAll(ExamCommissions.examsWhere(id, CommissionSeat.SECRETARY));
        if (me.has(Role.PROCTOR)) {
            ProctorAssignments.Assigned assigned = proctors.of(id);
            examIds.addAll(assigned.examIds());
            attemptIds.addAll(assigned.attemptIds());
        }
        if (examIds.isEmpty() && attemptIds.isEmpty()) return List.of();
        List<AttemptRecord> found = attempts.startedUnsubmitted(examIds, attemptIds, 100);
        Set<UUID> open = Act.<Act>list("attemptId in ?1 and state <> ?2", found.isEmpty() ? Set.of(new UUID(0, 0))
                : found.stream().map(AttemptRecord::id).collect(Collectors.toSet()), Act.State.DECIDED).stream().map(a -> a.attemptId).collect(Collectors.toSet());
        Map<UUID, String> names = Acts.names(found.stream().map(AttemptRecord::studentId).collect(Collectors.toSet()));
        Map<UUID, String> titles = new HashMap<>();
        return found.stream().filter(a -> !open.contains(a.id())).map(a -> new ActViews.Candidate(a.id(),
                titles.computeIfAbsent(a.examId(), e -> exams.find(e).orElseThrow().title()), names.get(a.studentId()), a.state().name(),
                a.startedAt())).toList();
    }

    @Transactional
    public byte[] pdfFor(UUID actId, String lang) {
        Act act = acts.find(actId);
        requireReader(act);
        return pdf(act, lang);
    }

    /** The student's own "I" grades with their due dates (001 §6.15.2). */
    @Transactional
    public List<ActViews.IncompleteView> myIncompletes() {
        GradedSubject oral = subjects.oral(); // an "I" is kept for an oral turn (a test's failure opens an individual sheet)
        return Incomplete.<Incomplete>list("studentId = ?1 order by dueOn", me.id()).stream().map(i -> new ActViews.IncompleteView(i.id,
                i.turnId, oral.scope(i.scopeId).map(GradedSubject.Scope::title).orElse(null), i.awardedOn, i.dueOn, i.grade, i.clearedOn,
                i.actId)).toList();
    }

    // ------------------------------------------------------------------ the views

    ActViews.ActView view(Act act) {
        ActCommission c = acts.commission(act);
        List<ActVote> cast = ActVote.of(act.id);
        ActVotes.Tally tally = ActVotes.tally(c.voters(), ActService.votes(cast), act.kind.options);
        Set<UUID> people = new java.util.HashSet<>(c.everyone());
        people.add(act.studentId);
        if (act.draftedBy != null) people.add(act.draftedBy);
        if (act.signedBy != null) people.add(act.signedBy);
        if (act.decidedBy != null) people.add(act.decidedBy);
        Map<UUID, String> names = Acts.names(people);
        UUID meId = me.id();
        boolean staff = c.has(meId) || mayDraft(act) || me.has(Role.SYSTEM_ADMIN);
        List<ActViews.VoteView> voteViews = cast.stream().map(v -> new ActViews.VoteView(names.getOrDefault(v.key.voterId, "?"),
                v.choice, v.comment, v.castAt)).toList();
        List<ActViews.Member> members = c.seats().entrySet().stream().map(e -> new ActViews.Member(e.getKey(), names.get(e.getKey()), e.getValue(),
                cast.stream().anyMatch(v -> v.key.voterId.equals(e.getKey())))).toList();
        List<ActViews.NoticeStatus> mail = staff ? inbox.mailOf(Acts.CASE_TYPE, act.id, "act.signed").stream()
                .map(n -> new ActViews.NoticeStatus(Acts.names(Set.of(n.recipientId())).get(n.recipientId()), n.mailTo(), n.mailStatus(), n.read()))
                .toList() : List.of();
        ActDecision myVote = cast.stream().filter(v -> v.key.voterId.equals(meId)).map(v -> v.choice).findFirst().orElse(null);
        boolean signer = mayDraft(act);
        ActViews.Permissions can = new ActViews.Permissions(act.state == Act.State.DRAFT && signer, act.state == Act.State.DRAFT && signer,
                act.state == Act.State.SIGNED && c.voters().contains(meId) && myVote == null,
                act.state == Act.State.SIGNED && meId.equals(c.chairId()) && tally.allIn());
        String attemptState = acts.subject(act).state(act.subjectId());
        Incomplete inc = act.turnId == null ? null : Incomplete.find("turnId", act.turnId).firstResult();
        return new ActViews.ActView(act.id, act.kind.name(), act.state.name(), acts.subjectTitle(act), act.examId, act.attemptId, act.sittingId,
                act.turnId, names.get(act.studentId), attemptState, ActEvidenceText.worded(acts.parse(act.evidence), document.wordingFor(reader())), act.lostSeconds, act.whatHappened, act.effect,
                act.measures, names.get(act.draftedBy), act.draftedAt, names.get(act.signedBy), act.signedAt,
                act.kind.options.stream().sorted(ActDecision.LISTED).toList(), members, voteViews, tally.counts(),
                tally.waitingFor().stream().map(names::get).toList(), tally.tie() ? tally.leaders() : List.of(), myVote,
                act.decision, act.decisionReason, names.get(act.decidedBy), act.decidedAt, act.creditedSeconds, act.sheetId,
                act.resitTurnId, inc == null ? null : new ActViews.IncompleteView(inc.id, inc.turnId, null, inc.awardedOn, inc.dueOn,
                inc.grade, inc.clearedOn, inc.actId), mail, can);
    }

    /** The reader's language (the act's page shows the drafted evidence in it); outside a request, the act's own. */
    private String reader() {
        return io.quarkus.arc.Arc.container().requestContext().isActive() && readerLanguage.isResolvable() ? readerLanguage.get().get() : null;
    }

    /** The act's document in its own language (the individual sheet gets this copy). */
    byte[] pdf(Act act) {
        return pdf(act, null);
    }

    byte[] pdf(Act act, String lang) {
        return document.pdf(act, acts.commission(act), acts.subjectTitle(act), acts.parse(act.evidence), lang);
    }

    // ------------------------------------------------------------------ rules of access

    private boolean mayDraft(Act act) {
        return acts.mayDraft(act, me);
    }

    private boolean mayRead(Act act) {
        UUID id = me.id();
        if (me.has(Role.SYSTEM_ADMIN) || acts.commission(act).has(id) || mayDraft(act)) return true;
        return act.studentId.equals(id) && act.state != Act.State.DRAFT;
    }

    private void requireReader(Act act) {
        if (!mayRead(act)) throw Problem.notFound("Act");
    }

    private String role(Act act) {
        ActCommission c = acts.commission(act);
        UUID id = me.id();
        if (c.seats().containsKey(id)) return c.seats().get(id);
        if (mayDraft(act)) return "PROCTOR";
        if (act.studentId.equals(id)) return "STUDENT";
        return "ADMIN";
    }
}
