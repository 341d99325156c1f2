package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.bank.BankCatalog;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Fields;
import kz.adal.platform.Problem;
import kz.adal.platform.ProblemMapper;
import kz.adal.platform.RuleViolation;
import kz.adal.platform.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Exam definitions: checked against the kind's rules, the bank, the group and the other exams of the
 * period; created, edited while a draft, published and cancelled — every change audited.
 */
@ApplicationScoped
public class ExamService {
    /** 001 §7.6: at least 100 questions for each intermediate control and attestation. */
    public static final int MIN_ELIGIBLE_POOL = 100;
    static final String PERIOD_PATTERN = "\\d{4}-\\d{4}/[1-3]";

    private final BankCatalog catalog;
    private final AuditTrail audit;
    private final TimeSource time;
    private final CurrentUser me;
    private final EntityManager em;
    private final ResultHolds holds;

    ExamService(BankCatalog catalog, AuditTrail audit, TimeSource time, CurrentUser me, EntityManager em, ResultHolds holds) {
        this.holds = holds;
        this.catalog = catalog;
        this.audit = audit;
        this.time = time;
        this.me = me;
        this.em = em;
    }

    /** {@link #check(ExamRequest, UUID, String)} worded in English (saving refuses bad fields before it is asked). */
    @Transactional
    public List<ExamProblem> check(ExamRequest r, UUID excludeExamId) {
        return check(r, excludeExamId, "en");
    }

