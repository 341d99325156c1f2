package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.casework.inbox.Inbox;
import kz.adal.casework.inbox.NoticeTexts;
import kz.adal.casework.inbox.PostedNotice;
import kz.adal.identity.CurrentUser;
import kz.adal.platform.Problem;
import kz.adal.platform.RuleViolation;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.EventStore;
import kz.adal.proctoring.live.LiveEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Technical-failure acts (001 §6.15.2, §6.15.6; for tests a product extension), the commands: drafted from the
 * evidence, completed and signed by the technical secretary (or a proctor of the test), sent the same day to every
 * commission member in the app and by e-mail, voted on, decided by the chair, and carried out: the same attempt
 * continues with the lost time credited, or it is voided and an individual sheet opens; for an oral exam another
 * time with a new ticket. Every step is audited in its own transaction (scope: the exam, or the oral sitting).
 * Methods that post notices return them; the caller mails them after the commit. What differs between a test
 * attempt and an oral turn (the commission, who drafts, carrying out the decision) is asked of the act's
 * {@link GradedSubject}. What pages read is {@link ActQueries}; acts drafted on the oral feature's events,
 * {@link ActHooks}.
 */
@ApplicationScoped
public class ActService {

    /** A signed act and the notices to mail once committed. */
    public record Posted(ActViews.ActView act, List<PostedNotice> notices) {
    }

    public record Edit(String whatHappened, String effect, String measures) {
    }

    /** @param decision an {@link ActDecision}'s name, as the page sends it; null: the majority's */
    public record Decision(String decision, String reason, Long creditSeconds, UUID resitSittingId) {
    }

    private final AuditTrail audit;
    private final TimeSource time;
    private final CurrentUser me;
    private final Inbox inbox;
    private final EventStore events;
    private final GradedSubjects subjects;
    private final AttemptCatalog attempts;
    private final Acts acts;
    private final ActQueries queries;
    private final Duration grace;

