package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AnswerReceipts;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.casework.absence.AbsenceDocument;
import kz.adal.casework.inbox.Inbox;
import kz.adal.casework.inbox.PostedNotice;
import kz.adal.casework.inbox.WithNotices;
import kz.adal.grading.GradeChange;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import kz.adal.casework.AppealViews.AppealView;
import kz.adal.casework.AppealViews.CommissionView;
import kz.adal.casework.AppealViews.Deadlines;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.adal.casework.AppealQueries.concat;

/**
 * Appeals (001 §6.15.4–6.15.5), for tests and for the oral exam, the commands:
 * <ul>
 *   <li>filing within 48 calendar hours after the exam was held ({@link AppealDeadlines#checkFiling}); for a
 *       test, from the later of the attempt's end and the results' publication; for the oral exam, from the
 *       later of the answer's end and the chair's announcement;</li>
 *   <li>to the appeal commission's chair — the deputy chair signs while the chair is marked absent;</li>
 *   <li>the hearing within 2 working days of receipt (scheduling later is refused), the result to the
 *       student within 1 working day after it (shown; overdue highlighted);</li>
 *   <li>upheld → the grade changes only through the explicit audited method of the attempt or oral
 *       feature, and the change is kept as an {@link AppealGradeChange} with before and after.</li>
 * </ul>
 * Everything is audited in the exam's (test) or sitting's (oral) scope; the student is told in the app
 * and by e-mail ({@link Inbox}). What differs between a test attempt and an oral turn is asked of the appeal's
 * {@link GradedSubject}. What pages read is {@link AppealQueries}; what other features ask of appeals,
 * {@link AppealRecordingHolds} and {@link AppealReportSection}.
 */
@ApplicationScoped
public class AppealService {

    public static final String CASE_TYPE = "appeal";

    /** @param receipt the answer receipt the student holds (its JSON file or the signed JWS in it), optional: the commission sees whether the stored answers match it */
    public record FileRequest(String kind, UUID attemptId, UUID turnId, String reason, String attachmentName, String attachmentBase64,
                              String receipt) {}

    public record CommissionRequest(UUID examId, UUID sittingId, String title, UUID chairId, UUID deputyId, List<UUID> memberIds) {}

    public record HearingRequest(Instant at, String link) {}

    public record DecisionRequest(String decision, String note, BigDecimal newPercent, Integer newPoints) {}

    public record AbsenceRequest(Boolean absent, String note) {}

    private final AuditTrail audit;
    private final TimeSource time;
    private final Inbox inbox;
    private final GradedSubjects subjects;
    private final kz.adal.platform.Links links;
    private final AnswerReceipts receipts;
    private final AppealQueries read;

    AppealService(AuditTrail audit, TimeSource time, Inbox inbox, GradedSubjects subjects, kz.adal.platform.Links links,
                  AnswerReceipts receipts, AppealQueries read) {
        this.audit = audit;
        this.time = time;
        this.inbox = inbox;
        this.subjects = subjects;
        this.links = links;
        this.receipts = receipts;
        this.read = read;
    }

    private static String languageOf(UUID userId) {
        People.Person u = People.find(userId).orElse(null);
        return u == null ? "kk" : u.uiLanguage();
    }

