package kz.adal.oral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.grading.IncompleteGrade;
import kz.adal.grading.LetterBand;
import kz.adal.grading.LetterScale;
import kz.adal.identity.Actor;
import kz.adal.identity.AppUser;
import kz.adal.identity.Role;
import kz.adal.platform.AfterCommit;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The oral final exam in an emergency (001 §6.15, §6.15.6): setup, checks, the draw, timers, grades,
 * publication and technical failures. Owns the transactions; every change is audited and logged in
 * the sitting's events, and after commit the room is told (through {@link OralRoomBus}).
 */
@ApplicationScoped
public class OralSittingService {
    /** The regulation's maximums (001 §6.15.6); configuration may only lower them. */
    public static final Duration PREPARATION_LIMIT = Duration.ofMinutes(20);
    public static final Duration ANSWER_LIMIT = Duration.ofMinutes(15);
    /** The desk-and-room checklist the secretary goes through (001 §6.15.6; §6.13 conduct). */
    public static final List<String> CHECKLIST = List.of("DESK_CLEAR", "NO_FORBIDDEN_ITEMS", "NO_OTHER_PEOPLE",
            "NO_EXTRA_DEVICES", "ROOM_SHOWN");
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    private final OralConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final OralRoomBus bus;
    private final FaceComparison faces;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry tx;
    private final LetterScale scale;
    private final SecureRandom random = new SecureRandom();
    /** Casework drafts the technical-failure act from this (001 §6.15.6). */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<TechnicalFailureRecorded> failures;
    /** Casework drafts the act for a paused answer from this (issue 14). */
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<AnswerLinkLost> linkLosses;

    OralSittingService(OralConfig config, TimeSource time, AuditTrail audit, OralRoomBus bus, FaceComparison faces,
                       ObjectMapper json, TransactionSynchronizationRegistry tx) {
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.bus = bus;
        this.faces = faces;
        this.json = json;
        this.tx = tx;
        this.scale = LetterScale.parse(config.letterScale());
        if (config.preparationMax().compareTo(PREPARATION_LIMIT) > 0 || config.answerMax().compareTo(ANSWER_LIMIT) > 0) {
            throw new IllegalStateException("adal.oral.preparation-max may be at most 20 minutes and adal.oral.answer-max at most 15 (001 §6.15.6)");
        }
    }

    // ------------------------------------------------------------------ setup

    public record TicketInput(Integer number, List<String> questions) {}

    public record SetupRequest(String title, String emergencyBasis, String studyLevel, LocalDate date, String programme,
                               String language, UUID chairId, List<UUID> memberIds, UUID secretaryId, UUID headId,
                               List<UUID> studentIds, Boolean allowRepeatTickets, Integer preparationMinutes,
                               Integer answerMinutes, List<TicketInput> tickets, String ticketText) {}

