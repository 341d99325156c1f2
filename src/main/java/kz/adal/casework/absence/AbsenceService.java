package kz.adal.casework.absence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.casework.inbox.Inbox;
import kz.adal.casework.inbox.PostedNotice;
import kz.adal.casework.inbox.WithNotices;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.oral.OralCatalog;
import kz.adal.oral.OralCasework;
import kz.adal.oral.TurnStage;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Absence for a valid reason from the oral exam (001 §6.15.3): the student's electronic application to
 * the commission chair goes via the deputy dean (DEAN role), who forwards it; the chair gives a visa —
 * allowed / not allowed — recorded with the chair's name and the time; allowed → a re-sit turn on
 * another sitting day ({@link OralCasework#scheduleAbsenceResit}); the decision goes back to the
 * student (app + e-mail). For tests an absence is handled by the individual sheet (001 §5.34, already in
 * {@code kz.adal.exam.ExtensionService}). Audited in the sitting's scope.
 */
@ApplicationScoped
public class AbsenceService {

    public static final String CASE_TYPE = "absence";

    public record ApplyRequest(UUID turnId, String reason, String documentName, String documentBase64) {}

    public record ForwardRequest(String note) {}

    /** Allowed needs the re-sit: an existing sitting day ({@code resitSittingId}) or a new one on {@code resitDate}. */
    public record VisaRequest(Boolean allowed, String note, UUID resitSittingId, LocalDate resitDate) {
        public VisaRequest(Boolean allowed, String note, UUID resitSittingId) {
            this(allowed, note, resitSittingId, null);
        }
    }

    public record Option(UUID turnId, UUID sittingId, String sitting, LocalDate date, UUID applicationId) {}

    public record SittingOption(UUID id, String title, LocalDate date) {}

    public record View(UUID id, UUID sittingId, String sitting, LocalDate sittingDate, UUID turnId, UUID studentId, String student,
                       String reason, String documentName, String documentType, Instant filedAt, String state,
                       String forwardedBy, Instant forwardedAt, String forwardNote, String chair, String visaBy, Instant visaAt,
                       String visaNote, UUID resitTurnId, UUID resitSittingId, String resitSitting, LocalDate resitDate,
                       boolean mayVisa) {}

    private final AuditTrail audit;
    private final TimeSource time;
    private final Inbox inbox;
    private final OralCasework oral;

    private final OralCatalog sittings;

    AbsenceService(AuditTrail audit, TimeSource time, Inbox inbox, OralCasework oral, OralCatalog sittings) {
        this.sittings = sittings;
        this.audit = audit;
        this.time = time;
        this.inbox = inbox;
        this.oral = oral;
    }

    /** The student's oral turns that never started: what an absence application can be about. */
    @Transactional
    public List<Option> options(UUID studentId) {
        return sittings.turnsAt(studentId, TurnStage.WAITING).stream().map(t -> {
            OralCatalog.SittingRecord s = sittings.sitting(t.sittingId()).orElseThrow();
            AbsenceApplication a = AbsenceApplication.find("turnId", t.id()).firstResult();
            return new Option(t.id(), s.id(), s.title(), s.date(), a == null ? null : a.id);
        }).sorted(Comparator.comparing(Option::date)).toList();
    }

    @Transactional
    public WithNotices<View> apply(UUID studentId, ApplyRequest r) {
        if (r == null || r.turnId() == null) throw Problem.badRequest("ABSENCE_TURN", "Choose the oral exam you missed");
        OralCatalog.TurnRecord t = sittings.turn(r.turnId()).orElse(null);
        if (t == null || !t.studentId().equals(studentId)) throw Problem.notFound("Oral exam");
        if (t.stage() != TurnStage.WAITING) {
            throw Problem.conflict("ABSENCE_TOOK_PART", "You took part in this oral exam; an absence application is for a sitting you missed");
        }
        if (AbsenceApplication.count("turnId", t.id()) > 0) throw Problem.conflict("ABSENCE_EXISTS", "You have already applied about this sitting");
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty()) throw Problem.badRequest("ABSENCE_REASON_REQUIRED", "State the valid reason of the absence (001 §6.15.3)");
        if (reason.length() > 4000) throw Problem.badRequest("ABSENCE_REASON_TOO_LONG", "The reason is limited to 4000 characters");
        AbsenceDocument doc = AbsenceDocument.of(r.documentName(), r.documentBase64(), true);
        AbsenceApplication a = new AbsenceApplication();
        a.id = UUID.randomUUID();
        a.sittingId = t.sittingId();
        a.turnId = t.id();
        a.studentId = studentId;
        a.reason = reason;
        a.document = doc.bytes();
        a.documentName = doc.name();
        a.documentType = doc.type();
        a.filedAt = time.now();
        a.persist();
        audit.record(Change.of("absence.applied", "absence", a.id).scope(a.sittingId)
                .detail(Map.of("turn", t.id().toString(), "reason", reason, "document", doc.name(), "bytes", doc.bytes().length)));
        Person student = People.find(studentId).orElse(null);
        OralCatalog.SittingRecord s = sittings.sitting(t.sittingId()).orElseThrow();
        List<UUID> deans = People.withRole(Role.DEAN).stream().map(Person::id).toList();
        List<PostedNotice> notices = inbox.post(deans, Inbox.Message.worded("absence.applied", "absence.applied",
                "/casework/absence-dean.html", CASE_TYPE, a.id,
                Map.of("student", student.fullName(), "sitting", s.title(), "date", s.date(), "reason", reason)), true);
        return new WithNotices<>(view(a, studentId), notices);
    }

    @Transactional
    public List<View> mine(UUID studentId) {
        return AbsenceApplication.<AbsenceApplication>list("studentId = ?1 order by filedAt desc", studentId).stream()
                .map(a -> view(a, studentId)).toList();
    }

    /** The dean's office's list: waiting applications first. */
    @Transactional
    public List<View> forDean(UUID dean) {
        return AbsenceApplication.<AbsenceApplication>list("order by filedAt desc").stream()
                .sorted(Comparator.comparing((AbsenceApplication a) -> a.state != AbsenceApplication.State.APPLIED))
                .map(a -> view(a, dean)).toList();
    }

    /** The chair's list: applications forwarded to the sittings they chair. */
    @Transactional
    public List<View> forChair(UUID chair) {
        return AbsenceApplication.<AbsenceApplication>list("state <> ?1 order by filedAt desc", AbsenceApplication.State.APPLIED).stream()
                .filter(a -> chair.equals(chairOf(a)))
                .sorted(Comparator.comparing((AbsenceApplication a) -> a.state != AbsenceApplication.State.FORWARDED))
                .map(a -> view(a, chair)).toList();
    }

    @Transactional
    public WithNotices<View> forward(UUID dean, UUID id, ForwardRequest r) {
        AbsenceApplication a = find(id);
        Person d = People.find(dean).orElse(null);
        a.forward(dean, d.fullName(), r == null || r.note() == null || r.note().isBlank() ? null : r.note().strip(), time.now());
        audit.record(Change.of("absence.forwarded", "absence", a.id).scope(a.sittingId)
                .detail(Map.of("note", a.forwardNote == null ? "" : a.forwardNote)));
        OralCatalog.SittingRecord s = sittings.sitting(a.sittingId).orElseThrow();
        Person student = People.find(a.studentId).orElse(null);
        List<PostedNotice> notices = inbox.post(List.of(s.chairId()), Inbox.Message.worded("absence.forwarded", "absence.forwarded",
                "/casework/absence-chair.html", CASE_TYPE, a.id,
                Map.of("student", student.fullName(), "sitting", s.title(), "date", s.date(), "reason", a.reason, "dean", d.fullName())), true);
        return new WithNotices<>(view(a, dean), notices);
    }

    /** The chair's visa, signed with the chair's name and the time; allowed → a re-sit on another sitting day. */
    @Transactional
    public WithNotices<View> visa(UUID chair, UUID id, VisaRequest r) {
        AbsenceApplication a = find(id);
        if (!chair.equals(chairOf(a))) throw Problem.forbidden("The chair of the sitting's commission gives the visa (001 §6.15.3)");
        a.requireVisaPending();
        if (r == null || r.allowed() == null) throw Problem.badRequest("ABSENCE_VISA", "Choose allowed or not allowed");
        String note = r.note() == null ? "" : r.note().strip();
        if (!r.allowed() && note.isEmpty()) throw Problem.badRequest("ABSENCE_VISA_NOTE", "Say why the absence is not allowed");
        Person c = People.find(chair).orElse(null);
        Instant now = time.now();
        OralCatalog.TurnRecord resit = null;
        if (r.allowed()) {
            if (r.resitSittingId() == null && r.resitDate() == null) {
                throw Problem.badRequest("ORAL_RESIT_SITTING", "Choose the sitting day of the re-sit, or set a new one");
            }
            UUID target;
            if (r.resitSittingId() != null) {
                target = r.resitSittingId();
                OralCatalog.SittingRecord missed = sittings.sitting(a.sittingId).orElse(null);
                OralCatalog.SittingRecord chosen = sittings.sitting(target).orElse(null);
                if (chosen == null) throw Problem.notFound("Sitting");
                if (!fitsStudent(missed, chosen)) {
                    throw new Problem(422, "ORAL_RESIT_PROGRAMME", "The re-sit is a sitting of the same programme and language of instruction ("
                            + missed.programme() + ", " + missed.language() + ")");
                }
            } else {
                // a new sitting day, set from the decision itself: same commission, programme, language and tickets
                target = oral.resitDay(a.sittingId, r.resitDate(), chair).id();
            }
            resit = oral.scheduleAbsenceResit(a.turnId, target, "absence " + a.id + " allowed by " + c.fullName());
            a.resitTurnId = resit.id();
            a.resitSittingId = resit.sittingId();
        }
        a.visa(r.allowed(), chair, c.fullName(), note.isEmpty() ? null : note, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("visa", a.state.name());
        detail.put("signedBy", c.fullName());
        detail.put("note", note);
        if (resit != null) {
            detail.put("resitTurn", resit.id().toString());
            detail.put("resitSitting", resit.sittingId().toString());
        }
        audit.record(Change.of("absence.visa", "absence", a.id).scope(a.sittingId).detail(detail));
        OralCatalog.SittingRecord s = sittings.sitting(a.sittingId).orElseThrow();
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("allowed", r.allowed());
        words.put("resit", resit != null);
        words.put("sitting", s.title());
        words.put("date", s.date());
        words.put("note", note);
        words.put("chair", c.fullName());
        words.put("at", now);
        if (resit != null) {
            OralCatalog.SittingRecord target = sittings.sitting(resit.sittingId()).orElseThrow();
            words.put("resitTitle", target.title());
            words.put("resitDate", target.date());
        }
        List<PostedNotice> notices = inbox.post(List.of(a.studentId), Inbox.Message.worded("absence.visa", "absence.visa",
                "/casework/absence.html", CASE_TYPE, a.id, words), true);
        return new WithNotices<>(view(a, chair), notices);
    }

    /** Other sitting days, today or later, the chair may choose for the re-sit. */
    @Transactional
    public List<SittingOption> resitSittings(UUID chair, UUID id) {
        AbsenceApplication a = find(id);
        if (!chair.equals(chairOf(a))) throw Problem.forbidden("The chair of the sitting's commission gives the visa");
        LocalDate today = time.today();
        OralCatalog.SittingRecord missed = sittings.sitting(a.sittingId).orElse(null);
        return sittings.sittingsFrom(today).stream()
                .filter(s -> !s.id().equals(a.sittingId) && fitsStudent(missed, s))
                .map(s -> new SittingOption(s.id(), s.title(), s.date())).toList();
    }

    /** A re-sit is a sitting of the missed one's programme and language of instruction (001 §5.23.5). */
    static boolean fitsStudent(OralCatalog.SittingRecord missed, OralCatalog.SittingRecord other) {
        return missed != null && missed.sameProgrammeAndLanguage(other);
    }

    @Transactional
    public AbsenceDocument document(Actor viewer, UUID id) {
        AbsenceApplication a = find(id);
        boolean ok = a.studentId.equals(viewer.id()) || viewer.has(Role.DEAN) || viewer.has(Role.SYSTEM_ADMIN)
                || (a.state != AbsenceApplication.State.APPLIED && viewer.id().equals(chairOf(a)));
        if (!ok) throw Problem.notFound("Absence application");
        return new AbsenceDocument(a.documentName, a.documentType, a.document);
    }

    private static AbsenceApplication find(UUID id) {
        AbsenceApplication a = AbsenceApplication.findById(id);
        if (a == null) throw Problem.notFound("Absence application");
        return a;
    }

    private UUID chairOf(AbsenceApplication a) {
        return sittings.sitting(a.sittingId).map(OralCatalog.SittingRecord::chairId).orElse(null);
    }

    private View view(AbsenceApplication a, UUID viewer) {
        OralCatalog.SittingRecord s = sittings.sitting(a.sittingId).orElseThrow();
        Person student = People.find(a.studentId).orElse(null);
        Person chair = s.chairId() == null ? null : People.find(s.chairId()).orElse(null);
        OralCatalog.SittingRecord target = sittings.sitting(a.resitSittingId).orElse(null);
        return new View(a.id, s.id(), s.title(), s.date(), a.turnId, a.studentId, student.fullName(), a.reason, a.documentName,
                a.documentType, a.filedAt, a.state.name(), a.forwardedByName, a.forwardedAt, a.forwardNote,
                chair == null ? null : chair.fullName(), a.visaByName, a.visaAt, a.visaNote, a.resitTurnId, a.resitSittingId,
                target == null ? null : target.title(), target == null ? null : target.date(),
                a.state == AbsenceApplication.State.FORWARDED && viewer.equals(s.chairId()));
    }
}
