package kz.adal.oral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.oral.ticket.TicketImport;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Setting up an oral sitting in an emergency (001 §6.15, §6.15.6): its commission, head of department, admitted
 * students, timings and tickets; and replacing the tickets until the first draw.
 */
@ApplicationScoped
public class OralSetupService {
    private final OralConfig config;
    private final TimeSource time;
    private final AuditTrail audit;
    private final OralSittings sittings;

    OralSetupService(OralConfig config, TimeSource time, AuditTrail audit, OralSittings sittings) {
        this.config = config;
        this.time = time;
        this.audit = audit;
        this.sittings = sittings;
    }

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
        for (UUID id : commissionIds) sittings.staff(id, "commission member");
        Person head = sittings.staff(r.headId(), "head of department");
        if (!head.has(Role.HEAD_OF_DEPARTMENT)) {
            throw new Problem(422, "ORAL_HEAD_ROLE", head.fullName() + " is not a head of department (001 §6.15.6)");
        }

        // admitted students: only those who completed the curriculum (001 §5.39.4)
        List<UUID> studentIds = r.studentIds() == null ? List.of() : r.studentIds().stream().filter(Objects::nonNull).toList();
        if (studentIds.isEmpty()) throw Problem.badRequest("ORAL_STUDENTS_REQUIRED", "Admit at least one student");
        if (new HashSet<>(studentIds).size() != studentIds.size()) {
            throw new Problem(422, "ORAL_STUDENT_DUPLICATE", "A student is listed twice");
        }
        List<Person> students = new ArrayList<>();
        for (UUID id : studentIds) {
            Person s = People.find(id).orElseThrow(() -> Problem.notFound("Student " + id));
            if (!s.has(Role.STUDENT) || !s.active()) {
                throw new Problem(422, "ORAL_NOT_A_STUDENT", s.fullName() + " is not an active student account");
            }
            if (!s.curriculumCompleted()) {
                throw new Problem(422, "ORAL_NOT_ADMITTED", s.fullName() + " (" + s.login()
                        + ") has not completed the curriculum and is not admitted to final attestation (001 §5.39.4)");
            }
            if (s.instructionLanguage() != null && !s.instructionLanguage().equals(r.language())) {
                throw new Problem(422, "ORAL_LANGUAGE_MISMATCH", s.fullName() + " studies in '" + s.instructionLanguage()
                        + "', the sitting is in '" + r.language() + "' (001 §5.23.5)");
            }
            if (commissionIds.contains(id) || id.equals(r.headId())) {
                throw new Problem(422, "ORAL_ROLE_CONFLICT", s.fullName() + " can't be both examined and on the commission");
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
        for (Person student : students) {
            OralTurn t = new OralTurn();
            t.sittingId = s.id;
            t.studentId = student.id();
            t.position = position++;
            t.persist();
        }
        sittings.storeTickets(s.id, tickets);
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
        sittings.event(s.id, null, "SITTING_CREATED", actor, "tickets: " + tickets.size() + ", students: " + students.size());
        return s;
    }

    /** Replaces the ticket bank; refused once a ticket has been drawn in the sitting. */
    @Transactional
    public int replaceTickets(Actor actor, UUID sittingId, List<TicketInput> input, String text) {
        OralSitting s = sittings.sitting(sittingId);
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
        sittings.storeTickets(sittingId, tickets);
        audit.record(Change.of("oral.tickets.replaced", "oral-sitting", sittingId).scope(sittingId)
                .detail(Map.of("tickets", tickets.size())));
        sittings.event(sittingId, null, "TICKETS_REPLACED", actor, "tickets: " + tickets.size());
        sittings.changed(sittingId, "tickets");
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

    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