    @Transactional
    public OralSitting create(Actor actor, SetupRequest r) {
        if (!(actor.has(Role.HEAD_OF_DEPARTMENT) || actor.has(Role.DEAN) || actor.has(Role.SYSTEM_ADMIN))) {
            throw Problem.forbidden("Only a head of department, a dean or an administrator sets up an oral sitting");
        }
        if (r == null) throw Problem.badRequest("EMPTY_REQUEST", "Send the sitting's fields");
        // 001 §6.15: only in a declared emergency, and the basis is recorded
        if (blank(r.emergencyBasis()) || r.emergencyBasis().strip().length() < 10) {
            throw Problem.badRequest("ORAL_BASIS_REQUIRED", "State the declared emergency this oral sitting rests on (at least 10 characters)");
        }
        // 001 §6.15, §6.15.6: bachelor level only
        if (!OralSitting.BACHELOR.equals(r.studyLevel())) {
            throw new Problem(422, "ORAL_BACHELOR_ONLY", "The oral exam in an emergency is held for the bachelor level only (001 §6.15)");
        }
        if (r.date() == null) throw Problem.badRequest("ORAL_DATE_REQUIRED", "Set the sitting's date");
        if (r.date().isBefore(time.today())) throw new Problem(422, "ORAL_DATE_PAST", "The sitting's date is in the past");
        if (blank(r.programme())) throw Problem.badRequest("ORAL_PROGRAMME_REQUIRED", "Set the education programme");
        if (r.language() == null || !LANGUAGES.contains(r.language())) {
            throw Problem.badRequest("ORAL_LANGUAGE", "The language of instruction is kk, ru or en");
        }
        int prep = r.preparationMinutes() == null ? (int) config.preparationMax().toMinutes() : r.preparationMinutes();
        int answer = r.answerMinutes() == null ? (int) config.answerMax().toMinutes() : r.answerMinutes();
        if (prep < 1 || prep > config.preparationMax().toMinutes()) {
            throw new Problem(422, "ORAL_PREPARATION_TOO_LONG",
                    "Preparation is 1 to " + config.preparationMax().toMinutes() + " minutes (001 §6.15.6: up to 20), got " + prep);
        }
        if (answer < 1 || answer > config.answerMax().toMinutes()) {
            throw new Problem(422, "ORAL_ANSWER_TOO_LONG",
                    "The answer is 1 to " + config.answerMax().toMinutes() + " minutes (001 §6.15.6: up to 15), got " + answer);
        }

        // the commission of this sitting
        if (r.chairId() == null) throw Problem.badRequest("ORAL_CHAIR_REQUIRED", "Choose the commission's chair");
        if (r.secretaryId() == null) throw Problem.badRequest("ORAL_SECRETARY_REQUIRED", "Choose the technical secretary");
        if (r.headId() == null) throw Problem.badRequest("ORAL_HEAD_REQUIRED", "Choose the head of department who runs the draw");
        List<UUID> members = r.memberIds() == null ? List.of() : r.memberIds().stream().filter(Objects::nonNull).toList();
        if (members.isEmpty()) throw Problem.badRequest("ORAL_MEMBERS_REQUIRED", "Choose at least one commission member besides the chair");
        List<UUID> commissionIds = new ArrayList<>();
        commissionIds.add(r.chairId());
        commissionIds.addAll(members);
        commissionIds.add(r.secretaryId());
        if (new HashSet<>(commissionIds).size() != commissionIds.size()) {
            throw new Problem(422, "ORAL_COMMISSION_DUPLICATE", "A person appears twice in the commission");
        }
        for (UUID id : commissionIds) staff(id, "commission member");
        AppUser head = staff(r.headId(), "head of department");
        if (!head.has(Role.HEAD_OF_DEPARTMENT)) {
            throw new Problem(422, "ORAL_HEAD_ROLE", head.fullName + " is not a head of department (001 §6.15.6)");
        }

        // admitted students: only those who completed the curriculum (001 §5.39.4)
        List<UUID> studentIds = r.studentIds() == null ? List.of() : r.studentIds().stream().filter(Objects::nonNull).toList();
        if (studentIds.isEmpty()) throw Problem.badRequest("ORAL_STUDENTS_REQUIRED", "Admit at least one student");
        if (new HashSet<>(studentIds).size() != studentIds.size()) {
            throw new Problem(422, "ORAL_STUDENT_DUPLICATE", "A student is listed twice");
        }
        List<AppUser> students = new ArrayList<>();
        for (UUID id : studentIds) {
            AppUser s = AppUser.<AppUser>findByIdOptional(id).orElseThrow(() -> Problem.notFound("Student " + id));
            if (!s.has(Role.STUDENT) || !s.isActive()) {
                throw new Problem(422, "ORAL_NOT_A_STUDENT", s.fullName + " is not an active student account");
            }
            if (!s.curriculumCompleted) {
                throw new Problem(422, "ORAL_NOT_ADMITTED", s.fullName + " (" + s.login
                        + ") has not completed the curriculum and is not admitted to final attestation (001 §5.39.4)");
            }
            if (s.instructionLanguage != null && !s.instructionLanguage.equals(r.language())) {
                throw new Problem(422, "ORAL_LANGUAGE_MISMATCH", s.fullName + " studies in '" + s.instructionLanguage
                        + "', the sitting is in '" + r.language() + "' (001 §5.23.5)");
            }
            if (commissionIds.contains(id) || id.equals(r.headId())) {
                throw new Problem(422, "ORAL_ROLE_CONFLICT", s.fullName + " can't be both examined and on the commission");
            }
            students.add(s);
        }
        List<TicketImport.Ticket> tickets = tickets(r.tickets(), r.ticketText());

        OralSitting s = new OralSitting();
        s.title = blank(r.title()) ? "Complex exam (oral, emergency) " + r.date() : r.title().strip();
        s.emergencyBasis = r.emergencyBasis().strip();
        s.studyLevel = OralSitting.BACHELOR;
        s.sittingDate = r.date();
        s.programme = r.programme().strip();
        s.language = r.language();
        s.headId = r.headId();
        s.allowRepeatTickets = Boolean.TRUE.equals(r.allowRepeatTickets());
        s.preparationMinutes = prep;
        s.answerMinutes = answer;
        s.createdBy = actor.id();
        s.createdAt = time.now();
        s.commission.add(new CommissionSeat(r.chairId(), CommissionRole.CHAIR));
        members.forEach(m -> s.commission.add(new CommissionSeat(m, CommissionRole.MEMBER)));
        s.commission.add(new CommissionSeat(r.secretaryId(), CommissionRole.SECRETARY));
        s.persist();
        int position = 1;
        for (AppUser student : students) {
            OralTurn t = new OralTurn();
            t.sittingId = s.id;
            t.studentId = student.id;
            t.position = position++;
            t.persist();
        }
        storeTickets(s.id, tickets);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("basis", s.emergencyBasis);
        detail.put("date", s.sittingDate.toString());
        detail.put("chair", r.chairId());
        detail.put("members", members);
        detail.put("secretary", r.secretaryId());
        detail.put("head", r.headId());
        detail.put("students", studentIds);
        detail.put("allowRepeatTickets", s.allowRepeatTickets);
        detail.put("preparationMinutes", prep);
        detail.put("answerMinutes", answer);
        detail.put("tickets", tickets.size());
        audit.record(Change.of("oral.sitting.created", "oral-sitting", s.id).scope(s.id).detail(detail));
        event(s.id, null, "SITTING_CREATED", actor, "tickets: " + tickets.size() + ", students: " + students.size());
        return s;
    }

    /** Replaces the ticket bank; refused once a ticket has been drawn in the sitting. */
    @Transactional
    public int replaceTickets(Actor actor, UUID sittingId, List<TicketInput> input, String text) {
        OralSitting s = sitting(sittingId);
        if (!(actor.id().equals(s.createdBy) || actor.id().equals(s.headId) || actor.has(Role.SYSTEM_ADMIN))) {
            throw Problem.forbidden("Only whoever set up the sitting, its head of department or an administrator changes the tickets");
        }
        if (OralTurn.count("sittingId = ?1 and drawnAt is not null", sittingId) > 0) {
            throw Problem.conflict("ORAL_TICKETS_LOCKED", "A ticket has already been drawn: the bank can no longer change");
        }
        List<TicketImport.Ticket> tickets = tickets(input, text);
        if (tickets.isEmpty()) throw Problem.badRequest("ORAL_TICKETS_EMPTY", "Send at least one ticket");
        OralTicket.<OralTicket>list("sittingId", sittingId).forEach(OralTicket::delete);
        OralTicket.getEntityManager().flush();
        storeTickets(sittingId, tickets);
        audit.record(Change.of("oral.tickets.replaced", "oral-sitting", sittingId).scope(sittingId)
                .detail(Map.of("tickets", tickets.size())));
        event(sittingId, null, "TICKETS_REPLACED", actor, "tickets: " + tickets.size());
        changed(sittingId, "tickets");
        return tickets.size();
    }

    private List<TicketImport.Ticket> tickets(List<TicketInput> input, String text) {
        if (text != null && !text.isBlank()) return TicketImport.parse(text);
        if (input == null || input.isEmpty()) return List.of();
        List<TicketImport.Ticket> tickets = new ArrayList<>();
        int next = 1;
        for (TicketInput t : input) {
            int number = t.number() == null ? next : t.number();
            next = number + 1;
            List<String> qs = t.questions() == null ? List.of() : t.questions().stream().map(q -> q == null ? "" : q.strip()).toList();
            tickets.add(new TicketImport.Ticket(number, qs));
        }
        TicketImport.validate(tickets);
        return tickets;
    }