    /** Files an appeal; refused after the 48 hours with the reason and the closing time. */
    @Transactional
    public WithNotices<AppealView> file(UUID studentId, FileRequest r) {
        if (r == null) throw Problem.badRequest("APPEAL_EMPTY", "Say which exam you appeal and why");
        String reason = r.reason() == null ? "" : r.reason().strip();
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        Instant now = time.now();
        Appeal.Kind kind = r.attemptId() != null ? Appeal.Kind.TEST : r.turnId() != null ? Appeal.Kind.ORAL : null;
        if (kind == null) throw Problem.badRequest("APPEAL_SUBJECT", "Choose the test attempt or the oral exam you appeal");
        GradedSubject subject = subjects.of(kind);
        GradedSubject.Appealable appealed = subject.toAppeal(studentId, kind == Appeal.Kind.TEST ? r.attemptId() : r.turnId());
        if (Appeal.about(kind, appealed.subjectId()) != null) throw Problem.conflict("APPEAL_EXISTS", "You have already appealed this result");
        a.of(kind, appealed.subjectId(), appealed.scopeId(), appealed.endedAt(), appealed.resultAt());
        AppealDeadlines.checkFiling(now, a.examEndedAt, a.resultAt);
        if (reason.isEmpty()) throw Problem.badRequest("APPEAL_REASON_REQUIRED", "State the concrete reason of the appeal (001 §6.15.4)");
        if (reason.length() > 4000) throw Problem.badRequest("APPEAL_REASON_TOO_LONG", "The reason is limited to 4000 characters");
        AbsenceDocument doc = AbsenceDocument.of(r.attachmentName(), r.attachmentBase64(), false);
        a.studentId = studentId;
        a.reason = reason;
        a.receipt = receiptJws(r.receipt());
        if (a.receipt != null && !subject.takesAnswerReceipt()) {
            throw Problem.badRequest("APPEAL_RECEIPT_NOT_A_TEST", "An answer receipt belongs to a test attempt");
        }
        if (doc != null) {
            a.attachment = doc.bytes();
            a.attachmentName = doc.name();
            a.attachmentType = doc.type();
        }
        a.filedAt = now;
        AppealCommission c = AppealCommission.forScope(a.scopeId);
        a.commissionId = c == null ? null : c.id;
        a.persist();
        audit.record(Change.of("appeal.filed", "appeal", a.id).scope(a.scopeId)
                .detail(Map.of("kind", a.kind.name(), "subject", String.valueOf(a.attemptId != null ? a.attemptId : a.turnId),
                        "reason", reason, "attachment", doc == null ? "" : doc.name(), "commission", String.valueOf(a.commissionId),
                        "receipt", a.receipt == null ? "" : String.valueOf(receipts.check(a.attemptId, a.receipt).match()))));
        People.Person student = People.find(studentId).orElse(null);
        List<UUID> to = new ArrayList<>();
        if (c != null) {
            to.add(c.signer());
            to.add(c.chairAbsent ? c.chairId : c.deputyId);
        } else {
            to.addAll(People.withRole(Role.DEAN).stream().map(u -> u.id()).toList());
        }
        String title = read.title(a);
        List<PostedNotice> notices = inbox.post(to, Inbox.Message.worded("appeal.filed", "appeal.filed",
                "/casework/appeal-chair.html?id=" + a.id, CASE_TYPE, a.id,
                Map.of("title", title, "student", student.fullName(), "reason", reason, "noCommission", c == null)), true);
        return new WithNotices<>(read.view(a, studentId), notices);
    }