    /**
     * Every problem with the definition, in order: the request's own fields first (its constraints, worded in
     * {@code lang} as a refusal would be), then the kind's limits, the window, bank, group and period.
     */
    @Transactional
    public List<ExamProblem> check(ExamRequest request, UUID excludeExamId, String lang) {
        List<ExamProblem> problems = new ArrayList<>();
        ExamRequest r = request == null ? Fields.empty(ExamRequest.class) : request;   // no body: every field missing
        Set<String> badFields = new HashSet<>();
        Fields.violations(r, ExamRequest.class).stream().map(v -> ProblemMapper.FieldProblem.of(v, lang))
                .sorted(java.util.Comparator.comparing(ProblemMapper.FieldProblem::field)).forEach(f -> {
                    badFields.add(f.field());
                    problems.add(ExamProblem.invalid(f.field(), f.code(), f.message()));
                });
        Duration duration = null;
        if (r.kind() != null) {
            ExamLimits limits = null;
            if (java.util.Collections.disjoint(badFields, ExamRequest.LIMIT_FIELDS)) {   // a field's own refusal says it once
                try {
                    limits = limits(r);
                    ExamRules.checkLimits(r.kind(), limits);
                } catch (RuleViolation e) { // collected with the other field problems, answered together
                    problems.add(ExamProblem.invalid(limitField(e.code()), e.code(), e.getMessage()));
                }
            }
            if (limits != null) duration = limits.duration();
            try {
                ExamRules.checkDelivery(r.kind(), delivery(r), r.deliveryReason());
            } catch (RuleViolation e) { // collected with the other field problems, answered together
                problems.add(ExamProblem.invalid(e.code().endsWith("REASON_REQUIRED") ? "deliveryReason" : "deliveryMode",
                        e.code(), e.getMessage()));
            }
        }
        boolean windowOk = false;
        if (r.opensAt() == null || r.closesAt() == null) {
            // the fields' own constraints said which is missing
        } else if (!r.closesAt().isAfter(r.opensAt())) {
            problems.add(ExamProblem.invalid("closesAt", "WINDOW_INVALID", "The window must close after it opens"));
        } else if (!r.closesAt().isAfter(time.now())) {
            problems.add(ExamProblem.invalid("closesAt", "WINDOW_IN_PAST", "The window closes in the past"));
        } else if (duration != null && Duration.between(r.opensAt(), r.closesAt()).compareTo(duration) < 0) {
            problems.add(ExamProblem.invalid("closesAt", "WINDOW_TOO_SHORT",
                    "The window is shorter than the exam's " + duration.toMinutes() + " minutes"));
        } else if (Duration.between(r.opensAt(), r.closesAt()).toDays() > 120) {
            problems.add(ExamProblem.invalid("closesAt", "WINDOW_TOO_LONG", "A window longer than 120 days is not an exam window"));
        } else {
            windowOk = true;
        }
        if (r.resultsVisibleAt() != null && r.opensAt() != null && r.resultsVisibleAt().isBefore(r.opensAt())) {
            problems.add(ExamProblem.invalid("resultsVisibleAt", "RESULTS_BEFORE_OPEN", "Results can't be shown before the window opens"));
        }

        // the group and its language of instruction (001 §5.23.5)
        Set<String> groupLanguages = new TreeSet<>();
        if (!blank(r.groupCode())) {
            List<Person> students = groupStudents(r.groupCode().trim());
            if (students.isEmpty()) {
                problems.add(ExamProblem.invalid("groupCode", "GROUP_UNKNOWN", "No student is in group " + r.groupCode().trim()));
            }
            students.forEach(s -> groupLanguages.add(s.instructionLanguage() == null ? "?" : s.instructionLanguage()));
        }

        // the bank: approved, reviewed for every day of the window, in the group's language, enough questions
        String discipline = blank(r.discipline()) ? null : r.discipline().trim();
        if (r.bankVersionId() != null) {
            BankCatalog.UsableVersion usable = null;
            if (windowOk) {
                try {
                    for (LocalDate day : days(r.opensAt(), r.closesAt())) usable = catalog.requireUsable(r.bankVersionId(), day);
                } catch (Problem p) {
                    usable = null;
                    problems.add(new ExamProblem("bankVersionId", p.code(), p.getMessage(), p.status()));
                }
            } else {
                try {
                    usable = catalog.requireUsable(r.bankVersionId(), time.today());
                } catch (Problem p) {
                    problems.add(new ExamProblem("bankVersionId", p.code(), p.getMessage(), p.status()));
                }
            }
            if (usable != null) {
                if (!groupLanguages.isEmpty() && !groupLanguages.equals(Set.of(usable.language()))) {
                    problems.add(ExamProblem.conflict("bankVersionId", "BANK_LANGUAGE_MISMATCH",
                            "The bank is in '" + usable.language() + "' but group " + r.groupCode().trim()
                                    + " is taught in " + groupLanguages + "; questions must be in the language of instruction (001 §5.23.5)"));
                }
                if (discipline == null) {
                    discipline = usable.discipline();
                } else if (!discipline.equalsIgnoreCase(usable.discipline().trim())) {
                    problems.add(ExamProblem.conflict("discipline", "DISCIPLINE_MISMATCH",
                            "The bank's passport is for '" + usable.discipline() + "', not '" + discipline + "' (001 §5.22)"));
                }
                Set<String> known = new HashSet<>(catalog.topics(r.bankVersionId()));
                Set<String> topics = topics(r);
                Set<String> unknown = new TreeSet<>(topics);
                unknown.removeAll(known);
                if (!unknown.isEmpty()) {
                    problems.add(ExamProblem.invalid("topics", "TOPIC_UNKNOWN", "The bank has no topic " + unknown));
                } else {
                    int pool = catalog.pool(r.bankVersionId(), topics).size();
                    if (pool < MIN_ELIGIBLE_POOL) {
                        problems.add(ExamProblem.conflict("topics", "POOL_TOO_SMALL",
                                "The topics covered so far hold " + pool + " questions; the eligible pool must hold at least "
                                        + MIN_ELIGIBLE_POOL + " (001 §7.6)"));
                    } else if (r.questionCount() != null && r.questionCount() > pool) {
                        problems.add(ExamProblem.invalid("questionCount", "QUESTIONS_EXCEED_POOL",
                                "The eligible pool holds only " + pool + " questions"));
                    }
                }
            }
        }

        // one intermediate attestation per discipline and period for a group (001 §5.20.3)
        if (r.kind() == AssessmentKind.INTERMEDIATE_ATTESTATION && discipline != null && !blank(r.groupCode())
                && !blank(r.academicPeriod())) {
            String key = attestationKey(discipline, r.groupCode().trim(), r.academicPeriod().trim());
            long others = excludeExamId == null ? Exam.count("attestationKey", key)
                    : Exam.count("attestationKey = ?1 and id <> ?2", key, excludeExamId);
            if (others > 0) {
                problems.add(ExamProblem.conflict("kind", "ATTESTATION_EXISTS", "Group " + r.groupCode().trim()
                        + " already has an intermediate attestation in " + discipline + " for " + r.academicPeriod().trim()
                        + "; one test per discipline and period (001 §5.20.3)"));
            }
        }
        return problems;
    }