    private void storeTickets(UUID sittingId, List<TicketImport.Ticket> tickets) {
        for (TicketImport.Ticket t : tickets) {
            OralTicket ticket = new OralTicket();
            ticket.sittingId = sittingId;
            ticket.number = t.number();
            ticket.questions.addAll(t.questions());
            ticket.persist();
        }
    }

    // ------------------------------------------------------------------ identity, desk and room check

    public record CheckRequest(Boolean idDocumentChecked, String idDocument, Map<String, Boolean> checklist, String note) {}

    /** Stores a JPEG taken for the check: by the secretary, or by the student's own page on request. */
    @Transactional
    public OralSnapshot addSnapshot(Actor actor, UUID turnId, OralSnapshot.Kind kind, byte[] jpeg) {
        OralTurn t = turn(turnId);
        OralSitting s = sitting(t.sittingId);
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
        event(t.sittingId, turnId, "SNAPSHOT_" + shot.kind, actor, jpeg.length + " bytes");
        changed(t.sittingId, "snapshot");
        return shot;
    }

    @Transactional
    public byte[] snapshot(Actor actor, UUID snapshotId) {
        OralSnapshot shot = OralSnapshot.<OralSnapshot>findByIdOptional(snapshotId).orElseThrow(() -> Problem.notFound("Snapshot"));
        OralTurn t = turn(shot.turnId);
        requireStaff(actor, sitting(t.sittingId));
        return shot.jpeg;
    }

    /**
     * The secretary records the identity check (ID document; the face comparison when available) and
     * the desk-and-room checklist (001 §6.15.6). It passes only when the document was checked, every
     * checklist item holds and at least one snapshot was kept; then the draw is armed (seed committed).
     */
    @Transactional
    public OralTurn recordCheck(Actor actor, UUID turnId, CheckRequest r) {
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
        requireCommissionRole(actor, s, CommissionRole.SECRETARY, "Only the technical secretary records the identity and room check (001 §6.15.6)");
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
        t.roomChecklist = toJson(checklist);
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
        event(s.id, t.id, passed ? "CHECK_PASSED" : "CHECK_FAILED", actor,
                (shots.isEmpty() ? "no snapshot; " : shots.size() + " snapshot(s); ") + "document " + (document ? "checked" : "NOT checked")
                        + "; " + checklist.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                        .collect(Collectors.joining(", ", "failed items: [", "]")));
        changed(s.id, "check");
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
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
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
        event(s.id, t.id, "DRAWN", actor, "ticket " + ticket + " of " + available + "; commitment " + t.commitment + "; seed " + t.seedHex);
        event(s.id, t.id, "PREPARATION_STARTED", actor, "until " + t.prepDeadline);
        OralViews.Draw view = drawView(t, false);
        afterCommit(() -> bus.publish(s.id, toJson(Map.of("type", "draw", "sittingId", s.id, "draw", view))));
        changed(s.id, "draw");
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
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
        requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair ends the preparation early");
        if (t.stage != TurnStage.PREPARING) throw Problem.conflict("ORAL_STAGE", "The student is not preparing");
        t.preparationEnded(time.now());
        stageChange(s, t, "PREPARATION_ENDED", actor, "ended early by the chair");
        return t;
    }

    /** The answer starts only with every commission member present (001 §6.15.6). */
    @Transactional
    public OralTurn startAnswer(Actor actor, UUID turnId) {
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
        requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair starts the answer");
        if (t.stage != TurnStage.PREPARED) {
            throw Problem.conflict("ORAL_STAGE", t.stage == TurnStage.PREPARING
                    ? "The student is still preparing: end the preparation first" : "The answer can't start at this stage");
        }
        Set<UUID> present = bus.present(s.id);
        List<UUID> absent = s.graders().stream().filter(id -> !present.contains(id)).toList();
        if (!absent.isEmpty()) {
            Map<UUID, String> absentNames = names(absent);
            String names = absentNames.values().stream().sorted().collect(Collectors.joining(", "));
            throw new Problem(409, "ORAL_MEMBERS_ABSENT",
                    "The answer is given with all commission members present (001 §6.15.6); not in the room: " + names,
                    absent.stream().map(id -> Map.of("memberId", id.toString(), "message", absentNames.get(id) + " is not in the room")).toList());
        }
        requireLink(s, t);
        t.answerStarted(time.now(), Duration.ofMinutes(s.answerMinutes));
        stageChange(s, t, "ANSWER_STARTED", actor, "until " + t.answerDeadline + "; present with the student's audio and video: "
                + s.graders().size() + " of " + s.graders().size());
        return t;
    }

    /** Every grader must receive the student's audio and video, as their pages report (issue 14). */
    private void requireLink(OralSitting s, OralTurn t) {
        List<UUID> without = RoomLink.withoutStudent(s.graders(), t.studentId, RoomLink.parseAll(bus.links(s.id), json));
        if (without.isEmpty()) return;
        Map<UUID, String> n = names(without);
        String who = without.stream().map(n::get).sorted().collect(Collectors.joining(", "));
        throw new Problem(409, "ORAL_NO_LINK",
                "The student's audio and video do not reach every commission member yet: " + who,
                without.stream().map(id -> Map.of("memberId", id.toString(), "message", n.get(id) + " does not receive the student's audio and video")).toList());
    }

    /** The chair resumes a paused answer once the link is back; the time left when it was paused runs again. */
    @Transactional
    public OralTurn resumeAnswer(Actor actor, UUID turnId) {
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
        requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair resumes the answer");
        if (t.stage != TurnStage.ANSWER_PAUSED) throw Problem.conflict("ORAL_STAGE", "The answer is not paused");
        requireLink(s, t);
        long outage = t.linkRestored(time.now());
        t.answerResumed(time.now());
        stageChange(s, t, "ANSWER_RESUMED", actor, "until " + t.answerDeadline + "; outage " + outage + " s, "
                + t.linkLostSeconds + " s in total");
        return t;
    }