    @Transactional
    public WithNotices<CommissionView> createCommission(UUID actor, CommissionRequest r) {
        if (r == null || (r.examId() == null) == (r.sittingId() == null)) {
            throw Problem.badRequest("COMMISSION_SCOPE", "An appeal commission serves one exam or one oral sitting: give exactly one");
        }
        GradedSubject subject = subjects.of(r.examId() != null ? Appeal.Kind.TEST : Appeal.Kind.ORAL);
        UUID scope = r.examId() != null ? r.examId() : r.sittingId();
        if (subject.scope(scope).isEmpty()) throw Problem.notFound(subject.scopeNoun());
        if (r.chairId() == null || r.deputyId() == null) throw Problem.badRequest("COMMISSION_CHAIR", "Name the chair and the deputy chair");
        if (r.chairId().equals(r.deputyId())) throw new Problem(422, "COMMISSION_DEPUTY_IS_CHAIR", "The deputy chair must be another person");
        List<UUID> members = r.memberIds() == null ? List.of() : r.memberIds().stream().distinct()
                .filter(m -> !m.equals(r.chairId()) && !m.equals(r.deputyId())).toList();
        for (UUID id : concat(List.of(r.chairId(), r.deputyId()), members)) {
            People.Person u = People.find(id).orElse(null);
            if (u == null) throw Problem.notFound("Person " + id);
            if (u.has(Role.STUDENT)) throw new Problem(422, "COMMISSION_STUDENT", u.fullName() + " is a student and can't sit on the appeal commission");
        }
        requireIndependent(subject.graders(scope), r, members);
        if (AppealCommission.forScope(scope) != null) throw Problem.conflict("COMMISSION_EXISTS", "This exam already has an appeal commission");
        AppealCommission c = new AppealCommission();
        c.id = UUID.randomUUID();
        c.examId = r.examId();
        c.sittingId = r.sittingId();
        c.title = r.title() == null || r.title().isBlank() ? "Appeal commission" : r.title().strip();
        c.chairId = r.chairId();
        c.deputyId = r.deputyId();
        c.members.addAll(members);
        c.createdBy = actor;
        c.createdAt = time.now();
        c.persist();
        List<Appeal> waiting = Appeal.list("scopeId = ?1 and commissionId is null", scope);
        waiting.forEach(a -> a.commissionId = c.id);
        audit.record(Change.of("appeal-commission.created", "appeal-commission", c.id).scope(scope)
                .detail(Map.of("chair", c.chairId.toString(), "deputy", c.deputyId.toString(),
                        "members", members.stream().map(UUID::toString).toList(), "appealsAttached", waiting.size())));
        List<PostedNotice> notices = waiting.isEmpty() ? List.of() : inbox.post(List.of(c.chairId, c.deputyId),
                Inbox.Message.worded("appeal.filed", "appeal.waiting", "/casework/appeal-chair.html", CASE_TYPE, waiting.get(0).id,
                        Map.of("count", waiting.size())), true);
        return new WithNotices<>(read.commissionView(c), notices);
    }

    /** Marks the chair absent (the deputy signs) or back; by the dean's office, the admin or the chair. */
    @Transactional
    public CommissionView chairAbsence(Actor caller, UUID commissionId, AbsenceRequest r) {
        UUID actor = caller.id();
        AppealCommission c = AppealCommission.findById(commissionId);
        if (c == null) throw Problem.notFound("Appeal commission");
        if (!(caller.has(Role.DEAN) || caller.has(Role.SYSTEM_ADMIN) || c.chairId.equals(actor))) {
            throw Problem.forbidden("The dean's office, the admin or the chair marks the chair absent");
        }
        if (r == null || r.absent() == null) throw Problem.badRequest("COMMISSION_ABSENT", "Say whether the chair is absent");
        c.chairAbsent = r.absent();
        c.absenceNote = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        audit.record(Change.of(c.chairAbsent ? "appeal-commission.chair-absent" : "appeal-commission.chair-back", "appeal-commission", c.id)
                .scope(c.scopeId()).detail(Map.of("note", c.absenceNote == null ? "" : c.absenceNote)));
        return read.commissionView(c);
    }

    /** Sets the online hearing; refused after the 2-working-day deadline (001 §6.15.5). */
    @Transactional
    public WithNotices<AppealView> scheduleHearing(UUID id, Actor caller, HearingRequest r) {
        UUID actor = caller.id();
        Appeal a = Appeal.findById(id);
        if (a == null) throw Problem.notFound("Appeal");
        AppealCommission c = signerCommission(a, actor, "sets the hearing");
        a.requireHearingCanBeSet();
        if (r == null || r.at() == null) throw Problem.badRequest("APPEAL_HEARING_TIME", "Give the date and time of the hearing");
        // the student opens this link with their token in the page: only a safe https address (no javascript:)
        String link = links.optional(r.link(), "APPEAL_HEARING_LINK_INVALID", "link", languageOf(actor));
        AppealDeadlines d = read.deadlines();
        LocalDate due = d.hearingDueOn(a.filedAt); // refused (409) while the year's working calendar is missing
        LocalDate on = LocalDate.ofInstant(r.at(), TimeSource.ZONE);
        if (on.isAfter(due)) {
            throw new Problem(422, "APPEAL_HEARING_LATE", "The hearing must be held by " + due + " (2 working days after receipt on "
                    + LocalDate.ofInstant(a.filedAt, TimeSource.ZONE) + ", 001 §6.15.5); " + on + " is too late.",
                    List.of(Map.of("hearingDueOn", due.toString())));
        }
        if (on.isBefore(LocalDate.ofInstant(a.filedAt, TimeSource.ZONE))) {
            throw new Problem(422, "APPEAL_HEARING_BEFORE_RECEIPT", "The hearing can't be before the appeal was received");
        }
        Instant before = a.hearingAt;
        a.setHearing(r.at(), link, actor);
        audit.record(Change.of("appeal.hearing-set", "appeal", a.id).scope(a.scopeId)
                .detail(Map.of("at", a.hearingAt.toString(), "dueOn", due.toString(), "before", String.valueOf(before),
                        "by", c.roleOf(actor).name())));
        List<UUID> to = concat(List.of(a.studentId, c.chairId, c.deputyId), new ArrayList<>(c.members));
        to.remove(actor);
        List<PostedNotice> notices = inbox.post(to, Inbox.Message.worded("appeal.hearing", "appeal.hearing",
                "/casework/appeal.html?id=" + a.id, CASE_TYPE, a.id,
                Map.of("title", read.title(a), "at", a.hearingAt, "hearingLink", a.hearingLink == null ? "" : a.hearingLink)), true);
        return new WithNotices<>(read.view(a, actor), notices);
    }