    @Transactional
    public ExamView create(ExamRequest request) {
        ExamRequest r = Fields.check(request, ExamRequest.class);
        requireNoProblems(check(r, null));
        Exam e = new Exam();
        e.createdBy = me.id();
        e.createdAt = time.now();
        fill(e, r);
        e.persist();
        flushGuarded();
        audit.record(Change.of("exam.created", "exam", e.id).scope(e.id).after(ExamView.of(e))
                .detail(Map.of("kind", e.kind.name(), "group", e.groupCode, "period", e.academicPeriod)));
        return ExamView.of(e);
    }

    @Transactional
    public ExamView update(UUID id, ExamRequest request) {
        Exam e = requireManageable(id);
        e.requireEditable();
        ExamRequest r = Fields.check(request, ExamRequest.class);
        requireNoProblems(check(r, id));
        ExamView before = ExamView.of(e);
        fill(e, r);
        flushGuarded();
        audit.record(Change.of("exam.updated", "exam", e.id).scope(e.id).before(before).after(ExamView.of(e)));
        return ExamView.of(e);
    }

    /** Publishing checks the definition again: the bank's review may have expired since. */
    @Transactional
    public ExamView publish(UUID id) {
        Exam e = requireManageable(id);
        e.requirePublishable();
        requireNoProblems(check(requestOf(e), id));
        e.publish(time.now());
        audit.record(Change.of("exam.published", "exam", e.id).scope(e.id));
        return ExamView.of(e);
    }

    /** Why an exam is cancelled; kept with it. */
    public record ReasonRequest(@jakarta.validation.constraints.NotBlank(message = "is required") String reason) {}

    @Transactional
    public ExamView cancel(UUID id, String reason) {
        Exam e = requireManageable(id);
        e.requireCancellable();
        Fields.check(new ReasonRequest(reason), ReasonRequest.class);
        e.cancel(reason.trim(), time.now());
        audit.record(Change.of("exam.cancelled", "exam", e.id).scope(e.id).detail(Map.of("reason", e.cancelReason)));
        return ExamView.of(e);
    }

    /**
     * Shows results from now on (when the definition left the moment open, or to show them earlier) — but
     * never while anyone admitted can still sit the exam: then 409 RESULTS_HELD says why and {@code until} when.
     */
    @Transactional(dontRollbackOn = Problem.class)
    public ExamView releaseResults(UUID id) {
        Exam e = requireManageable(id);
        var hold = holds.holdFor(e, time.now());
        if (hold.isPresent()) throw ResultHolds.refusal("RESULTS_HELD", hold.get(), me.language());
        e.resultsVisibleAt = time.now();
        audit.record(Change.of("exam.results-released", "exam", e.id).scope(e.id));
        return ExamView.of(e);
    }

    @Transactional
    public List<ExamView> list() {
        List<Exam> exams = seesAll() ? Exam.list("order by opensAt desc")
                : Exam.list("createdBy = ?1 order by opensAt desc", me.id());
        return exams.stream().map(ExamView::of).toList();
    }

    @Transactional
    public ExamView get(UUID id) {
        return ExamView.of(requireVisible(id));
    }