    /**
     * Watches the link of every answer under way (run every second by {@link OralTimerJob}, on every node: row
     * lock, then re-check). An outage is logged when it starts and when it ends, with its measured length; the
     * room is told both times. One longer than {@code adal.oral.link.pause-after} pauses the answer (its clock
     * stops) and {@link AnswerLinkLost} lets casework draft the technical-failure act with the measured outage.
     */
    @Transactional
    public int watchLinks() {
        int moved = 0;
        for (OralTurn candidate : OralTurn.<OralTurn>list("stage", TurnStage.ANSWERING)) {
            Instant now = time.now();
            OralSitting s = sitting(candidate.sittingId);
            List<UUID> without = RoomLink.withoutStudent(s.graders(), candidate.studentId, RoomLink.parseAll(bus.links(s.id), json));
            boolean lost = !without.isEmpty();
            if (lost == (candidate.linkLostAt != null) && !(lost && overdue(candidate, now))) continue;
            OralTurn t = lockedTurn(candidate.id);
            if (t.stage != TurnStage.ANSWERING) continue;
            if (lost && t.linkLostAt == null) {
                t.linkLost(now);
                Map<UUID, String> n = names(without);
                String who = without.stream().map(n::get).sorted().collect(Collectors.joining(", "));
                audit.record(Change.of("oral.link-lost", "oral-turn", t.id).scope(s.id).detail(Map.of("without", who)), null, "system");
                event(s.id, t.id, "LINK_LOST", null, "the student's audio/video does not reach: " + who);
                changed(s.id, "link");
                moved++;
            } else if (!lost && t.linkLostAt != null) {
                Instant from = t.linkLostAt;
                long seconds = t.linkRestored(now);
                audit.record(Change.of("oral.link-restored", "oral-turn", t.id).scope(s.id)
                        .detail(Map.of("from", from.toString(), "seconds", seconds)), null, "system");
                event(s.id, t.id, "LINK_RESTORED", null, "outage of " + seconds + " s from " + from);
                changed(s.id, "link");
                moved++;
            } else if (lost && overdue(t, now)) {
                Instant from = t.linkLostAt;
                long seconds = Math.max(0, Duration.between(from, now).toSeconds());
                t.answerPaused(now);
                Map<UUID, String> n = names(without);
                String who = without.stream().map(n::get).sorted().collect(Collectors.joining(", "));
                audit.record(Change.of("oral.answer-paused", "oral-turn", t.id).scope(s.id)
                        .detail(Map.of("from", from.toString(), "seconds", seconds, "without", who)), null, "system");
                event(s.id, t.id, "ANSWER_PAUSED", null, "no audio/video from the student for " + seconds + " s (since " + from
                        + ", not reaching " + who + "); " + (t.answerRemainingMs / 1000) + " s of the answer left");
                UUID secretary = s.commission.stream().filter(c -> c.role == CommissionRole.SECRETARY).map(c -> c.userId).findFirst().orElse(null);
                linkLosses.fire(new AnswerLinkLost(t.id, s.id, t.studentId, secretary, from, now, seconds, who, t.ticketNumber));
                changed(s.id, "paused");
                moved++;
            }
        }
        return moved;
    }

    private boolean overdue(OralTurn t, Instant now) {
        return t.linkLostAt != null && !now.isBefore(t.linkLostAt.plus(config.link().pauseAfter()));
    }

    @Transactional
    public OralTurn endAnswer(Actor actor, UUID turnId) {
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
        requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair ends the answer early");
        if (t.stage != TurnStage.ANSWERING && t.stage != TurnStage.ANSWER_PAUSED) throw Problem.conflict("ORAL_STAGE", "The student is not answering");
        t.answerEnded(time.now());
        stageChange(s, t, "ANSWER_ENDED", actor, "ended early by the chair");
        return t;
    }

    /**
     * Ends the stages whose time is up, even if nobody clicks (run by {@link OralTimerJob} on every node): the due
     * turns are read as ids, then each is locked and checked again, so of two nodes only the first records the
     * stage change; the other finds it already moved (issue 16).
     */
    @Transactional
    public int expireDue() {
        Instant now = time.now();
        int moved = 0;
        // ids only: the lock below then reads each row afresh (no stale copy in the persistence context)
        List<UUID> due = OralTurn.getEntityManager().createQuery("select t.id from OralTurn t where "
                        + "(t.stage = ?1 and t.prepDeadline <= ?2) or (t.stage = ?3 and t.answerDeadline <= ?2)", UUID.class)
                .setParameter(1, TurnStage.PREPARING).setParameter(2, now).setParameter(3, TurnStage.ANSWERING).getResultList();
        for (UUID id : due) {
            OralTurn t = lockedTurn(id);
            boolean stillDue = (t.stage == TurnStage.PREPARING && !t.prepDeadline.isAfter(now))
                    || (t.stage == TurnStage.ANSWERING && !t.answerDeadline.isAfter(now));
            if (!stillDue) continue; // another node moved it first
            OralSitting s = sitting(t.sittingId);
            if (t.stage == TurnStage.PREPARING) {
                t.preparationEnded(now);
                stageChange(s, t, "PREPARATION_ENDED", null, "time up at " + t.prepDeadline);
            } else {
                t.answerEnded(now);
                stageChange(s, t, "ANSWER_ENDED", null, "time up at " + t.answerDeadline);
            }
            moved++;
        }
        return moved;
    }

    private void stageChange(OralSitting s, OralTurn t, String kind, Actor actor, String detail) {
        Change c = Change.of("oral.stage", "oral-turn", t.id).scope(s.id)
                .detail(Map.of("event", kind, "stage", t.stage.name(), "detail", detail));
        if (actor == null) audit.record(c, null, "system");
        else audit.record(c);
        event(s.id, t.id, kind, actor, detail);
        changed(s.id, kind);
    }

    // ------------------------------------------------------------------ grading

