package kz.adal.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.People;
import kz.adal.identity.Role;
import kz.adal.oral.AnswerLinkLost;
import kz.adal.oral.TechnicalFailureRecorded;
import kz.adal.oral.TurnStage;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.EventStore;
import kz.adal.proctoring.LiveEvent;
import kz.adal.proctoring.ProctorAssignments;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Technical-failure acts (001 §6.15.2, §6.15.6; for tests a product extension): drafted from the evidence,
 * completed and signed by the technical secretary (or a proctor of the test), sent the same day to every
 * commission member in the app and by e-mail, voted on, decided by the chair, and carried out: the same
 * attempt continues with the lost time credited, or it is voided and an individual sheet opens; for an oral
 * exam another time with a new ticket. Every step is audited in its own transaction (scope: the exam, or the
 * oral sitting). Methods that post notices return them; the caller mails them after the commit. What differs
 * between a test attempt and an oral turn (the commission, who drafts, carrying out the decision) is asked of
 * the act's {@link GradedSubject}.
 */
@ApplicationScoped
public class ActService {

    public static final String CASE_TYPE = "act";

    /** The decision every kind of act may reach: no failure that prevented finishing was established. */
    private static final String REJECT = "REJECT";

    /** A signed act and the notices to mail once committed. */
    public record Posted(ActViews.ActView act, List<Notice> notices) {
    }

    public record Edit(String whatHappened, String effect, String measures) {
    }

    public record Decision(String decision, String reason, Long creditSeconds, UUID resitSittingId) {
    }

    private final AuditTrail audit;
    private final TimeSource time;
    private final CurrentUser me;
    private final Inbox inbox;
    private final EventStore events;
    private final GradedSubjects subjects;
    private final AttemptCatalog attempts;
    private final ExamCatalog exams;
    private final ProctorAssignments proctors;
    private final ObjectMapper json;
    private final Duration grace;

    private final ActDocument document;
    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<kz.adal.platform.RequestLanguage> readerLanguage;

    ActService(AuditTrail audit, TimeSource time, CurrentUser me, Inbox inbox, EventStore events, GradedSubjects subjects,
               AttemptCatalog attempts, ExamCatalog exams, ProctorAssignments proctors, ObjectMapper json, ActDocument document,
               @ConfigProperty(name = "adal.casework.act-grace", defaultValue = "PT30S") Duration grace) {
        this.document = document;
        this.audit = audit;
        this.time = time;
        this.me = me;
        this.inbox = inbox;
        this.events = events;
        this.subjects = subjects;
        this.attempts = attempts;
        this.exams = exams;
        this.proctors = proctors;
        this.json = json;
        this.grace = grace;
    }

    // ------------------------------------------------------------------ drafting

