package kz.adal.oral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.grading.IncompleteGrade;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.oral.room.OralRoomBus;
import kz.adal.oral.room.RoomLink;
import kz.adal.oral.ticket.TicketDraw;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The oral final exam in an emergency (001 §6.15, §6.15.6): the commands on a student's turn and its stages —
 * checks, the draw, timers, grades, publication, technical failures and the re-sit. Owns the transactions; every
 * change is audited and logged in the sitting's events, and after commit the room is told (through
 * {@link OralRoomBus}). Setting a sitting up is {@link OralSetupService}; reading it {@link OralRoomQueries};
 * what runs on a timer or the socket {@link OralRoomHooks}; what casework changes {@link OralCasework}.
 */
@ApplicationScoped
public class OralSittingService {
    /** The regulation's maximums (001 §6.15.6); configuration may only lower them. */
    public static final Duration PREPARATION_LIMIT = Duration.ofMinutes(20);
    public static final Duration ANSWER_LIMIT = Duration.ofMinutes(15);
    /** The desk-and-room checklist the secretary goes through (001 §6.15.6; §6.13 conduct). */
    public static final List<String> CHECKLIST = List.of("DESK_CLEAR", "NO_FORBIDDEN_ITEMS", "NO_OTHER_PEOPLE",
            "NO_EXTRA_DEVICES", "ROOM_SHOWN");

    private final OralConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final OralRoomBus bus;
    private final FaceComparison faces;
    private final ObjectMapper json;
    private final OralSittings sittings;
    private final SecureRandom random = new SecureRandom();
    /** Casework drafts the technical-failure act from this (001 §6.15.6). */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<TechnicalFailureRecorded> failures;

    OralSittingService(OralConfig config, TimeSource time, AuditTrail audit, OralRoomBus bus, FaceComparison faces,
                       ObjectMapper json, OralSittings sittings) {
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.bus = bus;
        this.faces = faces;
        this.json = json;
        this.sittings = sittings;
        if (config.preparationMax().compareTo(PREPARATION_LIMIT) > 0 || config.answerMax().compareTo(ANSWER_LIMIT) > 0) {
            throw new IllegalStateException("adal.oral.preparation-max may be at most 20 minutes and adal.oral.answer-max at most 15 (001 §6.15.6)");
        }
    }

    // ------------------------------------------------------------------ identity, desk and room check

    public record CheckRequest(Boolean idDocumentChecked, String idDocument, Map<String, Boolean> checklist, String note) {}

    /** Stores a JPEG taken for the check: by the secretary, or by the student's own page on request. */
    @Transactional
    public OralSnapshot addSnapshot(Actor actor, UUID turnId, OralSnapshot.Kind kind, byte[] jpeg) {
        OralTurn t = sittings.turn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        boolean secretary = s.commissionRole(actor.id()).orElse(null) == CommissionRole.SECRETARY;
        if (!secretary && !actor.id().equals(t.studentId)) {
            throw Problem.forbidden("Only the technical secretary or the student takes check snapshots");
        }
        if (t.stage.isFinished()) throw Problem.conflict("ORAL_STAGE", "This student's exam is over");
        if (jpeg == null || jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || (jpeg[2] & 0xFF) != 0xFF) {
            throw new Problem(415, "ORAL_SNAPSHOT_NOT_JPEG", "A snapshot is a JPEG image");
        }
        if (jpeg.length > config.snapshotMaxBytes()) {
            throw new Problem(413, "ORAL_SNAPSHOT_TOO_LARGE", "A snapshot is at most " + config.snapshotMaxBytes() / 1024 + " KB");
        }
        OralSnapshot shot = new OralSnapshot();
        shot.turnId = turnId;
        shot.kind = kind == null ? OralSnapshot.Kind.ROOM : kind;
        shot.takenAt = time.now();
        shot.takenBy = actor.id();
        shot.jpeg = jpeg;
        shot.persist();
        audit.record(Change.of("oral.snapshot", "oral-turn", turnId).scope(t.sittingId)
                .detail(Map.of("kind", shot.kind.name(), "bytes", jpeg.length, "snapshot", shot.id.toString())));
        sittings.event(t.sittingId, turnId, "SNAPSHOT_" + shot.kind, actor, jpeg.length + " bytes");
        sittings.changed(t.sittingId, "snapshot");
        return shot;
    }

    @Transactional
    public byte[] snapshot(Actor actor, UUID snapshotId) {
        OralSnapshot shot = OralSnapshot.<OralSnapshot>findByIdOptional(snapshotId).orElseThrow(() -> Problem.notFound("Snapshot"));
        OralTurn t = sittings.turn(shot.turnId);
        sittings.requireStaff(actor, sittings.sitting(t.sittingId));
        return shot.jpeg;
    }