    /** A member's own grade, 0–100; hidden from the others until everyone has graded (001 §6.15.6). */
    @Transactional
    public OralTurn grade(Actor actor, UUID turnId, Integer points) {
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
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
        event(s.id, t.id, "GRADED_BY_MEMBER", actor, null);
        Map<UUID, Integer> grades = OralGrade.of(turnId).stream().collect(Collectors.toMap(x -> x.memberId, x -> x.points));
        if (grades.keySet().containsAll(s.graders())) {
            FinalGradeRule.Outcome outcome = config.finalGradeRule().apply(grades, s.chairId(), scale);
            t.graded(outcome, time.now());
            audit.record(Change.of("oral.final-grade", "oral-turn", t.id).scope(s.id)
                    .detail(Map.of("grades", grades, "points", outcome.points(), "letter", outcome.band().letter(),
                            "rule", config.finalGradeRule().name(), "explanation", outcome.explanation())));
            event(s.id, t.id, "FINAL_GRADE", null, outcome.points() + " " + outcome.band().letter() + " (" + outcome.explanation() + ")");
        }
        changed(s.id, "grade");
        return t;
    }

    /** The chair announces the graded results; 001 §6.15.6 wants it the same day. */
    @Transactional
    public int publish(Actor actor, UUID sittingId) {
        OralSitting s = sitting(sittingId);
        requireCommissionRole(actor, s, CommissionRole.CHAIR, "Only the chair publishes the results");
        List<OralTurn> graded = OralTurn.of(sittingId).stream().filter(t -> t.stage == TurnStage.GRADED).toList();
        if (graded.isEmpty()) throw Problem.conflict("ORAL_NOTHING_TO_PUBLISH", "No graded result waits for publication");
        Instant now = time.now();
        boolean sameDay = LocalDate.ofInstant(now, TimeSource.ZONE).equals(s.sittingDate);
        for (OralTurn t : graded) {
            t.published(now);
            event(s.id, t.id, "PUBLISHED", actor, t.finalPoints + " " + t.finalLetter + (sameDay ? "" : " (not on the sitting day)"));
        }
        s.publishedAt = now;
        audit.record(Change.of("oral.published", "oral-sitting", s.id).scope(s.id)
                .detail(Map.of("turns", graded.stream().map(x -> x.id.toString()).toList(), "sameDay", sameDay)));
        changed(s.id, "published");
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
        OralTurn t = lockedTurn(turnId);
        OralSitting s = sitting(t.sittingId);
        requireCommissionRole(actor, s, CommissionRole.SECRETARY, "The technical secretary records a technical failure (001 §6.15.6)");
        if (!t.stage.canMoveTo(TurnStage.TECHNICAL_FAILURE)) {
            throw Problem.conflict("ORAL_STAGE", "A technical failure is recorded while the student's exam is under way");
        }
        if (blank(note)) throw Problem.badRequest("ORAL_FAILURE_NOTE", "Describe what failed (e.g. the student's connection was lost)");
        AppUser student = AppUser.findById(t.studentId);
        LocalDate today = time.today();
        LocalDate due = IncompleteGrade.award(today, periodEnd(today), student.masterApplicant).dueDate();
        TurnStage before = t.stage;
        t.technicalFailure(note.strip(), time.now(), due);
        audit.record(Change.of("oral.technical-failure", "oral-turn", t.id).scope(s.id)
                .detail(Map.of("stageBefore", before.name(), "note", t.failureNote, "ticket", String.valueOf(t.ticketNumber),
                        "incompleteDue", due.toString())));
        event(s.id, t.id, "TECHNICAL_FAILURE", actor, "at stage " + before + ": " + t.failureNote + "; I due " + due);
        failures.fire(new TechnicalFailureRecorded(t.id, s.id, t.studentId, actor.id(), t.failureAt, t.failureNote, before.name(),
                t.ticketNumber, due));
        changed(s.id, "failure");
        return t;
    }

    /**
     * Another time after a technical failure (001 §6.15.6): a new turn in {@code sittingId} (the same or
     * another sitting day, within the current academic period) whose draw excludes every ticket this
     * student has seen (tickets with the same questions).
     */
    @Transactional
    public OralTurn scheduleResit(Actor actor, UUID failedTurnId, UUID sittingId) {
        OralTurn failed = turn(failedTurnId);
        OralSitting original = sitting(failed.sittingId);
        if (!(original.commissionRole(actor.id()).orElse(null) == CommissionRole.CHAIR || actor.has(Role.SYSTEM_ADMIN))) {
            throw Problem.forbidden("The commission decides on another time; its chair records it");
        }
        if (failed.stage != TurnStage.TECHNICAL_FAILURE) throw Problem.conflict("ORAL_STAGE", "Only a technical failure leads to a re-sit");
        if (OralTurn.count("resitOf", failedTurnId) > 0) throw Problem.conflict("ORAL_RESIT_EXISTS", "A re-sit is already scheduled");
        OralSitting target = sitting(sittingId);
        LocalDate today = time.today();
        if (target.sittingDate.isBefore(today) || target.sittingDate.isAfter(periodEnd(today))) {
            throw new Problem(422, "ORAL_RESIT_DATE", "The re-sit is in the current academic period (by " + periodEnd(today) + ")");
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
        event(target.id, r.id, "RESIT_SCHEDULED", actor, "after technical failure of turn " + failed.id + "; excluded tickets " + excluded);
        changed(target.id, "resit");
        return r;
    }

    private LocalDate periodEnd(LocalDate today) {
        MonthDay md = MonthDay.parse("--" + config.periodEnd());
        LocalDate end = md.atYear(today.getYear());
        return end.isBefore(today) ? md.atYear(today.getYear() + 1) : end;
    }

    // ------------------------------------------------------------------ reading

    /** The caller's roles in the sitting; empty when not in it (the socket refuses them). */
    @Transactional
    public Set<SittingRole> rolesIn(UUID sittingId, UUID userId) {
        OralSitting s = OralSitting.findById(sittingId);
        if (s == null) throw Problem.notFound("Sitting");
        return s.rolesOf(userId, OralTurn.count("sittingId = ?1 and studentId = ?2", sittingId, userId) > 0);
    }

    @Transactional
    public List<OralViews.SittingSummary> mine(Actor actor) {
        boolean all = actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.DEAN) || actor.has(Role.HEAD_OF_DEPARTMENT);
        Set<UUID> asStudent = OralTurn.<OralTurn>list("studentId", actor.id()).stream().map(t -> t.sittingId).collect(Collectors.toSet());
        List<OralViews.SittingSummary> out = new ArrayList<>();
        for (OralSitting s : OralSitting.<OralSitting>list("order by sittingDate desc, createdAt desc")) {
            Set<SittingRole> roles = s.rolesOf(actor.id(), asStudent.contains(s.id));
            if (roles.isEmpty() && !all) continue;
            out.add(new OralViews.SittingSummary(s.id, s.title, s.sittingDate, s.programme, s.language, roles,
                    (int) OralTurn.count("sittingId", s.id)));
        }
        return out;
    }