    /** "Draft act" for a test attempt: the evidence is read from the proctoring and recording events. */
    @Transactional
    public ActViews.ActView draftForAttempt(UUID attemptId) {
        AttemptRecord a = attempts.find(attemptId).orElseThrow(() -> Problem.notFound("Attempt"));
        if (!subjects.test().mayDraft(a.examId(), a.id(), me)) {
            throw Problem.forbidden("The exam's technical secretary or its proctor drafts the act (001 §6.15.6)");
        }
        if (a.startedAt() == null) throw Problem.conflict("ACT_NOT_STARTED", "The attempt never started: there is no failure to record");
        if (Act.count("attemptId = ?1 and state <> ?2", a.id(), Act.State.DECIDED) > 0) {
            throw Problem.conflict("ACT_OPEN_EXISTS", "An act for this attempt is already open");
        }
        Instant now = time.now();
        Instant until = a.finishedAt() == null ? now : a.finishedAt();
        List<ActDraft.Evidence> evidence = events.load(a.id()).stream().map(ActService::evidence).toList();
        ActDraft.Result r = ActDraft.draft(evidence, a.startedAt(), until, grace);
        Act act = Act.draft(Act.Kind.TEST, a.studentId(), me.id(), now);
        act.examId = a.examId();
        act.scopeId = a.examId();
        act.attemptId = a.id();
        act.evidence = toJson(r);
        act.lostSeconds = r.lostSeconds();
        act.whatHappened = drafted(act, r);
        act.persist();
        audit.record(Change.of("act.drafted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("attempt", a.id().toString(), "attemptState", a.state().name(), "lostSeconds", r.lostSeconds(),
                        "outages", r.eventChannel().size(), "mediaGaps", r.mediaChannel().size(), "reports", r.problemReports().size())));
        return view(act);
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
        act.evidence = toJson(r);
        act.lostSeconds = f.outageSeconds();
        act.whatHappened = drafted(act, r);
        act.persist();
        audit.record(Change.of("act.drafted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("turn", f.turnId().toString(), "stage", TurnStage.ANSWER_PAUSED.name(), "lostSeconds", f.outageSeconds())), null, "system");
    }

    /** The drafted "what happened": the evidence in the act's language, for the secretary to complete. */
    private String drafted(Act act, ActDraft.Result r) {
        return String.join("\n", ActEvidenceText.lines(r, document.wording(act)));
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
        act.evidence = toJson(r);
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

    /** The secretary completes the drafted text; refused once signed (the act is then immutable). */
    @Transactional
    public ActViews.ActView edit(UUID actId, Edit e) {
        Act act = find(actId);
        requireSigner(act);
        act.requireEditable();
        if (e == null) throw Problem.badRequest("ACT_BODY_MISSING", "Send whatHappened, effect and measures");
        act.edit(text(e.whatHappened(), "whatHappened", 4000), text(e.effect(), "effect", 4000), text(e.measures(), "measures", 4000));
        audit.record(Change.of("act.edited", "act", act.id).scope(act.scopeId).detail(Map.of("by", me.login())));
        return view(act);
    }

    /**
     * Signing: the act becomes immutable and goes the same day to every commission member, in the app and by
     * e-mail (001 §6.15.6). The returned notices are mailed by the caller after the commit.
     */
    @Transactional
    public Posted sign(UUID actId) {
        Act act = find(actId);
        requireSigner(act);
        act.sign(me.id(), time.now()); // DRAFT → SIGNED; a refusal below rolls it back
        if (blank(act.whatHappened)) throw Problem.badRequest("ACT_TEXT_REQUIRED", "Describe what happened before signing");
        ActCommission c = commission(act);
        if (c.isEmpty()) {
            throw Problem.conflict("ACT_NO_COMMISSION", "The exam has no commission (chair and members) to send the act to; set it up first");
        }
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("title", subjectTitle(act));
        words.put("student", name(act.studentId));
        words.put("signer", name(me.id()));
        words.put("signedAt", act.signedAt);
        words.put("whatHappened", act.whatHappened);
        words.put("effect", blank(act.effect) ? "" : act.effect);
        words.put("measures", blank(act.measures) ? "" : act.measures);
        List<Notice> notices = inbox.post(c.everyone(), Inbox.Message.worded("act.signed", "act.signed",
                "/casework/act.html?id=" + act.id, CASE_TYPE, act.id, words), true);
        audit.record(Change.of("act.signed", "act", act.id).scope(act.scopeId)
                .detail(Map.of("sentTo", c.everyone().stream().map(UUID::toString).toList(), "lostSeconds", act.lostSeconds)));
        return new Posted(view(act), notices);
    }

    // ------------------------------------------------------------------ voting and the decision

    @Transactional
    public ActViews.ActView vote(UUID actId, String choice, String comment) {
        Act act = find(actId);
        act.requireVoting();
        ActCommission c = commission(act);
        List<ActVote> cast = ActVote.of(act.id);
        ActVotes.checkVote(c.voters(), votes(cast), act.kind.options, me.id(), choice);
        ActVote v = new ActVote();
        v.key = new ActVote.Key(act.id, me.id());
        v.choice = choice;
        v.comment = blank(comment) ? null : limit(comment.strip(), 2000);
        v.castAt = time.now();
        v.persist();
        audit.record(Change.of("act.voted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("voter", me.login(), "choice", choice, "comment", v.comment == null ? "" : v.comment)));
        List<ActVote> now = new ArrayList<>(cast);
        now.add(v);
        if (ActVotes.tally(c.voters(), votes(now), act.kind.options).allIn()) {
            inbox.post(List.of(c.chairId()), Inbox.Message.worded("act.votes-in", "act.votes-in", "/casework/act.html?id=" + act.id,
                    CASE_TYPE, act.id, Map.of("title", subjectTitle(act))), false);
        }
        return view(act);
    }

    /** The chair records the commission's decision and it is carried out in the same transaction. */
    @Transactional
    public Posted decide(UUID actId, Decision d) {
        Act act = find(actId);
        ActCommission c = commission(act);
        if (!me.id().equals(c.chairId())) throw Problem.forbidden("The commission's chair records the decision");
        act.requireVoting();
        if (d == null) throw Problem.badRequest("ACT_BODY_MISSING", "Send the decision");
        ActVotes.Tally tally = ActVotes.tally(c.voters(), votes(ActVote.of(act.id)), act.kind.options);
        String decision = ActVotes.decide(tally, d.decision());
        act.decide(decision, blank(d.reason()) ? null : limit(d.reason().strip(), 2000), me.id(), time.now());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision);
        detail.put("votes", tally.counts());
        detail.put("tie", tally.tie());
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("title", subjectTitle(act));
        words.put("decision", decision);
        words.put("decisionLabel", new NoticeTexts.Label("ActDecision." + decision));
        words.put("reason", act.decisionReason == null ? "" : act.decisionReason);
        // REJECT: no failure that prevented finishing, the result stands; otherwise the graded thing carries it out
        if (!REJECT.equals(decision)) subject(act).carryOut(act, decision, d, me.id(), detail, () -> pdf(act));
        // what the notices say of the outcome, from what was carried out
        if (detail.get("creditedSeconds") instanceof Number credit) words.put("creditMinutes", (credit.longValue() + 59) / 60);
        if (detail.get("resitSitting") instanceof String resitSitting) {
            subject(act).scope(UUID.fromString(resitSitting)).ifPresent(r -> {
                words.put("resitDate", r.date());
                words.put("resitTitle", r.title());
            });
        }
        audit.record(Change.of("act.decided", "act", act.id).scope(act.scopeId).detail(detail));
        // each person reads the decision in their own language (templates/notices/act.decided*.txt)
        List<Notice> notices = new ArrayList<>(inbox.post(List.of(act.studentId), Inbox.Message.worded("act.decided", "act.decided",
                "/casework/act.html?id=" + act.id, CASE_TYPE, act.id, words), true));
        inbox.post(c.everyone().stream().filter(u -> !u.equals(me.id())).toList(), Inbox.Message.worded("act.decided",
                "act.decided-commission", "/casework/act.html?id=" + act.id, CASE_TYPE, act.id, words), false);
        return new Posted(view(act), notices);
    }

    // ------------------------------------------------------------------ reading

    @Transactional
    public ActViews.ActView get(UUID actId) {
        Act act = find(actId);
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
            out.add(new ActViews.ActRow(a.id, a.kind.name(), a.state.name(), subjectTitle(a), name(a.studentId), a.attemptId, a.turnId, a.draftedAt,
                    a.signedAt, a.decision, role(a)));
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
        ExamCommissionSeat.<ExamCommissionSeat>list("key.userId = ?1 and role = ?2", id, ExamCommissionSeat.Seat.SECRETARY)
                .forEach(s -> examIds.add(s.key.examId));
        if (me.has(Role.PROCTOR)) {
            ProctorAssignments.Assigned assigned = proctors.of(id);
            examIds.addAll(assigned.examIds());
            attemptIds.addAll(assigned.attemptIds());
        }
        if (examIds.isEmpty() && attemptIds.isEmpty()) return List.of();
        List<AttemptRecord> found = attempts.startedUnsubmitted(examIds, attemptIds, 100);
        Set<UUID> open = Act.<Act>list("attemptId in ?1 and state <> ?2", found.isEmpty() ? Set.of(new UUID(0, 0))
                : found.stream().map(AttemptRecord::id).collect(Collectors.toSet()), Act.State.DECIDED).stream().map(a -> a.attemptId).collect(Collectors.toSet());
        Map<UUID, String> names = names(found.stream().map(AttemptRecord::studentId).collect(Collectors.toSet()));
        Map<UUID, String> titles = new HashMap<>();
        return found.stream().filter(a -> !open.contains(a.id())).map(a -> new ActViews.Candidate(a.id(),
                titles.computeIfAbsent(a.examId(), e -> exams.find(e).orElseThrow().title()), names.get(a.studentId()), a.state().name(),
                a.startedAt())).toList();
    }

    @Transactional
    public byte[] pdfFor(UUID actId, String lang) {
        Act act = find(actId);
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
        ActCommission c = commission(act);
        List<ActVote> cast = ActVote.of(act.id);
        ActVotes.Tally tally = ActVotes.tally(c.voters(), votes(cast), act.kind.options);
        Set<UUID> people = new java.util.HashSet<>(c.everyone());
        people.add(act.studentId);
        if (act.draftedBy != null) people.add(act.draftedBy);
        if (act.signedBy != null) people.add(act.signedBy);
        if (act.decidedBy != null) people.add(act.decidedBy);
        Map<UUID, String> names = names(people);
        UUID meId = me.id();
        boolean staff = c.has(meId) || mayDraft(act) || me.has(Role.SYSTEM_ADMIN);
        List<ActViews.VoteView> voteViews = cast.stream().map(v -> new ActViews.VoteView(names.getOrDefault(v.key.voterId, "?"),
                v.choice, v.comment, v.castAt)).toList();
        List<ActViews.Member> members = c.seats().entrySet().stream().map(e -> new ActViews.Member(e.getKey(), names.get(e.getKey()), e.getValue(),
                cast.stream().anyMatch(v -> v.key.voterId.equals(e.getKey())))).toList();
        List<ActViews.NoticeStatus> mail = staff ? Notice.forCase(CASE_TYPE, act.id).stream().filter(n -> "act.signed".equals(n.kind))
                .map(n -> new ActViews.NoticeStatus(names(Set.of(n.recipientId)).get(n.recipientId), n.mailTo, n.mailStatus.name(), n.readAt != null))
                .toList() : List.of();
        String myVote = cast.stream().filter(v -> v.key.voterId.equals(meId)).map(v -> v.choice).findFirst().orElse(null);
        boolean signer = mayDraft(act);
        ActViews.Permissions can = new ActViews.Permissions(act.state == Act.State.DRAFT && signer, act.state == Act.State.DRAFT && signer,
                act.state == Act.State.SIGNED && c.voters().contains(meId) && myVote == null,
                act.state == Act.State.SIGNED && meId.equals(c.chairId()) && tally.allIn());
        String attemptState = subject(act).state(act.subjectId());
        Incomplete inc = act.turnId == null ? null : Incomplete.find("turnId", act.turnId).firstResult();
        return new ActViews.ActView(act.id, act.kind.name(), act.state.name(), subjectTitle(act), act.examId, act.attemptId, act.sittingId,
                act.turnId, names.get(act.studentId), attemptState, ActEvidenceText.worded(parse(act.evidence), document.wordingFor(reader())), act.lostSeconds, act.whatHappened, act.effect,
                act.measures, names.get(act.draftedBy), act.draftedAt, names.get(act.signedBy), act.signedAt,
                act.kind.options.stream().sorted().toList(), members, voteViews, tally.counts(),
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
        return document.pdf(act, commission(act), subjectTitle(act), parse(act.evidence), lang);
    }

    // ------------------------------------------------------------------ rules of access

    /** Who drafts, completes and signs: the technical secretary, or for a test also a proctor of the exam. */
    private boolean mayDraft(Act act) {
        return subject(act).mayDraft(act.scopeId, act.subjectId(), me);
    }

    private void requireSigner(Act act) {
        if (!mayDraft(act)) throw Problem.forbidden("The technical secretary (or the test's proctor) completes and signs the act (001 §6.15.6)");
    }

    private boolean mayRead(Act act) {
        UUID id = me.id();
        if (me.has(Role.SYSTEM_ADMIN) || commission(act).has(id) || mayDraft(act)) return true;
        return act.studentId.equals(id) && act.state != Act.State.DRAFT;
    }

    private void requireReader(Act act) {
        if (!mayRead(act)) throw Problem.notFound("Act");
    }

    private String role(Act act) {
        ActCommission c = commission(act);
        UUID id = me.id();
        if (c.seats().containsKey(id)) return c.seats().get(id);
        if (mayDraft(act)) return "PROCTOR";
        if (act.studentId.equals(id)) return "STUDENT";
        return "ADMIN";
    }

    // ------------------------------------------------------------------ helpers

    private GradedSubject subject(Act act) {
        return subjects.of(act.kind);
    }

    ActCommission commission(Act act) {
        return subject(act).commission(act.scopeId);
    }

    private Act find(UUID id) {
        Act act = Act.findById(id);
        if (act == null) throw Problem.notFound("Act");
        return act;
    }

    /** The exam's title, or the sitting's with its date. */
    String subjectTitle(Act act) {
        return subject(act).scope(act.scopeId)
                .map(s -> s.date() == null ? s.title() : s.title() + " (" + kz.adal.platform.Texts.date(s.date(), null) + ")").orElse("?");
    }

    private static List<ActVotes.Vote> votes(List<ActVote> cast) {
        return cast.stream().map(v -> new ActVotes.Vote(v.key.voterId, v.choice)).toList();
    }

    private static ActDraft.Evidence evidence(LiveEvent e) {
        Map<String, String> data = new HashMap<>();
        e.data().forEach((k, v) -> data.put(k, String.valueOf(v)));
        return new ActDraft.Evidence(e.kind(), e.at(), data);
    }

    private String toJson(ActDraft.Result r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ActDraft.Result parse(String evidence) {
        try {
            return json.readValue(evidence, ActDraft.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable act evidence", e);
        }
    }

    private String name(UUID id) {
        if (id == null) return null;
        Person u = People.find(id).orElse(null);
        return u == null ? "?" : u.fullName();
    }

    private Map<UUID, String> names(Set<UUID> ids) {
        return People.names(ids);
    }

    private static String text(String s, String field, int max) {
        if (s == null) return null;
        if (s.length() > max) throw Problem.badRequest("ACT_TEXT_TOO_LONG", field + " is longer than " + max + " characters");
        return s.isBlank() ? null : s.strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String limit(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
