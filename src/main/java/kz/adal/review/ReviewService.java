package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;
import kz.adal.proctoring.FlagRules;
import kz.adal.proctoring.ProctorQueries;
import kz.adal.proctoring.ProctorViews;
import kz.adal.proctoring.ProctorViews.FlagView;
import kz.adal.proctoring.ProctorViews.TimelineView;
import kz.adal.review.ReviewViews.AttemptReview;
import kz.adal.review.ReviewViews.DecisionView;
import kz.adal.review.ReviewViews.Evidence;
import kz.adal.review.ReviewViews.FlagReview;
import kz.adal.review.ReviewViews.IdentityView;
import kz.adal.review.ReviewViews.RevisionView;
import kz.adal.review.ReviewViews.TimelineEntry;
import kz.adal.review.ReviewViews.VerdictView;
import kz.adal.review.VerdictRules.Verdict;
import kz.adal.vision.IdentityChecks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The review of recorded attempts: the queue (most suspicious first), one attempt in full (timeline, flags with
 * their evidence frames, identity check), decisions on flags and the verdict. Access: whoever any
 * {@link ReviewAccess} bean grants for the exam; a student sees only their own attempt ({@link #mine}).
 * Every change is audited with the exam as scope. A flag decision never changes the result; only a verdict
 * does (see {@link VerdictRules}).
 */
@ApplicationScoped
public class ReviewService {

    /** At most this many attempts in one queue answer (filter by exam for more). */
    static final int QUEUE_LIMIT = 300;
    /** Evidence frames of a flag: its nearest snapshot and those taken from this long before its start to this long after its end. */
    static final Duration EVIDENCE_MARGIN = Duration.ofSeconds(1);
    static final int EVIDENCE_PER_FLAG = 6;

    private final Instance<ReviewAccess> access;
    private final ProctorQueries proctoring;
    private final AuditTrail audit;
    private final TimeSource time;
    private final AttemptCatalog attempts;
    private final ExamCatalog examCatalog;
    private final IdentityChecks identityChecks;

    @jakarta.inject.Inject
    kz.adal.platform.OfficialDocuments documents;
    @jakarta.inject.Inject
    Instance<kz.adal.platform.RequestLanguage> readerLanguage;

    /** The reader's language for the texts a page shows as they are (a flag's detail); outside a request, the institution's. */
    private kz.adal.platform.OfficialDocuments.Wording readerWords() {
        boolean request = io.quarkus.arc.Arc.container().requestContext().isActive() && readerLanguage.isResolvable();
        return documents.wording(null, request ? readerLanguage.get().get() : null);
    }

    ReviewService(@Any Instance<ReviewAccess> access, ProctorQueries proctoring, AuditTrail audit, TimeSource time,
                  AttemptCatalog attempts, ExamCatalog examCatalog, IdentityChecks identityChecks) {
        this.attempts = attempts;
        this.examCatalog = examCatalog;
        this.identityChecks = identityChecks;
        this.access = access;
        this.proctoring = proctoring;
        this.audit = audit;
        this.time = time;
    }

    // ------------------------------------------------------------------ access

    public boolean mayReview(Actor actor, UUID examId) {
        for (ReviewAccess a : access) if (a.mayReview(actor, examId)) return true;
        return false;
    }

    /** The attempt, if the actor may review its exam; otherwise 404 (its existence is not revealed). */
    private AttemptRecord reviewable(UUID attemptId, Actor actor) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !mayReview(actor, a.examId())) throw Problem.notFound("Attempt");
        return a;
    }

    // ------------------------------------------------------------------ queue

    public record ExamOption(UUID id, String title, String groupCode, Instant opensAt) {
    }

    /** The exams this person may review (newest first). */
    @Transactional
    public List<ExamOption> exams(Actor actor) {
        List<ExamOption> out = examCatalog.all().stream().filter(e -> mayReview(actor, e.id()))
                .map(e -> new ExamOption(e.id(), e.title(), e.groupCode(), e.opensAt())).toList();
        if (out.isEmpty() && !mayReview(actor, null)) throw Problem.forbidden("You review no exam");
        return out;
    }

    /** Started attempts of the exams this person may review, lowest credibility score first, filtered. */
    @Transactional
    public List<ReviewQueue.Row> queue(Actor actor, ReviewQueue.Filter filter) {
        List<AttemptRecord> started;
        if (filter.examId() != null) {
            if (!mayReview(actor, filter.examId())) throw Problem.forbidden("You do not review this exam");
            started = attempts.started(List.of(filter.examId()));
        } else {
            started = attempts.started(exams(actor).stream().map(ExamOption::id).toList());
        }
        Map<UUID, ReviewVerdict> verdicts = started.isEmpty() ? Map.of() : ReviewVerdict.<ReviewVerdict>list("attemptId in ?1",
                started.stream().map(AttemptRecord::id).toList()).stream().collect(Collectors.toMap(v -> v.attemptId, Function.identity()));
        Map<UUID, Long> decided = new HashMap<>();
        if (!started.isEmpty()) {
            for (FlagDecision d : FlagDecision.<FlagDecision>list("attemptId in ?1", started.stream().map(AttemptRecord::id).toList())) {
                decided.merge(d.attemptId, 1L, Long::sum);
            }
        }
        Map<UUID, ExamRecord> exams = new HashMap<>();
        Map<UUID, Person> students = new HashMap<>();
        List<ReviewQueue.Row> rows = new ArrayList<>();
        for (AttemptRecord a : started.stream().limit(QUEUE_LIMIT).toList()) {
            TimelineView t = proctoring.reviewTimeline(a.id());
            Map<String, Integer> counts = new TreeMap<>();
            for (FlagView f : t.flags()) counts.merge(f.type(), 1, Integer::sum);
            ExamRecord e = exams.computeIfAbsent(a.examId(), id -> examCatalog.find(id).orElse(null));
            Person s = students.computeIfAbsent(a.studentId(), id -> People.find(id).orElse(null));
            ReviewVerdict v = verdicts.get(a.id());
            rows.add(new ReviewQueue.Row(a.id(), a.examId(), e == null ? null : e.title(), a.studentId(), s == null ? null : s.fullName(),
                    s == null ? null : s.login(), a.state().name(), a.finishedAt(), a.percent(), t.score(), counts,
                    decided.getOrDefault(a.id(), 0L).intValue(),
                    v == null ? ReviewQueue.VerdictState.UNREVIEWED : ReviewQueue.VerdictState.valueOf(v.verdict.name())));
        }
        return ReviewQueue.apply(rows, filter);
    }

    // ------------------------------------------------------------------ one attempt

    @Transactional
    public AttemptReview attempt(UUID attemptId, Actor actor) {
        return view(reviewable(attemptId, actor), true);
    }

    /** The student's own attempt as the review sees it (for an appeal): 404 for anyone else's. */
    @Transactional
    public AttemptReview mine(UUID attemptId, UUID studentId) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !a.studentId().equals(studentId)) throw Problem.notFound("Attempt");
        return view(a, false);
    }

    /** An evidence frame (JPEG) for a reviewer of the exam or the student whose attempt it is. */
    @Transactional
    public byte[] evidence(UUID attemptId, UUID snapshotId, Actor actor) {
        AttemptRecord a = attempts.find(attemptId).orElse(null);
        if (a == null || !(a.studentId().equals(actor.id()) || mayReview(actor, a.examId()))) throw Problem.notFound("Attempt");
        byte[] jpeg = proctoring.reviewEvidenceJpeg(a.id(), snapshotId);
        if (jpeg == null) throw Problem.notFound("Snapshot");
        return jpeg;
    }

    /** The attempt in full; {@code reviewer} false hides who decided (the student's view). */
    AttemptReview view(AttemptRecord a, boolean reviewer) {
        TimelineView t = proctoring.reviewTimeline(a.id());
        ExamRecord exam = examCatalog.find(a.examId()).orElse(null);
        Person student = People.find(a.studentId()).orElse(null);
        Map<String, FlagDecision> decisions = FlagDecision.<FlagDecision>list("attemptId", a.id()).stream()
                .collect(Collectors.toMap(d -> d.flagKey, Function.identity()));
        List<FlagRules.SnapshotRef> snaps = proctoring.reviewEvidence(a.id());
        Instant now = now();
        Map<UUID, String> logins = new HashMap<>();
        Function<UUID, String> who = id -> !reviewer || id == null ? null
                : logins.computeIfAbsent(id, x -> { Person u = People.find(x).orElse(null); return u == null ? null : u.login(); });

        List<FlagReview> flags = new ArrayList<>();
        for (FlagView f : t.flags()) {
            String key = key(f.type(), f.startAt());
            Instant from = f.startAt().minus(EVIDENCE_MARGIN);
            Instant to = (f.endAt() == null ? now : f.endAt()).plus(EVIDENCE_MARGIN);
            List<Evidence> ev = new ArrayList<>();
            if (f.snapshotId() != null) {
                snaps.stream().filter(s -> s.id().equals(f.snapshotId())).findFirst().ifPresent(s -> ev.add(new Evidence(s.id(), s.at())));
            }
            for (FlagRules.SnapshotRef s : snaps) {
                if (ev.size() >= EVIDENCE_PER_FLAG) break;
                if (!s.at().isBefore(from) && !s.at().isAfter(to) && !s.id().equals(f.snapshotId())) ev.add(new Evidence(s.id(), s.at()));
            }
            ev.sort(Comparator.comparing(Evidence::at));
            FlagDecision d = decisions.get(key);
            flags.add(new FlagReview(key, f.type(), f.severity(), f.startAt(), f.endAt(), f.seconds(), f.detail(),
                    ReviewReports.detailWords(readerWords(), f.detail()), f.snapshotId(), ev,
                    d == null ? null : new DecisionView(d.decision.name(), d.comment, who.apply(d.decidedBy), d.decidedAt, d.version)));
        }

        List<TimelineEntry> timeline = new ArrayList<>();
        if (a.startedAt() != null) timeline.add(new TimelineEntry(a.startedAt(), "attempt.started", null, Map.of()));
        if (a.finishedAt() != null) {
            timeline.add(new TimelineEntry(a.finishedAt(), "attempt.ended", a.state().name()
                    + (a.finishReason() == null ? "" : ": " + a.finishReason()), Map.of("state", a.state().name())));
        }
        for (AttemptCatalog.SavedAnswer q : attempts.savedAnswers(a.id())) {
            timeline.add(new TimelineEntry(q.savedAt(), "answer.saved", String.valueOf(q.position()),
                    Map.of("position", q.position(), "answered", q.answered())));
        }
        for (ProctorViews.EventView e : t.events()) {
            String text = e.data().get("text") != null ? String.valueOf(e.data().get("text"))
                    : e.data().get("reason") != null ? String.valueOf(e.data().get("reason")) : null;
            timeline.add(new TimelineEntry(e.at(), e.kind(), text, e.data()));
        }
        for (FlagReview f : flags) {
            timeline.add(new TimelineEntry(f.startAt(), "flag.raised", f.type(), Map.of("key", f.key(), "severity", f.severity())));
        }
        for (ProctorViews.TerminationView x : t.terminations()) {
            timeline.add(new TimelineEntry(x.requestedAt(), "termination." + x.state().toLowerCase(java.util.Locale.ROOT), x.reason(), Map.of()));
        }
        IdentityChecks.CheckRecord check = identityChecks.latest(a.id()).orElse(null);
        IdentityView identity = null;
        if (check != null) {
            identity = new IdentityView(check.status().name(), check.reason() == null ? null : check.reason().name(), check.similarity(),
                    check.faceCount(), check.createdAt(), check.decisionNote());
            timeline.add(new TimelineEntry(check.createdAt(), "identity.check", check.status().name(), Map.of()));
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at));

        ReviewVerdict v = ReviewVerdict.findById(a.id());
        List<RevisionView> history = VerdictRevision.<VerdictRevision>list("attemptId = ?1 order by revision", a.id()).stream()
                .map(r -> new RevisionView(r.revision, r.verdict.name(), r.reason, who.apply(r.decidedBy), r.decidedAt)).toList();
        return new AttemptReview(a.id(), a.examId(), exam == null ? null : exam.title(), a.studentId(),
                student == null ? null : student.fullName(), student == null ? null : student.login(), a.state().name(), a.startedAt(),
                a.finishedAt(), a.percent(), a.letter(), a.pausedSeconds(), t.score(), t.costs(), flags, timeline, identity,
                v == null ? null : new VerdictView(v.verdict.name(), v.reason, who.apply(v.decidedBy), v.decidedAt, v.version),
                history, annulment(v), reviewer);
    }

    static String key(String type, Instant start) {
        return type + "@" + start.toEpochMilli();
    }

    // ------------------------------------------------------------------ decisions

    /** Confirms or dismisses one flag with a comment. Changes nothing in the result (flags are advisory). */
    @Transactional
    public AttemptReview decideFlag(UUID attemptId, String flagKey, ReviewViews.FlagDecisionRequest req, Actor actor) {
        AttemptRecord a = reviewable(attemptId, actor);
        if (req == null) throw Problem.badRequest("FLAG_DECISION_INVALID", "Send decision (CONFIRMED or DISMISSED) and comment");
        FlagDecision.Decision decision;
        try {
            decision = FlagDecision.Decision.valueOf(String.valueOf(req.decision()).trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("FLAG_DECISION_INVALID", "decision is CONFIRMED or DISMISSED");
        }
        String comment = VerdictRules.flagComment(req.comment());
        FlagView flag = proctoring.reviewTimeline(a.id()).flags().stream().filter(f -> key(f.type(), f.startAt()).equals(flagKey))
                .findFirst().orElseThrow(() -> new Problem(404, "FLAG_NOT_FOUND", "The attempt has no such flag"));
        FlagDecision d = FlagDecision.find("attemptId = ?1 and flagKey = ?2", a.id(), flagKey).firstResult();
        VerdictRules.sameVersion(req.version(), d == null ? null : d.version);
        String before = d == null ? null : d.decision.name();
        FlagDecision row = d;
        if (row == null) {
            row = new FlagDecision();
            row.id = UUID.randomUUID();
            row.attemptId = a.id();
            row.examId = a.examId();
            row.flagKey = flagKey;
            row.flagType = flag.type();
            row.flagStart = flag.startAt();
        }
        row.decision = decision;
        row.comment = comment;
        row.decidedBy = actor.id();
        row.decidedAt = now();
        if (d == null) {
            row.persist();
            try {
                FlagDecision.getEntityManager().flush();   // two first decisions at once: one is in, the other told
            } catch (jakarta.persistence.PersistenceException raced) {
                VerdictRules.sameVersion(null, 0);
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("flag", flagKey);
        detail.put("type", flag.type());
        detail.put("decision", decision.name());
        detail.put("comment", comment);
        if (before != null) detail.put("previous", before);
        audit.record(Change.of(decision == FlagDecision.Decision.CONFIRMED ? "review.flag.confirmed" : "review.flag.dismissed",
                "attempt", a.id()).scope(a.examId()).detail(detail));
        flush();
        return view(a, true);
    }

    /** Gives or changes the attempt's verdict (a change needs a new reason; history kept). */
    @Transactional
    public AttemptReview verdict(UUID attemptId, ReviewViews.VerdictRequest req, Actor actor) {
        AttemptRecord a = reviewable(attemptId, actor);
        if (req == null) throw Problem.badRequest("VERDICT_INVALID", "Send verdict and reason");
        Verdict next = VerdictRules.parse(req.verdict());
        ReviewVerdict v = ReviewVerdict.findById(a.id());
        VerdictRules.Current current = v == null ? VerdictRules.Current.NONE : new VerdictRules.Current(v.verdict, v.reason, v.version);
        String reason = VerdictRules.verdict(current, next, req.reason(), req.version(), a.state().isFinished());
        Instant now = now();
        String before = v == null ? null : v.verdict.name();
        if (v == null) {
            v = new ReviewVerdict();
            v.attemptId = a.id();
            v.examId = a.examId();
        }
        v.verdict = next;
        v.reason = reason;
        v.decidedBy = actor.id();
        v.decidedAt = now;
        if (before == null) {
            v.persist();
            // two first verdicts at once both saw none: the attempt's key lets one in; the other is told, as when
            // someone changed an existing verdict meanwhile (audit entries no longer queue changes one behind another)
            try {
                ReviewVerdict.getEntityManager().flush();
            } catch (jakarta.persistence.PersistenceException raced) {
                VerdictRules.sameVersion(null, 0);
            }
        }
        int revision = (int) VerdictRevision.count("attemptId", a.id()) + 1;
        VerdictRevision r = new VerdictRevision();
        r.id = UUID.randomUUID();
        r.attemptId = a.id();
        r.revision = revision;
        r.verdict = next;
        r.reason = reason;
        r.decidedBy = actor.id();
        r.decidedAt = now;
        r.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("verdict", next.name());
        detail.put("reason", reason);
        detail.put("revision", revision);
        if (before != null) detail.put("previous", before);
        if (next == Verdict.ANNULLED || next == Verdict.RESIT) {
            detail.put("result", "annulled");
            detail.put("percent", a.percent() == null ? "" : a.percent().toPlainString());
        }
        if (next == Verdict.RESIT) detail.put("resit", "individual sheet to be issued by the dean (001 §5.34)");
        audit.record(Change.of("review.verdict", "attempt", a.id()).scope(a.examId()).detail(detail));
        flush();
        return view(a, true);
    }

    /** Why the result does not stand (the reason of a verdict ANNULLED or RESIT), or null. */
    static String annulment(ReviewVerdict v) {
        if (v == null || !v.verdict.annulsResult()) return null;
        return v.reason;
    }

    /**
     * Writes now, so that a decision committed by someone else between our read and our write (the version
     * moved, or both inserted the first one) is refused as a conflict instead of overwriting it.
     */
    private static void flush() {
        try {
            ReviewVerdict.getEntityManager().flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new Problem(409, "REVIEW_VERSION_CONFLICT", "Someone else decided this at the same moment: reload and decide again");
        }
    }

    private Instant now() {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