    /** A socket opened in the room: logged for the protocol ("who was connected when"). */
    @Transactional
    public void presenceOpened(UUID sittingId, UUID userId, String connectionId) {
        OralPresence p = new OralPresence();
        p.id = UUID.randomUUID();
        p.sittingId = sittingId;
        p.userId = userId;
        p.connectionId = connectionId;
        p.joinedAt = time.now();
        p.persist();
    }

    @Transactional
    public void presenceClosed(String connectionId) {
        OralPresence.update("leftAt = ?1 where connectionId = ?2 and leftAt is null", time.now(), connectionId);
    }

    /** The staff of the sitting always join the video; a student only while their own turn is the current one. */
    @Transactional
    public boolean mayJoinVideo(UUID sittingId, UUID userId) {
        OralSitting s = sitting(sittingId);
        if (s.commissionRole(userId).isPresent() || userId.equals(s.headId)) return true;
        List<OralTurn> turns = OralTurn.of(sittingId);
        return turns.stream().filter(t -> t.stage.isActive()).findFirst()
                .or(() -> turns.stream().filter(t -> t.stage == TurnStage.WAITING).findFirst())
                .map(t -> t.studentId.equals(userId)).orElse(false);
    }

    /** The room as this viewer may see it. */
    @Transactional
    public OralViews.Room room(Actor actor, UUID sittingId) {
        return room(actor, sittingId, actor.has(Role.SYSTEM_ADMIN));
    }

    /** The sitting as its creator sees it right after setting it up (a dean who set it up need not be in it). */
    @Transactional
    public OralViews.Room created(Actor actor, UUID sittingId) {
        return room(actor, sittingId, true);
    }

    private OralViews.Room room(Actor actor, UUID sittingId, boolean mayObserve) {
        OralSitting s = sitting(sittingId);
        List<OralTurn> turns = OralTurn.of(sittingId);
        boolean student = turns.stream().anyMatch(t -> t.studentId.equals(actor.id()));
        Set<SittingRole> roles = s.rolesOf(actor.id(), student);
        // the room is the commission's, the head's and the admitted students' (001 §6.15.2, §6.15.6): a dean who set the
        // sitting up is not a participant; only the administrator may look in (support)
        boolean observer = mayObserve;
        if (roles.isEmpty() && !observer) {
            throw new Problem(403, "ORAL_NOT_A_PARTICIPANT", "You are not a participant of this sitting: only its commission, "
                    + "the head of department who runs the draw and the admitted students enter the room");
        }
        boolean staff = roles.stream().anyMatch(r -> r != SittingRole.STUDENT) || observer;
        Set<UUID> present = bus.present(sittingId);
        Set<UUID> ids = new HashSet<>();
        s.commission.forEach(c -> ids.add(c.userId));
        ids.add(s.headId);
        turns.forEach(t -> ids.add(t.studentId));
        Map<UUID, String> names = names(ids);
        List<OralViews.Person> commission = s.commission.stream()
                .sorted((a, b) -> Integer.compare(a.role.ordinal(), b.role.ordinal()))
                .map(c -> new OralViews.Person(c.userId, names.get(c.userId), c.role.name(), present.contains(c.userId))).toList();
        OralViews.Person head = new OralViews.Person(s.headId, names.get(s.headId), SittingRole.HEAD.name(), present.contains(s.headId));
        List<OralTurn> visible = staff ? turns : turns.stream().filter(t -> t.studentId.equals(actor.id())).toList();
        List<OralViews.Person> students = visible.stream().map(t -> t.studentId).distinct()
                .map(id -> new OralViews.Person(id, names.get(id), SittingRole.STUDENT.name(), present.contains(id))).toList();
        Map<Integer, OralTicket> tickets = OralTicket.of(sittingId).stream().collect(Collectors.toMap(x -> x.number, x -> x));
        List<OralViews.Turn> turnViews = new ArrayList<>();
        for (OralTurn t : visible) turnViews.add(turnView(s, t, actor, staff, names, present, tickets));
        // the current student: the first one under way, else the next one waiting, else the last one seen
        // (so the grades and the result stay on screen); a student sees their own
        List<OralTurn> pool = staff ? turns : visible;
        UUID current = pool.stream().filter(t -> t.stage.isActive()).findFirst()
                .or(() -> pool.stream().filter(t -> t.stage == TurnStage.WAITING).findFirst())
                .or(() -> pool.stream().reduce((a, b) -> b))
                .map(t -> t.id).orElse(null);
        return new OralViews.Room(s.id, s.title, s.emergencyBasis, s.studyLevel, s.sittingDate, s.programme, s.language,
                s.allowRepeatTickets, s.preparationMinutes, s.answerMinutes, roles, actor.id(), time.now(), commission, head,
                students, turnViews, current, tickets.size(), s.publishedAt, config.finalGradeRule().name(),
                config.jitsi().domain().isPresent() && config.jitsi().appSecret().isPresent(), CHECKLIST);
    }