    /** Heads of department, administrators, deans and registrars see every exam; a teacher sees their own. */
    boolean seesAll() {
        return me.has(Role.HEAD_OF_DEPARTMENT) || me.has(Role.SYSTEM_ADMIN) || me.has(Role.DEAN) || me.has(Role.REGISTRAR);
    }

    Exam requireVisible(UUID id) {
        Exam e = Exam.findById(id);
        if (e == null) throw Problem.notFound("Exam");
        if (!seesAll() && !e.createdBy.equals(me.id())) throw Problem.forbidden("This exam belongs to another teacher");
        return e;
    }

    /**
     * The check of {@link #requireManageable} for exam's sub-packages (exam.seb), which do not see the entity: throws
     * unless the exam exists and the caller is its author, a head of department or an administrator.
     */
    public void checkManageable(UUID id) {
        requireManageable(id);
    }

    /** The exam's author, a head of department or an administrator. */
    Exam requireManageable(UUID id) {
        Exam e = Exam.findById(id);
        if (e == null) throw Problem.notFound("Exam");
        if (!e.createdBy.equals(me.id()) && !me.has(Role.HEAD_OF_DEPARTMENT) && !me.has(Role.SYSTEM_ADMIN)) {
            throw Problem.forbidden("Only the exam's author or a head of department may change it");
        }
        return e;
    }

    // --- what the form offers ---

    public record GroupOption(String groupCode, String language, long students) {}

    public record TopicCount(String topic, long questions) {}

    public record BankOption(UUID versionId, String title, int number, String discipline, String language,
                             LocalDate reviewValidUntil, List<TopicCount> topics) {}

    @Transactional
    public List<GroupOption> groups() {
        List<Person> students = People.groupedStudents();
        Map<String, List<Person>> byGroup = new java.util.TreeMap<>();
        students.forEach(s -> byGroup.computeIfAbsent(s.groupCode(), g -> new ArrayList<>()).add(s));
        List<GroupOption> out = new ArrayList<>();
        byGroup.forEach((g, list) -> {
            Set<String> langs = new TreeSet<>();
            list.forEach(s -> langs.add(s.instructionLanguage() == null ? "?" : s.instructionLanguage()));
            out.add(new GroupOption(g, String.join("/", langs), list.size()));
        });
        return out;
    }