    /** The commission's decision, signed by the chair (or the deputy while the chair is absent). */
    @Transactional
    public WithNotices<AppealView> decide(UUID id, Actor caller, DecisionRequest r) {
        UUID actor = caller.id();
        Appeal a = Appeal.findById(id);
        if (a == null) throw Problem.notFound("Appeal");
        AppealCommission c = signerCommission(a, actor, "signs the decision");
        a.requireDecidable();
        if (time.now().isBefore(a.hearingAt)) {
            // the commission decides at the hearing it holds (001 §6.15.5), not before it
            throw new Problem(409, "APPEAL_BEFORE_HEARING", "The hearing is set for "
                    + a.hearingAt.atZone(TimeSource.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ')
                    + " (" + TimeSource.ZONE + "): the decision is recorded after it is held (001 §6.15.5)",
                    List.of(Map.of("hearingAt", a.hearingAt.toString())));
        }
        if (r == null || r.decision() == null) throw Problem.badRequest("APPEAL_DECISION", "Choose UPHELD or REJECTED");
        Appeal.Decision decision;
        try {
            decision = Appeal.Decision.valueOf(r.decision());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("APPEAL_DECISION", "Choose UPHELD or REJECTED");
        }
        String note = r.note() == null ? "" : r.note().strip();
        if (note.isEmpty()) throw Problem.badRequest("APPEAL_DECISION_NOTE", "Give the commission's reasons");
        GradedSubject subject = subjects.of(a.kind);
        boolean newGrade = subject.carriesNewGrade(r);
        if (decision == Appeal.Decision.REJECTED && newGrade) {
            throw Problem.badRequest("APPEAL_REJECTED_KEEPS_GRADE", "A rejected appeal leaves the grade as it is");
        }
        if (decision == Appeal.Decision.UPHELD && !newGrade) {
            throw Problem.badRequest("APPEAL_NEW_GRADE_REQUIRED", subject.newGradeRequired());
        }
        People.Person signer = People.find(actor).orElse(null);
        Instant now = time.now();
        AppealGradeChange change = null;
        if (decision == Appeal.Decision.UPHELD) {
            change = new AppealGradeChange();
            change.id = UUID.randomUUID();
            change.appealId = a.id;
            GradeChange g = subject.changeGradeOnAppeal(a.subjectId(), r, a.id, note);
            change.attemptId = a.attemptId; // one of the two is set, as on the appeal
            change.turnId = a.turnId;
            change.beforeValue = g.before();
            change.beforeLetter = g.beforeLetter();
            change.afterValue = g.after();
            change.afterLetter = g.afterLetter();
            change.changedBy = actor;
            change.changedByName = signer.fullName();
            change.changedAt = now;
            change.reason = note;
            change.persist();
        }
        a.decide(decision, note, actor, signer.fullName(), c.roleOf(actor), now);
        Deadlines d = read.deadlinesOf(a);
        boolean late = d.resultDueOn() != null && LocalDate.ofInstant(now, TimeSource.ZONE).isAfter(d.resultDueOn());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision.name());
        detail.put("note", note);
        detail.put("signedAs", a.signedAs.name());
        detail.put("resultDueOn", String.valueOf(d.resultDueOn()));
        detail.put("late", late);
        if (change != null) {
            detail.put("gradeBefore", change.beforeValue + " " + change.beforeLetter);
            detail.put("gradeAfter", change.afterValue + " " + change.afterLetter);
        }
        audit.record(Change.of("appeal.decided", "appeal", a.id).scope(a.scopeId).detail(detail));
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("upheld", decision == Appeal.Decision.UPHELD);
        words.put("title", read.title(a));
        words.put("note", note == null ? "" : note);
        words.put("changed", change != null);
        words.put("before", change == null ? "" : change.beforeValue + " " + change.beforeLetter);
        words.put("after", change == null ? "" : change.afterValue + " " + change.afterLetter);
        words.put("signer", signer.fullName());
        words.put("deputy", a.signedAs == AppealSeat.DEPUTY_CHAIR);
        List<PostedNotice> notices = inbox.post(List.of(a.studentId), Inbox.Message.worded("appeal.decided", "appeal.decided",
                "/casework/appeal.html?id=" + a.id, CASE_TYPE, a.id, words), true);
        return new WithNotices<>(read.view(a, actor), notices);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The appeal commission re-examines what the examiners did (001 §6.15.4), so nobody who graded sits on it:
     * for an oral sitting, its commission's chair and members and the head who ran the draw; for a test, the
     * teacher who set it.
     */
    private static void requireIndependent(Map<UUID, GradedSubject.Grader> graders, CommissionRequest r, List<UUID> members) {
        for (UUID id : concat(List.of(r.chairId(), r.deputyId()), members)) {
            GradedSubject.Grader role = graders.get(id);
            if (role == null) continue;
            People.Person u = People.find(id).orElse(null);
            String what = switch (role) {
                case CHAIR -> "chairs the examining commission of this sitting";
                case MEMBER -> "graded this sitting as a commission member";
                case SECRETARY -> "is the technical secretary of this sitting";
                case HEAD -> "ran the ticket draw of this sitting";
                case TEACHER -> "set and graded this test";
            };
            throw new Problem(422, "COMMISSION_NOT_INDEPENDENT", u.fullName() + " " + what
                    + ": the appeal commission is independent of the one that graded (001 §6.15.4); choose someone else");
        }
    }

    private AppealCommission signerCommission(Appeal a, UUID actor, String what) {
        AppealCommission c = a.commissionId == null ? null : AppealCommission.findById(a.commissionId);
        if (c == null) throw Problem.conflict("APPEAL_NO_COMMISSION", "No appeal commission is set up for this exam yet");
        if (!actor.equals(c.signer())) {
            String msg = c.chairAbsent ? "The chair is absent: the deputy chair " + what + " (001 §6.15.4)"
                    : "The chair of the appeal commission " + what + "; the deputy only while the chair is absent (001 §6.15.4)";
            throw Problem.forbidden(msg);
        }
        return c;
    }

    /**
     * The signed receipt out of what the student gave: the downloaded receipt file (JSON with
     * {@code signed}) or the compact JWS itself. Its genuineness is checked when shown, not here.
     */
    static String receiptJws(String given) {
        if (given == null || given.isBlank()) return null;
        String raw = given.strip();
        if (raw.startsWith("{")) {
            try {
                raw = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw).path("signed").asText("");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw Problem.badRequest("APPEAL_RECEIPT_UNREADABLE", "The receipt file is not the one the exam page gave");
            }
        }
        if (raw.isEmpty() || raw.length() > 4000 || raw.chars().filter(ch -> ch == '.').count() != 2) {
            throw Problem.badRequest("APPEAL_RECEIPT_UNREADABLE", "The receipt file is not the one the exam page gave");
        }
        return raw;
    }
}