    private OralViews.Turn turnView(OralSitting s, OralTurn t, Actor actor, boolean staff, Map<UUID, String> names,
                                    Set<UUID> present, Map<Integer, OralTicket> tickets) {
        boolean own = t.studentId.equals(actor.id());
        OralViews.Check check = null;
        if (staff) {
            List<OralViews.Snapshot> shots = OralSnapshot.<OralSnapshot>list("turnId = ?1 order by takenAt", t.id).stream()
                    .map(x -> new OralViews.Snapshot(x.id, x.kind.name(), x.takenAt)).toList();
            check = new OralViews.Check(t.idDocumentChecked, t.idDocument, t.faceVerdict, checklist(t.roomChecklist),
                    t.checkPassed, t.checkNote, t.checkedAt, shots);
        } else if (own) {
            check = new OralViews.Check(t.idDocumentChecked, null, null, Map.of(), t.checkPassed, null, t.checkedAt, List.of());
        }
        boolean drawn = t.isDrawn();
        List<String> questions = drawn && tickets.containsKey(t.ticketNumber) ? tickets.get(t.ticketNumber).questions : null;

        OralViews.Grades grades = null;
        CommissionRole myRole = s.commissionRole(actor.id()).orElse(null);
        if (staff) {
            List<OralGrade> given = OralGrade.of(t.id);
            List<UUID> graders = s.graders();
            boolean allIn = given.stream().map(g -> g.memberId).collect(Collectors.toSet()).containsAll(graders);
            Integer mine = myRole != null && myRole.grades()
                    ? given.stream().filter(g -> g.memberId.equals(actor.id())).map(g -> g.points).findFirst().orElse(null) : null;
            Map<UUID, Integer> byMember = given.stream().collect(Collectors.toMap(g -> g.memberId, g -> g.points));
            // grades stay hidden from each other until everyone has graded (001 §6.15.6)
            List<OralViews.MemberGrade> all = allIn
                    ? graders.stream().map(id -> new OralViews.MemberGrade(id, names.get(id), byMember.get(id))).toList()
                    : List.of();
            grades = new OralViews.Grades(mine, given.size(), graders.size(), allIn, all);
        }
        OralViews.Result result = null;
        if (t.finalPoints != null && (staff || t.stage == TurnStage.PUBLISHED)) {
            LetterBand band = scale.gradeFor(BigDecimal.valueOf(t.finalPoints));
            result = new OralViews.Result(t.finalPoints, t.finalLetter, band.gpa().toPlainString(), band.traditionalMark(),
                    staff ? t.finalRule : null, t.stage == TurnStage.PUBLISHED);
        }
        OralViews.Failure failure = null;
        if (t.failureAt != null) {
            failure = new OralViews.Failure(t.failureAt, staff ? t.failureNote : null, t.incompleteDue, incompleteGrade(t));
        }
        return new OralViews.Turn(t.id, t.studentId, names.get(t.studentId), t.position, t.stage.name(), present.contains(t.studentId),
                check, t.commitment, drawn ? t.seedHex : null, drawn ? t.available() : null, t.ticketNumber, questions,
                t.drawnAt, t.prepStartedAt, t.prepDeadline, t.prepEndedAt, t.answerStartedAt, t.answerDeadline, t.answerEndedAt,
                grades, result, failure, t.resitOf, t.excluded(),
                t.linkLostAt, t.linkLostSeconds, t.answerPausedAt, t.answerRemainingMs);
    }

    /** "I" until the re-sit is graded, then that grade; "F" after the due date (001 §6.15.2). */
    private String incompleteGrade(OralTurn t) {
        LocalDate today = time.today();
        Optional<OralTurn> resit = OralTurn.<OralTurn>find("resitOf", t.id).firstResultOptional();
        IncompleteGrade i = new IncompleteGrade(LocalDate.ofInstant(t.failureAt, TimeSource.ZONE), t.incompleteDue, null, null);
        if (resit.isPresent() && resit.get().stage == TurnStage.PUBLISHED) {
            LocalDate on = LocalDate.ofInstant(resit.get().publishedAt, TimeSource.ZONE);
            if (!on.isAfter(t.incompleteDue)) i = i.clear(on, resit.get().finalLetter);
        }
        return i.effectiveGrade(today);
    }

    /** Staff of the sitting (commission, head) and administrators see checks, grades and the protocol. */
    void requireStaff(Actor actor, OralSitting s) {
        if (actor.has(Role.SYSTEM_ADMIN)) return;
        if (s.commissionRole(actor.id()).isPresent() || actor.id().equals(s.headId)) return;
        throw Problem.forbidden("Only the commission, the head of department and administrators see this");
    }

    // ------------------------------------------------------------------ helpers

    OralSitting sitting(UUID id) {
        return OralSitting.<OralSitting>findByIdOptional(id).orElseThrow(() -> Problem.notFound("Sitting"));
    }

    private OralTurn turn(UUID id) {
        return OralTurn.<OralTurn>findByIdOptional(id).orElseThrow(() -> Problem.notFound("Student's turn"));
    }

