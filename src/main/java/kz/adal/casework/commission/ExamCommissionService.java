package kz.adal.casework.commission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.exam.ExamCatalog.ExamRecord;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commission of a test exam: chair, members and technical secretary (the attestation commission of
 * 001 §6.15.2/§6.15.6, extended to tests). Set by the exam's teacher, a head of department or an admin;
 * frozen while an act of the exam is being voted on.
 */
@ApplicationScoped
public class ExamCommissionService {

    public record SetRequest(String chair, List<String> members, String secretary) {
    }

    public record Seat(UUID id, String login, String name, String email, String role) {
    }

    public record View(UUID examId, String examTitle, List<Seat> seats, boolean mayEdit) {
    }

    private final AuditTrail audit;
    private final TimeSource time;
    private final CurrentUser me;
    private final ExamCatalog exams;
    private final CommissionVoting voting;

    ExamCommissionService(AuditTrail audit, TimeSource time, CurrentUser me, ExamCatalog exams, CommissionVoting voting) {
        this.exams = exams;
        this.voting = voting;
        this.audit = audit;
        this.time = time;
        this.me = me;
    }

    @Transactional
    public View get(UUID examId) {
        ExamRecord exam = exam(examId);
        boolean member = ExamCommissions.sits(examId, me.id());
        if (!mayEdit(exam) && !member) throw Problem.forbidden("The exam's teacher, heads of department and its commission see the commission");
        return view(exam);
    }

    @Transactional
    public View set(UUID examId, SetRequest r) {
        ExamRecord exam = exam(examId);
        if (!mayEdit(exam)) throw Problem.forbidden("The exam's teacher, a head of department or an admin sets its commission");
        if (r == null || blank(r.chair())) throw Problem.badRequest("COMMISSION_CHAIR_REQUIRED", "Name the commission's chair");
        List<String> memberLogins = r.members() == null ? List.of() : r.members().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (memberLogins.isEmpty()) throw Problem.badRequest("COMMISSION_MEMBERS_REQUIRED", "Name at least one member besides the chair");
        if (voting.votingOn(examId)) {
            throw Problem.conflict("COMMISSION_VOTING", "An act of this exam is being voted on; its commission can't change until it is decided");
        }
        Map<UUID, CommissionSeat> seats = new LinkedHashMap<>();
        put(seats, person(r.chair()), CommissionSeat.CHAIR);
        for (String m : memberLogins) put(seats, person(m), CommissionSeat.MEMBER);
        if (!blank(r.secretary())) put(seats, person(r.secretary()), CommissionSeat.SECRETARY);
        List<String> before = ExamCommissionSeat.of(examId).stream().map(s -> s.role + ":" + s.key.userId).toList();
        ExamCommissionSeat.delete("key.examId", examId);
        ExamCommissionSeat.getEntityManager().flush();
        List<String> after = new ArrayList<>();
        seats.forEach((id, role) -> {
            ExamCommissionSeat s = new ExamCommissionSeat();
            s.key = new ExamCommissionSeat.Key(examId, id);
            s.role = role;
            s.addedBy = me.id();
            s.addedAt = time.now();
            s.persist();
            after.add(role + ":" + id);
        });
        audit.record(Change.of("exam.commission-set", "exam", examId).scope(examId).before(before).after(after));
        return view(exam);
    }

    private static void put(Map<UUID, CommissionSeat> seats, Person u, CommissionSeat role) {
        if (seats.containsKey(u.id())) {
            throw Problem.badRequest("COMMISSION_SEAT_TWICE", u.fullName() + " (" + u.login() + ") holds one seat only");
        }
        seats.put(u.id(), role);
    }

    private static Person person(String login) {
        Person u = People.byLogin(login.strip()).orElseThrow(() -> new Problem(422, "COMMISSION_PERSON_UNKNOWN", "No account " + login.strip()));
        if (!u.active()) throw new Problem(422, "COMMISSION_PERSON_INACTIVE", u.fullName() + " has a suspended account");
        if (u.roles().equals(EnumSet.of(Role.STUDENT))) {
            throw new Problem(422, "COMMISSION_STUDENT", u.fullName() + " is a student and can't sit on the commission");
        }
        return u;
    }

    private boolean mayEdit(ExamRecord exam) {
        return me.id().equals(exam.createdBy()) || me.has(Role.HEAD_OF_DEPARTMENT) || me.has(Role.SYSTEM_ADMIN);
    }

    private View view(ExamRecord exam) {
        List<Seat> seats = ExamCommissionSeat.of(exam.id()).stream().map(s -> {
            Person u = People.find(s.key.userId).orElse(null);
            return new Seat(u.id(), u.login(), u.fullName(), u.email(), s.role.name());
        }).toList();
        return new View(exam.id(), exam.title(), seats, mayEdit(exam));
    }

    private ExamRecord exam(UUID id) {
        return exams.find(id).orElseThrow(() -> Problem.notFound("Exam"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