    /**
     * The secretary records the identity check (ID document; the face comparison when available) and
     * the desk-and-room checklist (001 §6.15.6). It passes only when the document was checked, every
     * checklist item holds and at least one snapshot was kept; then the draw is armed (seed committed).
     */
    @Transactional
    public OralTurn recordCheck(Actor actor, UUID turnId, CheckRequest r) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.SECRETARY, "Only the technical secretary records the identity and room check (001 §6.15.6)");
        if (t.stage != TurnStage.WAITING) throw Problem.conflict("ORAL_ALREADY_CHECKED", "This student has already passed the check");
        if (r == null) throw Problem.badRequest("EMPTY_REQUEST", "Send the check's result");
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (String item : CHECKLIST) checklist.put(item, r.checklist() != null && Boolean.TRUE.equals(r.checklist().get(item)));
        if (r.checklist() != null) {
            for (String k : r.checklist().keySet()) {
                if (!CHECKLIST.contains(k)) throw Problem.badRequest("ORAL_CHECKLIST_ITEM", "Unknown checklist item " + k);
            }
        }
        List<OralSnapshot> shots = OralSnapshot.list("turnId", turnId);
        boolean document = Boolean.TRUE.equals(r.idDocumentChecked());
        if (document && blank(r.idDocument())) {
            throw Problem.badRequest("ORAL_ID_DOCUMENT", "Write which identity document was checked");
        }
        // extension point: the vision feature compares the face with the reference photo
        t.faceVerdict = shots.stream().filter(x -> x.kind == OralSnapshot.Kind.IDENTITY).reduce((a, b) -> b)
                .flatMap(x -> faces.compare(t.studentId, x.jpeg)).orElse(null);
        t.idDocumentChecked = document;
        t.idDocument = blank(r.idDocument()) ? null : r.idDocument().strip();
        t.roomChecklist = sittings.toJson(checklist);
        t.checkNote = blank(r.note()) ? null : r.note().strip();
        t.checkedBy = actor.id();
        boolean passed = document && !checklist.containsValue(false) && !shots.isEmpty();
        t.checkPassed = passed;
        if (passed) {
            t.checked(TicketDraw.newSeed(random), time.now());
        } else {
            t.checkedAt = time.now();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("passed", passed);
        detail.put("idDocument", t.idDocument);
        detail.put("checklist", checklist);
        detail.put("snapshots", shots.size());
        detail.put("faceVerdict", t.faceVerdict);
        if (passed) detail.put("commitment", t.commitment);
        audit.record(Change.of(passed ? "oral.check.passed" : "oral.check.failed", "oral-turn", t.id).scope(s.id).detail(detail));
        sittings.event(s.id, t.id, passed ? "CHECK_PASSED" : "CHECK_FAILED", actor,
                (shots.isEmpty() ? "no snapshot; " : shots.size() + " snapshot(s); ") + "document " + (document ? "checked" : "NOT checked")
                        + "; " + checklist.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                        .collect(Collectors.joining(", ", "failed items: [", "]")));
        sittings.changed(s.id, "check");
        return t;
    }

    // ------------------------------------------------------------------ the draw

    /**
     * The head of department (of this sitting) draws the ticket in the student's presence (001 §6.15.6).
     * Idempotent: a second call returns the same draw and changes nothing — no one can replay it to get
     * another ticket.
     */
    @Transactional
    public OralViews.Draw draw(Actor actor, UUID turnId) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        if (!actor.id().equals(s.headId)) {
            throw Problem.forbidden("Only the head of department of this sitting runs the draw (001 §6.15.6)");
        }
        if (t.isDrawn()) return drawView(t, true);
        if (t.stage != TurnStage.CHECKED) {
            throw Problem.conflict("ORAL_CHECK_FIRST", "The draw waits for the identity, desk and room check to pass (001 §6.15.6)");
        }
        if (!bus.present(s.id).contains(t.studentId)) {
            throw Problem.conflict("ORAL_STUDENT_ABSENT", "The draw is shown in the student's presence: the student is not in the room (001 §6.15.6)");
        }
        List<Integer> available = availableTickets(s, t);
        if (available.isEmpty()) throw Problem.conflict("ORAL_NO_TICKETS_LEFT", "No ticket is left to draw from");
        int ticket = TicketDraw.ticket(t.seedHex, available);
        t.drawn(ticket, available, actor.id(), time.now(), Duration.ofMinutes(s.preparationMinutes));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("commitment", t.commitment);
        detail.put("seed", t.seedHex);
        detail.put("available", available);
        detail.put("ticket", ticket);
        detail.put("prepDeadline", t.prepDeadline.toString());
        audit.record(Change.of("oral.draw", "oral-turn", t.id).scope(s.id).detail(detail));
        sittings.event(s.id, t.id, "DRAWN", actor, "ticket " + ticket + " of " + available + "; commitment " + t.commitment + "; seed " + t.seedHex);
        sittings.event(s.id, t.id, "PREPARATION_STARTED", actor, "until " + t.prepDeadline);
        OralViews.Draw view = drawView(t, false);
        sittings.afterCommit(() -> bus.publish(s.id, sittings.toJson(Map.of("type", "draw", "sittingId", s.id, "draw", view))));
        sittings.changed(s.id, "draw");
        return view;
    }

    /** Ticket numbers this turn may draw: all, less those drawn earlier here (unless allowed), less those it saw before. */
    List<Integer> availableTickets(OralSitting s, OralTurn t) {
        Set<Integer> out = new HashSet<>(t.excluded());
        if (!s.allowRepeatTickets) {
            for (OralTurn other : OralTurn.of(s.id)) {
                if (!other.id.equals(t.id) && other.ticketNumber != null) out.add(other.ticketNumber);
            }
        }
        return OralTicket.of(s.id).stream().map(x -> x.number).filter(n -> !out.contains(n)).sorted().toList();
    }

    private OralViews.Draw drawView(OralTurn t, boolean replay) {
        return new OralViews.Draw(t.sittingId, t.id, t.studentId, t.commitment, t.seedHex, t.available(), t.ticketNumber, t.drawnAt, replay);
    }

    // ------------------------------------------------------------------ timers

    @Transactional
    public OralTurn endPreparation(Actor actor, UUID turnId) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair ends the preparation early");
        if (t.stage != TurnStage.PREPARING) throw Problem.conflict("ORAL_STAGE", "The student is not preparing");
        t.preparationEnded(time.now());
        sittings.stageChange(s, t, "PREPARATION_ENDED", actor, "ended early by the chair");
        return t;
    }

    /** The answer starts only with every commission member present (001 §6.15.6). */
    @Transactional
    public OralTurn startAnswer(Actor actor, UUID turnId) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair starts the answer");
        if (t.stage != TurnStage.PREPARED) {
            throw Problem.conflict("ORAL_STAGE", t.stage == TurnStage.PREPARING
                    ? "The student is still preparing: end the preparation first" : "The answer can't start at this stage");
        }
        Set<UUID> present = bus.present(s.id);
        List<UUID> absent = s.graders().stream().filter(id -> !present.contains(id)).toList();
        if (!absent.isEmpty()) {
            Map<UUID, String> absentNames = sittings.names(absent);
            String names = absentNames.values().stream().sorted().collect(Collectors.joining(", "));
            throw new Problem(409, "ORAL_MEMBERS_ABSENT",
                    "The answer is given with all commission members present (001 §6.15.6); not in the room: " + names,
                    absent.stream().map(id -> Map.of("memberId", id.toString(), "message", absentNames.get(id) + " is not in the room")).toList());
        }
        requireLink(s, t);
        t.answerStarted(time.now(), Duration.ofMinutes(s.answerMinutes));
        sittings.stageChange(s, t, "ANSWER_STARTED", actor, "until " + t.answerDeadline + "; present with the student's audio and video: "
                + s.graders().size() + " of " + s.graders().size());
        return t;
    }

    /** Every grader must receive the student's audio and video, as their pages report (issue 14). */
    private void requireLink(OralSitting s, OralTurn t) {
        List<UUID> without = RoomLink.withoutStudent(s.graders(), t.studentId, RoomLink.parseAll(bus.links(s.id), json));
        if (without.isEmpty()) return;
        Map<UUID, String> n = sittings.names(without);
        String who = without.stream().map(n::get).sorted().collect(Collectors.joining(", "));
        throw new Problem(409, "ORAL_NO_LINK",
                "The student's audio and video do not reach every commission member yet: " + who,
                without.stream().map(id -> Map.of("memberId", id.toString(), "message", n.get(id) + " does not receive the student's audio and video")).toList());
    }

    /** The chair resumes a paused answer once the link is back; the time left when it was paused runs again. */
    @Transactional
    public OralTurn resumeAnswer(Actor actor, UUID turnId) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair resumes the answer");
        if (t.stage != TurnStage.ANSWER_PAUSED) throw Problem.conflict("ORAL_STAGE", "The answer is not paused");
        requireLink(s, t);
        long outage = t.linkRestored(time.now());
        t.answerResumed(time.now());
        sittings.stageChange(s, t, "ANSWER_RESUMED", actor, "until " + t.answerDeadline + "; outage " + outage + " s, "
                + t.linkLostSeconds + " s in total");
        return t;
    }

    @Transactional
    public OralTurn endAnswer(Actor actor, UUID turnId) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair ends the answer early");
        if (t.stage != TurnStage.ANSWERING && t.stage != TurnStage.ANSWER_PAUSED) throw Problem.conflict("ORAL_STAGE", "The student is not answering");
        t.answerEnded(time.now());
        sittings.stageChange(s, t, "ANSWER_ENDED", actor, "ended early by the chair");
        return t;
    }

    // ------------------------------------------------------------------ grading

    /** A member's own grade, 0–100; hidden from the others until everyone has graded (001 §6.15.6). */
    @Transactional
    public OralTurn grade(Actor actor, UUID turnId, Integer points) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        CommissionRole role = s.commissionRole(actor.id()).orElse(null);
        if (role == null || !role.grades()) throw Problem.forbidden("Only the chair and the members of this sitting's commission grade");
        if (t.stage != TurnStage.GRADING) throw Problem.conflict("ORAL_STAGE", "Grades are given after the answer");
        if (points == null) throw Problem.badRequest("ORAL_POINTS_REQUIRED", "Send the points (0–100)");
        FinalGradeRule.requirePoints(points);
        OralGrade g = OralGrade.<OralGrade>find("turnId = ?1 and memberId = ?2", turnId, actor.id()).firstResultOptional().orElseGet(() -> {
            OralGrade n = new OralGrade();
            n.turnId = turnId;
            n.memberId = actor.id();
            return n;
        });
        g.points = points;
        g.gradedAt = time.now();
        g.persist();
        // the audit keeps only that a grade was given; the points go into the protocol once all are in
        audit.record(Change.of("oral.grade", "oral-turn", t.id).scope(s.id).after(Map.of("member", actor.id(), "points", points)));
        sittings.event(s.id, t.id, "GRADED_BY_MEMBER", actor, null);
        Map<UUID, Integer> grades = OralGrade.of(turnId).stream().collect(Collectors.toMap(x -> x.memberId, x -> x.points));
        if (grades.keySet().containsAll(s.graders())) {
            FinalGradeRule.Outcome outcome = config.finalGradeRule().apply(grades, s.chairId(), sittings.scale());
            t.graded(outcome, time.now());
            audit.record(Change.of("oral.final-grade", "oral-turn", t.id).scope(s.id)
                    .detail(Map.of("grades", grades, "points", outcome.points(), "letter", outcome.band().letter(),
                            "rule", config.finalGradeRule().name(), "explanation", outcome.explanation())));
            sittings.event(s.id, t.id, "FINAL_GRADE", null, outcome.points() + " " + outcome.band().letter() + " (" + outcome.explanation() + ")");
        }
        sittings.changed(s.id, "grade");
        return t;
    }

    /** The chair announces the graded results; 001 §6.15.6 wants it the same day. */
    @Transactional
    public int publish(Actor actor, UUID sittingId) {
        OralSitting s = sittings.sitting(sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair publishes the results");
        List<OralTurn> graded = OralTurn.of(sittingId).stream().filter(t -> t.stage == TurnStage.GRADED).toList();
        if (graded.isEmpty()) throw Problem.conflict("ORAL_NOTHING_TO_PUBLISH", "No graded result waits for publication");
        Instant now = time.now();
        boolean sameDay = LocalDate.ofInstant(now, TimeSource.ZONE).equals(s.sittingDate);
        for (OralTurn t : graded) {
            t.published(now);
            sittings.event(s.id, t.id, "PUBLISHED", actor, t.finalPoints + " " + t.finalLetter + (sameDay ? "" : " (not on the sitting day)"));
        }
        s.publishedAt = now;
        audit.record(Change.of("oral.published", "oral-sitting", s.id).scope(s.id)
                .detail(Map.of("turns", graded.stream().map(x -> x.id.toString()).toList(), "sameDay", sameDay)));
        sittings.changed(s.id, "published");
        return graded.size();
    }

    // ------------------------------------------------------------------ incidents

    /**
     * A lost connection or another technical failure that makes finishing impossible (001 §6.15.6),
     * recorded by the technical secretary with its time. The student's grade is "I" with its due date
     * (001 §6.15.2) until the re-sit. The casework feature drafts the formal act from this record and
     * sends it to every member the same day; the re-sit is {@link #scheduleResit}.
     */
    @Transactional
    public OralTurn technicalFailure(Actor actor, UUID turnId, String note) {
        OralTurn t = sittings.lockedTurn(turnId);
        OralSitting s = sittings.sitting(t.sittingId);
        sittings.requireCommissionRole(actor, s, CommissionRole.SECRETARY, "The technical secretary records a technical failure (001 §6.15.6)");
        if (!t.stage.canMoveTo(TurnStage.TECHNICAL_FAILURE)) {
            throw Problem.conflict("ORAL_STAGE", "A technical failure is recorded while the student's exam is under way");
        }
        if (blank(note)) throw Problem.badRequest("ORAL_FAILURE_NOTE", "Describe what failed (e.g. the student's connection was lost)");
        Person student = People.find(t.studentId).orElse(null);
        LocalDate today = time.today();
        LocalDate due = IncompleteGrade.award(today, sittings.periodEnd(today), student.masterApplicant()).dueDate();
        TurnStage before = t.stage;
        t.technicalFailure(note.strip(), time.now(), due);
        audit.record(Change.of("oral.technical-failure", "oral-turn", t.id).scope(s.id)
                .detail(Map.of("stageBefore", before.name(), "note", t.failureNote, "ticket", String.valueOf(t.ticketNumber),
                        "incompleteDue", due.toString())));
        sittings.event(s.id, t.id, "TECHNICAL_FAILURE", actor, "at stage " + before + ": " + t.failureNote + "; I due " + due);
        failures.fire(new TechnicalFailureRecorded(t.id, s.id, t.studentId, actor.id(), t.failureAt, t.failureNote, before.name(),
                t.ticketNumber, due));
        sittings.changed(s.id, "failure");
        return t;
    }

    /**
     * Another time after a technical failure (001 §6.15.6): a new turn in {@code sittingId} (the same or
     * another sitting day, within the current academic period) whose draw excludes every ticket this
     * student has seen (tickets with the same questions).
     */
    @Transactional
    public OralTurn scheduleResit(Actor actor, UUID failedTurnId, UUID sittingId) {
        OralTurn failed = sittings.turn(failedTurnId);
        OralSitting original = sittings.sitting(failed.sittingId);
        if (!(original.commissionRole(actor.id()).orElse(null) == CommissionRole.CHAIR || actor.has(Role.SYSTEM_ADMIN))) {
            throw Problem.forbidden("The commission decides on another time; its chair records it");
        }
        if (failed.stage != TurnStage.TECHNICAL_FAILURE) throw Problem.conflict("ORAL_STAGE", "Only a technical failure leads to a re-sit");
        if (OralTurn.count("resitOf", failedTurnId) > 0) throw Problem.conflict("ORAL_RESIT_EXISTS", "A re-sit is already scheduled");
        OralSitting target = sittings.sitting(sittingId);
        LocalDate today = time.today();
        if (target.sittingDate.isBefore(today) || target.sittingDate.isAfter(sittings.periodEnd(today))) {
            throw new Problem(422, "ORAL_RESIT_DATE", "The re-sit is in the current academic period (by " + sittings.periodEnd(today) + ")");
        }
        Set<String> seen = new HashSet<>();
        for (OralTurn x = failed; x != null; x = x.resitOf == null ? null : OralTurn.findById(x.resitOf)) {
            if (x.ticketNumber != null) {
                OralTicket.<OralTicket>find("sittingId = ?1 and number = ?2", x.sittingId, x.ticketNumber)
                        .firstResultOptional().ifPresent(tk -> seen.add(tk.fingerprint()));
            }
        }
        List<Integer> excluded = OralTicket.of(target.id).stream().filter(tk -> seen.contains(tk.fingerprint())).map(tk -> tk.number).toList();
        OralTurn r = new OralTurn();
        r.sittingId = target.id;
        r.studentId = failed.studentId;
        Integer last = OralTurn.<OralTurn>find("sittingId = ?1 order by position desc", target.id).firstResultOptional().map(x -> x.position).orElse(0);
        r.position = last + 1;
        r.resitOf = failed.id;
        r.excludedTickets = excluded.isEmpty() ? null : OralTurn.csv(excluded);
        r.persist();
        audit.record(Change.of("oral.resit", "oral-turn", r.id).scope(target.id)
                .detail(Map.of("resitOf", failed.id.toString(), "excludedTickets", excluded)));
        sittings.event(target.id, r.id, "RESIT_SCHEDULED", actor, "after technical failure of turn " + failed.id + "; excluded tickets " + excluded);
        sittings.changed(target.id, "resit");
        return r;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