    private OralTurn lockedTurn(UUID id) {
        return OralTurn.<OralTurn>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> Problem.notFound("Student's turn"));
    }

    private void requireCommissionRole(Actor actor, OralSitting s, CommissionRole role, String message) {
        if (s.commissionRole(actor.id()).orElse(null) != role) throw Problem.forbidden(message);
    }

    private AppUser staff(UUID id, String what) {
        AppUser u = AppUser.<AppUser>findByIdOptional(id).orElseThrow(() -> Problem.notFound("The " + what + " " + id));
        if (!u.isActive()) throw new Problem(422, "ORAL_ACCOUNT_INACTIVE", u.fullName + " (" + what + ") has a suspended account");
        if (u.roles.equals(EnumSet.of(Role.STUDENT))) {
            throw new Problem(422, "ORAL_STUDENT_AS_STAFF", u.fullName + " is a student and can't be the " + what);
        }
        return u;
    }

    Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<UUID, String> out = new HashMap<>();
        AppUser.<AppUser>list("id in ?1", ids).forEach(u -> out.put(u.id, u.fullName));
        return out;
    }

    private void event(UUID sittingId, UUID turnId, String kind, Actor actor, String detail) {
        OralEvent e = new OralEvent();
        e.sittingId = sittingId;
        e.turnId = turnId;
        e.at = time.now();
        e.kind = kind;
        e.actorLogin = actor == null ? "system" : actor.login();
        e.detail = detail == null ? null : detail.length() > 1990 ? detail.substring(0, 1990) + "…" : detail;
        e.persist();
    }

    /** Tell every socket of the sitting once this transaction has committed. */
    private void changed(UUID sittingId, String reason) {
        afterCommit(() -> bus.publish(sittingId, toJson(Map.of("type", "changed", "sittingId", sittingId, "reason", reason))));
    }

    private void afterCommit(Runnable r) {
        AfterCommit.run(tx, r);
    }

    Map<String, Boolean> checklist(String jsonText) {
        if (jsonText == null) return Map.of();
        try {
            return json.readValue(jsonText, new TypeReference<LinkedHashMap<String, Boolean>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    LetterScale scale() {
        return scale;
    }

    OralConfig config() {
        return config;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------ casework (appeals, absences)

    /** The points and letter before and after an appeal's change. */
    public record GradeChange(UUID turnId, UUID sittingId, UUID studentId, Integer beforePoints, String beforeLetter,
                              int afterPoints, String afterLetter) {}

    /**
     * The one way a published oral grade changes: an upheld appeal (001 §6.15.5). Audited with before and
     * after; the caller (casework) checks who signs and keeps its own record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradeChange changeGradeOnAppeal(UUID turnId, Integer points, UUID appealId, String reason) {
        OralTurn t = lockedTurn(turnId);
        if (t.stage != TurnStage.PUBLISHED && t.stage != TurnStage.GRADED) {
            throw Problem.conflict("ORAL_STAGE", "Only a graded oral exam's grade can be changed on appeal");
        }
        if (points == null) throw Problem.badRequest("ORAL_POINTS_REQUIRED", "Send the new points (0–100)");
        FinalGradeRule.requirePoints(points);
        Integer beforePoints = t.finalPoints;
        String beforeLetter = t.finalLetter;
        t.finalPoints = points;
        t.finalLetter = scale.gradeFor(java.math.BigDecimal.valueOf(points)).letter();
        t.finalRule = "changed on appeal " + appealId + " (was " + beforePoints + " " + beforeLetter + ")";
        audit.record(Change.of("oral.grade-changed-on-appeal", "oral-turn", t.id).scope(t.sittingId)
                .before(Map.of("points", String.valueOf(beforePoints), "letter", String.valueOf(beforeLetter)))
                .after(Map.of("points", points, "letter", t.finalLetter))
                .detail(Map.of("appeal", appealId.toString(), "before", beforePoints + " " + beforeLetter,
                        "after", points + " " + t.finalLetter, "reason", reason == null ? "" : reason)));
        event(t.sittingId, t.id, "GRADE_CHANGED_ON_APPEAL", null, beforePoints + " " + beforeLetter + " → " + points + " " + t.finalLetter);
        return new GradeChange(t.id, t.sittingId, t.studentId, beforePoints, beforeLetter, points, t.finalLetter);
    }

    /**
     * A re-sit after an absence for a valid reason that the commission chair allowed (001 §6.15.3): a new
     * turn for the student on another sitting day (a different sitting, today or later, within the current
     * academic period). The absent turn must not have started. Audited in both sittings' scope.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OralTurn scheduleAbsenceResit(UUID absentTurnId, UUID sittingId, String basis) {
        OralTurn absent = lockedTurn(absentTurnId);
        if (absent.stage != TurnStage.WAITING) {
            throw Problem.conflict("ORAL_STAGE", "The student took part in this sitting: an absence re-sit is for a turn that never started");
        }
        if (sittingId == null) throw Problem.badRequest("ORAL_RESIT_SITTING", "Choose the sitting day of the re-sit");
        OralSitting target = sitting(sittingId);
        if (target.id.equals(absent.sittingId)) {
            throw new Problem(422, "ORAL_RESIT_SAME_SITTING", "The re-sit is on another sitting day (001 §6.15.3)");
        }
        LocalDate today = time.today();
        if (target.sittingDate.isBefore(today) || target.sittingDate.isAfter(periodEnd(today))) {
            throw new Problem(422, "ORAL_RESIT_DATE", "The re-sit is today or later, in the current academic period (by " + periodEnd(today) + ")");
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
        event(target.id, r.id, "RESIT_SCHEDULED", null, "after an absence for a valid reason (turn " + absent.id + ")");
        event(absent.sittingId, absent.id, "ABSENCE_EXCUSED", null, "re-sit on " + target.sittingDate + ": " + basis);
        changed(target.id, "resit");
        return r;
    }

    /**
     * A new sitting day for an absence re-sit (001 §6.15.3: "a re-sit on another sitting day set by the
     * commission"): the same commission, head of department, programme, language, emergency basis, timings and
     * tickets as the sitting the student missed, on {@code date}, with nobody admitted yet (the re-sit turn is
     * added by {@link #scheduleAbsenceResit}). Today or later, within the current academic period.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OralSitting resitDay(UUID missedSittingId, LocalDate date, UUID setBy) {
        OralSitting from = sitting(missedSittingId);
        LocalDate today = time.today();
        if (date == null) throw Problem.badRequest("ORAL_RESIT_SITTING", "Choose the sitting day of the re-sit");
        if (date.isBefore(today) || date.isAfter(periodEnd(today))) {
            throw new Problem(422, "ORAL_RESIT_DATE", "The re-sit is today or later, in the current academic period (by " + periodEnd(today) + ")");
        }
        if (date.equals(from.sittingDate)) {
            throw new Problem(422, "ORAL_RESIT_SAME_SITTING", "The re-sit is on another sitting day (001 §6.15.3)");
        }
        OralSitting s = new OralSitting();
        s.title = from.title + " — " + date;
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
        storeTickets(s.id, OralTicket.of(from.id).stream().map(tk -> new TicketImport.Ticket(tk.number, List.copyOf(tk.questions))).toList());
        audit.record(Change.of("oral.sitting.created", "oral-sitting", s.id).scope(s.id)
                .detail(Map.of("resitDayOf", from.id.toString(), "date", date.toString())));
        event(s.id, null, "SITTING_CREATED", null, "re-sit day of " + from.title + " (" + from.sittingDate + ")");
        return s;
    }
}
