package kz.adal.proctoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;
import kz.adal.attempt.AttemptCatalog.AttemptRecord;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.exam.ExamCatalog;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;
import kz.adal.proctoring.ProctorViews.AssignRequest;
import kz.adal.proctoring.ProctorViews.AssignmentView;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who watches what: a teacher, head of department or administrator assigns a proctor to a whole exam or to one
 * attempt, and takes the assignment back. Audited (scope: the exam). What other features read of it is
 * {@link ProctorAssignments}.
 */
@ApplicationScoped
class ProctorAssignmentService {
    /** Who may assign proctors. */
    static final Set<Role> ASSIGNERS = EnumSet.of(Role.TEACHER, Role.HEAD_OF_DEPARTMENT, Role.SYSTEM_ADMIN);

    private final AuditTrail audit;
    private final AttemptCatalog attemptCatalog;
    private final ExamCatalog exams;
    private final ProctorChecks checks;

    ProctorAssignmentService(AuditTrail audit, AttemptCatalog attemptCatalog, ExamCatalog exams, ProctorChecks checks) {
        this.audit = audit;
        this.attemptCatalog = attemptCatalog;
        this.exams = exams;
        this.checks = checks;
    }

    @Transactional
    public AssignmentView assign(AssignRequest req, Actor actor) {
        ProctorChecks.requireAny(actor, ASSIGNERS, "Only a teacher, head of department or administrator assigns proctors");
        if (req == null || req.proctorLogin() == null || (req.examId() == null) == (req.attemptId() == null)) {
            throw Problem.badRequest("ASSIGNMENT_INVALID", "Send proctorLogin and either examId or attemptId");
        }
        Person proctor = People.byLogin(req.proctorLogin())
                .filter(u -> u.has(Role.PROCTOR)).orElseThrow(() -> Problem.unprocessable("ASSIGNMENT_NOT_A_PROCTOR",
                        "No proctor with login " + req.proctorLogin(), List.of()));
        UUID examId = req.examId();
        if (req.attemptId() != null) {
            AttemptRecord a = attemptCatalog.find(req.attemptId()).orElse(null);
            if (a == null) throw Problem.notFound("Attempt");
            examId = a.examId();
        } else if (exams.find(examId).isEmpty()) {
            throw Problem.notFound("Exam");
        }
        ProctorAssignment existing = req.examId() != null
                ? ProctorAssignment.find("proctorId = ?1 and examId = ?2", proctor.id(), req.examId()).firstResult()
                : ProctorAssignment.find("proctorId = ?1 and attemptId = ?2", proctor.id(), req.attemptId()).firstResult();
        if (existing != null) return view(existing, proctor.login());
        ProctorAssignment pa = new ProctorAssignment();
        pa.proctorId = proctor.id();
        pa.examId = req.examId();
        pa.attemptId = req.attemptId();
        pa.assignedBy = actor.id();
        pa.assignedAt = checks.now();
        pa.persist();
        audit.record(Change.of("proctoring.assigned", "proctor_assignment", pa.id).scope(examId)
                .detail(Map.of("proctor", proctor.login(), "target", req.examId() != null ? "exam" : "attempt")));
        return view(pa, proctor.login());
    }

    @Transactional
    public void unassign(UUID assignmentId, Actor actor) {
        ProctorChecks.requireAny(actor, ASSIGNERS, "Only a teacher, head of department or administrator assigns proctors");
        ProctorAssignment pa = ProctorAssignment.findById(assignmentId);
        if (pa == null) throw Problem.notFound("Assignment");
        UUID scope = pa.examId != null ? pa.examId : attemptCatalog.find(pa.attemptId).orElseThrow().examId();
        pa.delete();
        audit.record(Change.of("proctoring.unassigned", "proctor_assignment", assignmentId).scope(scope));
    }

    @Transactional
    public List<AssignmentView> assignments(UUID examId) {
        List<ProctorAssignment> list = examId == null ? ProctorAssignment.listAll() : ProctorAssignment.list("examId", examId);
        return list.stream().map(pa -> view(pa, People.find(pa.proctorId).orElseThrow().login())).toList();
    }

    private static AssignmentView view(ProctorAssignment pa, String login) {
        return new AssignmentView(pa.id, pa.proctorId, login, pa.examId, pa.attemptId, pa.assignedAt);
    }
}
