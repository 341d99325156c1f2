package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AnswerReceipts;
import kz.adal.casework.absence.AbsenceDocument;
import kz.adal.casework.calendar.CalendarService;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.RuleViolation;
import kz.adal.platform.TimeSource;

import kz.adal.casework.AppealViews.AppealView;
import kz.adal.casework.AppealViews.CommissionView;
import kz.adal.casework.AppealViews.Deadlines;
import kz.adal.casework.AppealViews.GradeChangeView;
import kz.adal.casework.AppealViews.Option;
import kz.adal.casework.AppealViews.Person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the appeal pages read: what a student may appeal and their appeals, the appeals and commissions a person
 * deals with, one appeal with its deadlines (001 §6.15.4–6.15.5) and what this person may do, its attachment and the
 * decision's document. Who reads an appeal: the student, the commission, the dean's office and the admin; anyone
 * else is told it does not exist. The commands are {@link AppealService}.
 */
@ApplicationScoped
public class AppealQueries {

    private final CalendarService calendar;
    private final TimeSource time;
    private final GradedSubjects subjects;
    private final AnswerReceipts receipts;
    private final AppealDecisionDocument decisionDocument;

    AppealQueries(CalendarService calendar, TimeSource time, GradedSubjects subjects, AnswerReceipts receipts,
                  AppealDecisionDocument decisionDocument) {
        this.calendar = calendar;
        this.time = time;
        this.subjects = subjects;
        this.receipts = receipts;
        this.decisionDocument = decisionDocument;
    }

    /** The student's graded tests and published oral exams of the last 60 days, with their filing windows. */
    @Transactional
    public List<Option> options(UUID studentId) {
        Instant now = time.now();
        Instant since = now.minus(Duration.ofDays(60));
        List<Option> out = new ArrayList<>();
        for (GradedSubject subject : subjects.all()) {
            for (GradedSubject.Appealable r : subject.appealable(studentId, since, now)) {
                boolean test = Appeal.Kind.valueOf(subject.kind()) == Appeal.Kind.TEST;
                out.add(option(subject.kind(), test ? r.subjectId() : null, test ? null : r.subjectId(), r.title(), r.grade(), r.endedAt(),
                        r.resultAt(), Appeal.about(Appeal.Kind.valueOf(subject.kind()), r.subjectId()), now));
            }
        }
        return out;
    }

    private static Option option(String kind, UUID attemptId, UUID turnId, String title, String grade, Instant ended, Instant result,
                                 Appeal existing, Instant now) {
        if (result == null) {
            return new Option(kind, attemptId, turnId, title, grade, ended, null, null, false, "RESULT_NOT_PUBLISHED", existing == null ? null : existing.id);
        }
        Instant opens = AppealDeadlines.filingOpensAt(ended, result);
        Instant closes = AppealDeadlines.filingClosesAt(ended, result);
        String reason = now.isBefore(opens) ? "RESULT_NOT_PUBLISHED" : now.isAfter(closes) ? "FILING_CLOSED" : null;
        return new Option(kind, attemptId, turnId, title, grade, ended, opens, closes, reason == null, reason,
                existing == null ? null : existing.id);
    }

    @Transactional
    public List<AppealView> mine(UUID studentId) {
        return Appeal.<Appeal>list("studentId = ?1 order by filedAt desc", studentId).stream()
                .map(a -> view(a, studentId)).toList();
    }

    @Transactional
    public List<CommissionView> commissions(Actor caller) {
        UUID userId = caller.id();
        boolean all = caller.has(Role.DEAN) || caller.has(Role.SYSTEM_ADMIN);
        return AppealCommission.<AppealCommission>list("order by createdAt desc").stream()
                .filter(c -> all || c.includes(userId)).map(this::commissionView).toList();
    }

    /** Appeals for the commissions the person sits on (all of them for the dean's office and the admin), overdue first. */
    @Transactional
    public List<AppealView> forCommission(Actor caller) {
        UUID userId = caller.id();
        boolean all = caller.has(Role.DEAN) || caller.has(Role.SYSTEM_ADMIN);
        List<UUID> mine = AppealCommission.<AppealCommission>listAll().stream().filter(c -> c.includes(userId)).map(c -> c.id).toList();
        List<Appeal> list = all ? Appeal.list("order by filedAt desc")
                : mine.isEmpty() ? List.of() : Appeal.list("commissionId in ?1 order by filedAt desc", mine);
        return list.stream().map(a -> view(a, userId))
                .sorted(Comparator.comparing((AppealView v) -> !(v.deadlines().hearingOverdue() || v.deadlines().resultOverdue()))
                        .thenComparing(v -> Appeal.State.DECIDED.name().equals(v.state()))
                        .thenComparing(v -> v.deadlines().hearingDueOn() == null ? LocalDate.MAX : v.deadlines().hearingDueOn()))
                .toList();
    }

    @Transactional
    public AppealView get(UUID id, Actor caller) {
        return view(readable(id, caller), caller.id());
    }