    ActService(AuditTrail audit, TimeSource time, CurrentUser me, Inbox inbox, EventStore events, GradedSubjects subjects,
               AttemptCatalog attempts, Acts acts, ActQueries queries,
               @ConfigProperty(name = "adal.casework.act-grace", defaultValue = "PT30S") Duration grace) {
        this.audit = audit;
        this.time = time;
        this.me = me;
        this.inbox = inbox;
        this.events = events;
        this.subjects = subjects;
        this.attempts = attempts;
        this.acts = acts;
        this.queries = queries;
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
        act.evidence = acts.toJson(r);
        act.lostSeconds = r.lostSeconds();
        act.whatHappened = acts.drafted(act, r);
        act.persist();
        audit.record(Change.of("act.drafted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("attempt", a.id().toString(), "attemptState", a.state().name(), "lostSeconds", r.lostSeconds(),
                        "outages", r.eventChannel().size(), "mediaGaps", r.mediaChannel().size(), "reports", r.problemReports().size())));
        return queries.view(act);
    }

    /** The secretary completes the drafted text; refused once signed (the act is then immutable). */
    @Transactional
    public ActViews.ActView edit(UUID actId, Edit e) {
        Act act = acts.find(actId);
        requireSigner(act);
        act.requireEditable();
        if (e == null) throw Problem.badRequest("ACT_BODY_MISSING", "Send whatHappened, effect and measures");
        act.edit(text(e.whatHappened(), "whatHappened", 4000), text(e.effect(), "effect", 4000), text(e.measures(), "measures", 4000));
        audit.record(Change.of("act.edited", "act", act.id).scope(act.scopeId).detail(Map.of("by", me.login())));
        return queries.view(act);
    }

    /**
     * Signing: the act becomes immutable and goes the same day to every commission member, in the app and by
     * e-mail (001 §6.15.6). The returned notices are mailed by the caller after the commit.
     */
    @Transactional
    public Posted sign(UUID actId) {
        Act act = acts.find(actId);
        requireSigner(act);
        act.sign(me.id(), time.now()); // DRAFT → SIGNED; a refusal below rolls it back
        if (Acts.blank(act.whatHappened)) throw Problem.badRequest("ACT_TEXT_REQUIRED", "Describe what happened before signing");
        ActCommission c = acts.commission(act);
        if (c.isEmpty()) {
            throw Problem.conflict("ACT_NO_COMMISSION", "The exam has no commission (chair and members) to send the act to; set it up first");
        }
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("title", acts.subjectTitle(act));
        words.put("student", Acts.name(act.studentId));
        words.put("signer", Acts.name(me.id()));
        words.put("signedAt", act.signedAt);
        words.put("whatHappened", act.whatHappened);
        words.put("effect", Acts.blank(act.effect) ? "" : act.effect);
        words.put("measures", Acts.blank(act.measures) ? "" : act.measures);
        List<PostedNotice> notices = inbox.post(c.everyone(), Inbox.Message.worded("act.signed", "act.signed",
                "/casework/act.html?id=" + act.id, Acts.CASE_TYPE, act.id, words), true);
        audit.record(Change.of("act.signed", "act", act.id).scope(act.scopeId)
                .detail(Map.of("sentTo", c.everyone().stream().map(UUID::toString).toList(), "lostSeconds", act.lostSeconds)));
        return new Posted(queries.view(act), notices);
    }

    // ------------------------------------------------------------------ voting and the decision

    /** @param choice an {@link ActDecision}'s name, as the page sends it */
    @Transactional
    public ActViews.ActView vote(UUID actId, String choice, String comment) {
        Act act = acts.find(actId);
        act.requireVoting();
        ActCommission c = acts.commission(act);
        List<ActVote> cast = ActVote.of(act.id);
        ActDecision chosen = ActDecision.named(choice).orElse(null); // anything else is refused as not one of the options
        ActVotes.checkVote(c.voters(), votes(cast), act.kind.options, me.id(), chosen);
        ActVote v = new ActVote();
        v.key = new ActVote.Key(act.id, me.id());
        v.choice = chosen;
        v.comment = Acts.blank(comment) ? null : Acts.limit(comment.strip(), 2000);
        v.castAt = time.now();
        v.persist();
        audit.record(Change.of("act.voted", "act", act.id).scope(act.scopeId)
                .detail(Map.of("voter", me.login(), "choice", chosen.name(), "comment", v.comment == null ? "" : v.comment)));
        List<ActVote> now = new ArrayList<>(cast);
        now.add(v);
        if (ActVotes.tally(c.voters(), votes(now), act.kind.options).allIn()) {
            inbox.post(List.of(c.chairId()), Inbox.Message.worded("act.votes-in", "act.votes-in", "/casework/act.html?id=" + act.id,
                    Acts.CASE_TYPE, act.id, Map.of("title", acts.subjectTitle(act))), false);
        }
        return queries.view(act);
    }

    /** The chair records the commission's decision and it is carried out in the same transaction. */
    @Transactional
    public Posted decide(UUID actId, Decision d) {
        Act act = acts.find(actId);
        ActCommission c = acts.commission(act);
        if (!me.id().equals(c.chairId())) throw Problem.forbidden("The commission's chair records the decision");
        act.requireVoting();
        if (d == null) throw Problem.badRequest("ACT_BODY_MISSING", "Send the decision");
        ActDecision chosen = d.decision() == null ? null : ActDecision.named(d.decision()).orElseThrow(() ->
                RuleViolation.badRequest("ACT_CHOICE_INVALID", "Decide one of " + act.kind.options + "."));
        ActVotes.Tally tally = ActVotes.tally(c.voters(), votes(ActVote.of(act.id)), act.kind.options);
        ActDecision decision = ActVotes.decide(tally, chosen);
        act.decide(decision, Acts.blank(d.reason()) ? null : Acts.limit(d.reason().strip(), 2000), me.id(), time.now());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision.name());
        detail.put("votes", tally.counts());
        detail.put("tie", tally.tie());
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("title", acts.subjectTitle(act));
        words.put("decision", decision.name());
        words.put("decisionLabel", new NoticeTexts.Label("ActDecision." + decision.name()));
        words.put("reason", act.decisionReason == null ? "" : act.decisionReason);
        // REJECT: no failure that prevented finishing, the result stands; otherwise the graded thing carries it out
        if (decision != ActDecision.REJECT) acts.subject(act).carryOut(act, decision, d, me.id(), detail, () -> queries.pdf(act));
        // what the notices say of the outcome, from what was carried out
        if (detail.get("creditedSeconds") instanceof Number credit) words.put("creditMinutes", (credit.longValue() + 59) / 60);
        if (detail.get("resitSitting") instanceof String resitSitting) {
            acts.subject(act).scope(UUID.fromString(resitSitting)).ifPresent(r -> {
                words.put("resitDate", r.date());
                words.put("resitTitle", r.title());
            });
        }
        audit.record(Change.of("act.decided", "act", act.id).scope(act.scopeId).detail(detail));
        // each person reads the decision in their own language (templates/notices/act.decided*.txt)
        List<PostedNotice> notices = new ArrayList<>(inbox.post(List.of(act.studentId), Inbox.Message.worded("act.decided", "act.decided",
                "/casework/act.html?id=" + act.id, Acts.CASE_TYPE, act.id, words), true));
        inbox.post(c.everyone().stream().filter(u -> !u.equals(me.id())).toList(), Inbox.Message.worded("act.decided",
                "act.decided-commission", "/casework/act.html?id=" + act.id, Acts.CASE_TYPE, act.id, words), false);
        return new Posted(queries.view(act), notices);
    }

    // ------------------------------------------------------------------ helpers

    private void requireSigner(Act act) {
        if (!acts.mayDraft(act, me)) throw Problem.forbidden("The technical secretary (or the test's proctor) completes and signs the act (001 §6.15.6)");
    }

    static List<ActVotes.Vote> votes(List<ActVote> cast) {
        return cast.stream().map(v -> new ActVotes.Vote(v.key.voterId, v.choice)).toList();
    }

    private static ActDraft.Evidence evidence(LiveEvent e) {
        Map<String, String> data = new HashMap<>();
        e.data().forEach((k, v) -> data.put(k, String.valueOf(v)));
        return new ActDraft.Evidence(e.kind(), e.at(), data);
    }

    private static String text(String s, String field, int max) {
        if (s == null) return null;
        if (s.length() > max) throw Problem.badRequest("ACT_TEXT_TOO_LONG", field + " is longer than " + max + " characters");
        return s.isBlank() ? null : s.strip();
    }
}