    /** Bank versions usable today, with their topics and how many questions each holds. */
    @Transactional
    public List<BankOption> banks() {
        List<BankOption> out = new ArrayList<>();
        for (UUID versionId : catalog.approvedVersions()) {
            BankCatalog.UsableVersion u;
            try {
                u = catalog.requireUsable(versionId, time.today());
            } catch (Problem p) {
                continue;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            catalog.pool(versionId, Set.of()).forEach(q -> counts.merge(q.topic() == null ? "" : q.topic(), 1L, Long::sum));
            List<TopicCount> topics = counts.entrySet().stream().filter(x -> !x.getKey().isEmpty())
                    .sorted(Map.Entry.comparingByKey(ExamService::naturally))
                    .map(x -> new TopicCount(x.getKey(), x.getValue())).toList();
            out.add(new BankOption(u.versionId(), u.title(), u.number(), u.discipline(), u.language(), u.reviewValidUntil(), topics));
        }
        out.sort(java.util.Comparator.comparing(BankOption::title));
        return out;
    }

    // --- helpers ---

    static List<Person> groupStudents(String groupCode) {
        return People.groupStudents(groupCode);
    }

    static String attestationKey(String discipline, String group, String period) {
        return discipline.trim().toLowerCase(Locale.ROOT) + "|" + group.trim() + "|" + period.trim();
    }

    private void fill(Exam e, ExamRequest r) {
        ExamLimits limits = limits(r);
        e.title = r.title().trim();
        e.kind = r.kind();
        e.groupCode = r.groupCode().trim();
        e.academicPeriod = r.academicPeriod().trim();
        e.bankVersionId = r.bankVersionId();
        e.discipline = blank(r.discipline()) ? catalog.requireUsable(r.bankVersionId(), time.today()).discipline() : r.discipline().trim();
        e.topics.clear();
        e.topics.addAll(topics(r));
        e.questionCount = limits.questionCount();
        e.durationMinutes = (int) limits.duration().toMinutes();
        e.attemptsAllowed = limits.attempts();
        e.multipleCorrectRule = r.multipleCorrectRule() == null ? MultipleCorrectRule.ALL_OR_NOTHING : r.multipleCorrectRule();
        e.opensAt = r.opensAt();
        e.closesAt = r.closesAt();
        e.lateStartPolicy = r.lateStartPolicy() == null ? LateStartPolicy.REFUSE_AFTER_CLOSE_MINUS_DURATION : r.lateStartPolicy();
        e.resultsVisibleAt = r.resultsVisibleAt();
        e.deliveryMode = delivery(r);
        e.deliveryReason = e.deliveryMode == DeliveryMode.SUPERVISED_ON_CAMPUS ? r.deliveryReason().trim() : null;
        e.attestationKey = e.kind == AssessmentKind.INTERMEDIATE_ATTESTATION
                ? attestationKey(e.discipline, e.groupCode, e.academicPeriod) : null;
    }

    static ExamRequest requestOf(Exam e) {
        return new ExamRequest(e.title, e.kind, e.discipline, e.groupCode, e.academicPeriod, e.bankVersionId, e.topics,
                e.questionCount, e.durationMinutes, e.attemptsAllowed, e.multipleCorrectRule, e.opensAt, e.closesAt,
                e.lateStartPolicy, e.resultsVisibleAt, e.deliveryMode, e.deliveryReason);
    }

    /** The database's unique attestation key catches two simultaneous creations the check could not see. */
    private void flushGuarded() {
        try {
            em.flush();
        } catch (PersistenceException ex) {
            throw Problem.conflict("ATTESTATION_EXISTS",
                    "This group already has an intermediate attestation in this discipline and period (001 §5.20.3)");
        }
    }

    private static void requireNoProblems(List<ExamProblem> problems) {
        if (problems.isEmpty()) return;
        ExamProblem first = problems.get(0);
        throw new Problem(first.status(), first.code(), first.message(), problems);
    }

    private static ExamLimits limits(ExamRequest r) {
        ExamLimits d = r.kind().defaultLimits();
        return new ExamLimits(r.questionCount() == null ? d.questionCount() : r.questionCount(),
                r.durationMinutes() == null ? d.duration() : Duration.ofMinutes(r.durationMinutes()),
                r.attemptsAllowed() == null ? d.attempts() : r.attemptsAllowed());
    }

    private static String limitField(String code) {
        if (code.contains("QUESTION")) return "questionCount";
        if (code.contains("DURATION")) return "durationMinutes";
        if (code.contains("ATTEMPT")) return "attemptsAllowed";
        return "questionCount";
    }

    private static DeliveryMode delivery(ExamRequest r) {
        return r.deliveryMode() == null ? DeliveryMode.REMOTE_PROCTORED : r.deliveryMode();
    }

    private static Set<String> topics(ExamRequest r) {
        Set<String> out = new TreeSet<>();
        if (r.topics() != null) r.topics().stream().filter(t -> !blank(t)).map(String::trim).forEach(out::add);
        return out;
    }

    static List<LocalDate> days(Instant opens, Instant closes) {
        LocalDate first = LocalDate.ofInstant(opens, TimeSource.ZONE);
        LocalDate last = LocalDate.ofInstant(closes.minusNanos(1), TimeSource.ZONE);
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) out.add(d);
        return out;
    }

    /** week-2 before week-10. */
    static int naturally(String a, String b) {
        String na = a.replaceAll("\\D+", ""), nb = b.replaceAll("\\D+", "");
        String pa = a.replaceAll("\\d+", ""), pb = b.replaceAll("\\d+", "");
        if (pa.equals(pb) && !na.isEmpty() && !nb.isEmpty() && na.length() < 10 && nb.length() < 10) {
            return Long.compare(Long.parseLong(na), Long.parseLong(nb));
        }
        return a.compareTo(b);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