    /**
     * The commission's decision as a signed document ({@link AppealDecisionDocument}), for the student and the
     * commission; only once decided (409 APPEAL_NOT_DECIDED before).
     */
    @Transactional
    public byte[] decisionPdf(UUID id, Actor caller, String lang) {
        Appeal a = readable(id, caller);
        if (!a.isDecided()) throw Problem.conflict("APPEAL_NOT_DECIDED", "The commission has not decided this appeal yet");
        AppealCommission c = a.commissionId == null ? null : AppealCommission.findById(a.commissionId);
        return decisionDocument.pdf(a, c, title(a), a.receipt == null ? null : receipts.check(a.attemptId, a.receipt), lang);
    }

    @Transactional
    public AbsenceDocument attachment(UUID id, Actor caller) {
        Appeal a = readable(id, caller);
        if (a.attachment == null) throw Problem.notFound("Attachment");
        return new AbsenceDocument(a.attachmentName, a.attachmentType, a.attachment);
    }

    private Appeal readable(UUID id, Actor caller) {
        Appeal a = Appeal.findById(id);
        if (a == null) throw Problem.notFound("Appeal");
        if (a.studentId.equals(caller.id()) || caller.has(Role.DEAN) || caller.has(Role.SYSTEM_ADMIN)) return a;
        AppealCommission c = a.commissionId == null ? null : AppealCommission.findById(a.commissionId);
        if (c != null && c.includes(caller.id())) return a;
        throw Problem.notFound("Appeal");
    }

    AppealDeadlines deadlines() {
        return new AppealDeadlines(calendar.calendar(), TimeSource.ZONE);
    }

    Deadlines deadlinesOf(Appeal a) {
        AppealDeadlines d = deadlines();
        LocalDate today = time.today();
        LocalDate hearingDue = null;
        LocalDate resultDue = null;
        String problem = null;
        try {
            hearingDue = d.hearingDueOn(a.filedAt);
            LocalDate heard = a.hearingAt != null ? LocalDate.ofInstant(a.hearingAt, TimeSource.ZONE) : hearingDue;
            resultDue = d.resultDueOn(heard);
        } catch (RuleViolation e) { // the calendar is missing: the view says so instead of a date
            problem = e.getMessage();
        }
        boolean hearingOverdue = a.state == Appeal.State.FILED && hearingDue != null && today.isAfter(hearingDue);
        boolean resultOverdue = a.state != Appeal.State.DECIDED && resultDue != null && today.isAfter(resultDue);
        return new Deadlines(AppealDeadlines.filingClosesAt(a.examEndedAt, a.resultAt), hearingDue, resultDue, a.hearingAt == null,
                problem, hearingOverdue, resultOverdue);
    }

    String title(Appeal a) {
        GradedSubject subject = subjects.of(a.kind);
        return subject.scope(a.scopeId).map(GradedSubject.Scope::title).orElse(subject.unnamed());
    }

    private String currentGrade(Appeal a) {
        return subjects.of(a.kind).currentGrade(a.subjectId());
    }

    AppealView view(Appeal a, UUID viewer) {
        AppealCommission c = a.commissionId == null ? null : AppealCommission.findById(a.commissionId);
        AppealGradeChange g = AppealGradeChange.ofAppeal(a.id);
        People.Person student = People.find(a.studentId).orElse(null);
        AppealSeat myRole = c == null ? null : c.roleOf(viewer);
        boolean maySign = c != null && viewer.equals(c.signer()) && a.state != Appeal.State.DECIDED;
        return new AppealView(a.id, a.kind.name(), a.examId, a.sittingId, a.attemptId, a.turnId, title(a),
                new Person(student.id(), student.fullName()), a.reason, a.attachmentName, a.examEndedAt, a.filedAt, a.state.name(),
                a.hearingAt, a.hearingLink, a.decision == null ? null : a.decision.name(), a.decisionNote, a.signedByName, a.signedAs,
                a.decidedAt, deadlinesOf(a), currentGrade(a),
                g == null ? null : new GradeChangeView(g.beforeValue + " " + g.beforeLetter, g.afterValue + " " + g.afterLetter,
                        g.changedByName, g.changedAt),
                myRole, maySign, a.attemptId == null ? null : "/student/evidence.html?attempt=" + a.attemptId,
                c == null ? null : commissionView(c),
                a.receipt == null ? null : receipts.check(a.attemptId, a.receipt));
    }

    CommissionView commissionView(AppealCommission c) {
        Map<UUID, String> names = People.names(concat(List.of(c.chairId, c.deputyId), new ArrayList<>(c.members)));
        return new CommissionView(c.id, c.examId, c.sittingId, c.title, new Person(c.chairId, names.get(c.chairId)),
                new Person(c.deputyId, names.get(c.deputyId)),
                c.members.stream().map(m -> new Person(m, names.get(m))).toList(), c.chairAbsent, c.absenceNote,
                new Person(c.signer(), names.get(c.signer())));
    }

    static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
