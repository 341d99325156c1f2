package kz.adal.oral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.oral.ticket.TicketImport;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What casework (appeals, absences) changes in the oral exam, each through one explicit audited method: a grade
 * changed by an upheld appeal (001 §6.15.5), a re-sit after an excused absence and its sitting day (001 §6.15.3).
 * The caller checks who decides and keeps its own record; these run in the caller's transaction.
 */
@ApplicationScoped
public class OralCasework {
    private final TimeSource time;
    private final AuditTrail audit;
    private final OralSittings sittings;

    private final OralSittingService service;

    OralCasework(TimeSource time, AuditTrail audit, OralSittings sittings, OralSittingService service) {
        this.service = service;
        this.time = time;
        this.audit = audit;
        this.sittings = sittings;
    }

    /**
     * The one way a published oral grade changes: an upheld appeal (001 §6.15.5). Audited with before and
     * after; the caller (casework) checks who signs and keeps its own record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public kz.adal.grading.GradeChange changeGradeOnAppeal(UUID turnId, Integer points, UUID appealId, String reason) {
        OralTurn t = sittings.lockedTurn(turnId);
        if (t.stage != TurnStage.PUBLISHED && t.stage != TurnStage.GRADED) {
            throw Problem.conflict("ORAL_STAGE", "Only a graded oral exam's grade can be changed on appeal");
        }
        if (points == null) throw Problem.badRequest("ORAL_POINTS_REQUIRED", "Send the new points (0–100)");
        FinalGradeRule.requirePoints(points);
        Integer beforePoints = t.finalPoints;
        String beforeLetter = t.finalLetter;
        t.finalPoints = points;
        t.finalLetter = sittings.scale().gradeFor(java.math.BigDecimal.valueOf(points)).letter();
        t.finalRule = "changed on appeal " + appealId + " (was " + beforePoints + " " + beforeLetter + ")";
        audit.record(Change.of("oral.grade-changed-on-appeal", "oral-turn", t.id).scope(t.sittingId)
                .before(Map.of("points", String.valueOf(beforePoints), "letter", String.valueOf(beforeLetter)))
                .after(Map.of("points", points, "letter", t.finalLetter))
                .detail(Map.of("appeal", appealId.toString(), "before", beforePoints + " " + beforeLetter,
                        "after", points + " " + t.finalLetter, "reason", reason == null ? "" : reason)));
        sittings.event(t.sittingId, t.id, "GRADE_CHANGED_ON_APPEAL", null, beforePoints + " " + beforeLetter + " → " + points + " " + t.finalLetter);
        return new kz.adal.grading.GradeChange(t.id, t.sittingId, t.studentId, String.valueOf(beforePoints), beforeLetter,
                String.valueOf(points), t.finalLetter);
    }

    /**
     * A re-sit after an absence for a valid reason that the commission chair allowed (001 §6.15.3): a new
     * turn for the student on another sitting day (a different sitting, today or later, within the current
     * academic period). The absent turn must not have started. Audited in both sittings' scope.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OralCatalog.TurnRecord scheduleAbsenceResit(UUID absentTurnId, UUID sittingId, String basis) {
        OralTurn absent = sittings.lockedTurn(absentTurnId);
        if (absent.stage != TurnStage.WAITING) {
            throw Problem.conflict("ORAL_STAGE", "The student took part in this sitting: an absence re-sit is for a turn that never started");
        }
        if (sittingId == null) throw Problem.badRequest("ORAL_RESIT_SITTING", "Choose the sitting day of the re-sit");
        OralSitting target = sittings.sitting(sittingId);
        if (target.id.equals(absent.sittingId)) {
            throw new Problem(422, "ORAL_RESIT_SAME_SITTING", "The re-sit is on another sitting day (001 §6.15.3)");
        }
        LocalDate today = time.today();
        if (target.sittingDate.isBefore(today) || target.sittingDate.isAfter(sittings.periodEnd(today))) {
            throw new Problem(422, "ORAL_RESIT_DATE", "The re-sit is today or later, in the current academic period (by " + sittings.periodEnd(today) + ")");
        }
        if (OralTurn.count("sittingId = ?1 and studentId = ?2 and stage <> ?3", target.id, absent.studentId, TurnStage.TECHNICAL_FAILURE) > 0) {
            throw Problem.conflict("ORAL_RESIT_EXISTS", "The student already has a turn in that sitting");
        }
        OralTurn r = new OralTurn();
        r.sittingId = target.id;
        r.studentId = absent.studentId;
        Integer last = OralTurn.<OralTurn>find("sittingId = ?1 order by position desc", target.id).firstResultOptional().map(x -> x.position).orElse(0);
        r.position = last + 1;
        r.persist();
        audit.record(Change.of("oral.absence-resit", "oral-turn", r.id).scope(target.id)
                .detail(Map.of("absentTurn", absent.id.toString(), "absentSitting", absent.sittingId.toString(), "basis", basis)));
        sittings.event(target.id, r.id, "RESIT_SCHEDULED", null, "after an absence for a valid reason (turn " + absent.id + ")");
        sittings.event(absent.sittingId, absent.id, "ABSENCE_EXCUSED", null, "re-sit on " + target.sittingDate + ": " + basis);
        sittings.changed(target.id, "resit");
        return OralCatalog.record(r);
    }

    /**
     * A new sitting day for an absence re-sit (001 §6.15.3: "a re-sit on another sitting day set by the
     * commission"): the same commission, head of department, programme, language, emergency basis, timings and
     * tickets as the sitting the student missed, on {@code date}, with nobody admitted yet (the re-sit turn is
     * added by {@link #scheduleAbsenceResit}). Today or later, within the current academic period.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OralCatalog.SittingRecord resitDay(UUID missedSittingId, LocalDate date, UUID setBy) {
        OralSitting from = sittings.sitting(missedSittingId);
        LocalDate today = time.today();
        if (date == null) throw Problem.badRequest("ORAL_RESIT_SITTING", "Choose the sitting day of the re-sit");
        if (date.isBefore(today) || date.isAfter(sittings.periodEnd(today))) {
            throw new Problem(422, "ORAL_RESIT_DATE", "The re-sit is today or later, in the current academic period (by " + sittings.periodEnd(today) + ")");
        }
        if (date.equals(from.sittingDate)) {
            throw new Problem(422, "ORAL_RESIT_SAME_SITTING", "The re-sit is on another sitting day (001 §6.15.3)");
        }
        OralSitting s = new OralSitting();
        s.title = from.title;   // the day is its own field, shown in the reader's format (never an ISO string in the title)
        s.emergencyBasis = from.emergencyBasis;
        s.studyLevel = from.studyLevel;
        s.sittingDate = date;
        s.programme = from.programme;
        s.language = from.language;
        s.headId = from.headId;
        s.allowRepeatTickets = from.allowRepeatTickets;
        s.preparationMinutes = from.preparationMinutes;
        s.answerMinutes = from.answerMinutes;
        s.createdBy = setBy;
        s.createdAt = time.now();
        from.commission.forEach(c -> s.commission.add(new CommissionSeat(c.userId, c.role)));
        s.persist();
        sittings.storeTickets(s.id, OralTicket.of(from.id).stream().map(tk -> new TicketImport.Ticket(tk.number, List.copyOf(tk.questions))).toList());
        audit.record(Change.of("oral.sitting.created", "oral-sitting", s.id).scope(s.id)
                .detail(Map.of("resitDayOf", from.id.toString(), "date", date.toString())));
        sittings.event(s.id, null, "SITTING_CREATED", null, "re-sit day of " + from.title + " (" + from.sittingDate + ")");
        return OralCatalog.record(s);
    }

    /**
     * A technical-failure act's RESIT decision carried out by the commission's chair (001 §6.15.6): another time in
     * the sitting (or the one chosen) with a new ticket, as {@link OralSittingService#scheduleResit} does it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OralCatalog.TurnRecord resitAfterAct(kz.adal.identity.Actor chair, UUID failedTurnId, UUID sittingId) {
        return OralCatalog.record(service.scheduleResit(chair, failedTurnId, sittingId));
    }
}
