package kz.adal.exam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.audit.AuditTrail;
import kz.adal.audit.AuditTrail.Change;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.adal.platform.Fields;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may sit an exam: admission after all control tasks (001 §5.30), by CSV or by hand with a
 * reason, and per-student extra time with its documented basis approved by a dean (001 §5.8.2).
 */
@ApplicationScoped
public class AdmissionService {
    /** Extra time beyond this is not an accommodation of a test but a different sitting. */
    public static final int MAX_EXTRA_MINUTES = 120;

    private final ExamService exams;
    private final AuditTrail audit;
    private final TimeSource time;
    private final CurrentUser me;

    AdmissionService(ExamService exams, AuditTrail audit, TimeSource time, CurrentUser me) {
        this.exams = exams;
        this.audit = audit;
        this.time = time;
        this.me = me;
    }

    /** One student of the exam's group with what decides whether and how they sit. */
    public record RosterRow(UUID studentId, String login, String fullName, String language, boolean curriculumCompleted,
                            Boolean admitted, String admissionReason, String admissionSource, Instant admissionDecidedAt,
                            boolean mayStart, Integer extraMinutes, String accommodationBasis, Instant accommodationApprovedAt,
                            String sheetState, LocalDate sheetValidThrough) {}

    @Transactional
    public List<RosterRow> roster(UUID examId) {
        Exam exam = exams.requireVisible(examId);
        List<RosterRow> rows = new ArrayList<>();
        LocalDate today = time.today();
        for (Person s : ExamService.groupStudents(exam.groupCode)) {
            Admission a = Admission.findById(new Admission.ExamStudent(examId, s.id()));
            Accommodation acc = Accommodation.findById(new Admission.ExamStudent(examId, s.id()));
            List<Extension> sheets = Extension.list("examId = ?1 and studentId = ?2 order by appliedAt desc", examId, s.id());
            Extension sheet = sheets.isEmpty() ? null : sheets.get(0);
            boolean curriculumOk = !exam.kind.requiresCompletedCurriculum() || s.curriculumCompleted();
            rows.add(new RosterRow(s.id(), s.login(), s.fullName(), s.instructionLanguage(), s.curriculumCompleted(),
                    a == null ? null : a.admitted, a == null ? null : a.reason, a == null ? null : a.source.name(),
                    a == null ? null : a.decidedAt, curriculumOk && ExamAccess.isAdmitted(exam, s.id()),
                    acc == null ? null : acc.extraMinutes, acc == null ? null : acc.basis, acc == null ? null : acc.approvedAt,
                    sheet == null ? null : sheet.state.name(),
                    sheet != null && sheet.receivedOn != null ? sheet.sheet().validThrough() : null));
        }
        return rows;
    }

    /** A decision by hand: admitted or not, and the reason either way, so the decision can be traced (001 §5.30). */
    public record AdmissionRequest(@NotNull(message = "is required") Boolean admitted, @NotBlank(message = "is required") String reason) {}

    /** By hand: the reason is required either way, so the decision can be traced (001 §5.30). */
    @Transactional
    public RosterRow decide(UUID examId, UUID studentId, Boolean admitted, String reason) {
        Exam exam = exams.requireManageable(examId);
        Fields.check(new AdmissionRequest(admitted, reason), AdmissionRequest.class);
        Person s = requireGroupStudent(exam, studentId);
        record(exam, s, admitted, reason.trim(), Admission.Source.MANUAL);
        audit.record(Change.of("exam.admission", "exam", exam.id).scope(exam.id)
                .detail(Map.of("student", s.login(), "admitted", admitted, "reason", reason.trim(), "source", "MANUAL")));
        return roster(examId).stream().filter(r -> r.studentId().equals(studentId)).findFirst().orElseThrow();
    }

    public record ImportResult(int rows, int admitted, int notAdmitted) {}

    /** All-or-nothing: any bad line and nothing is written; every problem comes back with its line number. */
    @Transactional
    public ImportResult importCsv(UUID examId, byte[] csv) {
        Exam exam = exams.requireManageable(examId);
        AdmissionCsv.Parsed parsed = AdmissionCsv.parse(csv);
        List<AdmissionCsv.LineProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, Person> students = new HashMap<>();
        ExamService.groupStudents(exam.groupCode).forEach(s -> students.put(s.login(), s));
        Set<String> seen = new HashSet<>();
        for (AdmissionCsv.Row row : parsed.rows()) {
            if (row.login().isEmpty()) continue;
            if (!seen.add(row.login())) {
                problems.add(new AdmissionCsv.LineProblem(row.line(), "login '" + row.login() + "' appears twice in the file"));
            } else if (!students.containsKey(row.login())) {
                boolean exists = People.byLogin(row.login()).isPresent();
                problems.add(new AdmissionCsv.LineProblem(row.line(), exists
                        ? "'" + row.login() + "' is not a student of group " + exam.groupCode
                        : "no account with login '" + row.login() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(AdmissionCsv.LineProblem::line));
            throw Problem.unprocessable("IMPORT_REJECTED", problems.size() + " line(s) have problems; nothing was imported", problems);
        }
        int yes = 0;
        for (AdmissionCsv.Row row : parsed.rows()) {
            record(exam, students.get(row.login()), row.admitted(), row.reason(), Admission.Source.CSV);
            if (row.admitted()) yes++;
        }
        audit.record(Change.of("exam.admission-imported", "exam", exam.id).scope(exam.id)
                .detail(Map.of("rows", parsed.rows().size(), "admitted", yes)));
        return new ImportResult(parsed.rows().size(), yes, parsed.rows().size() - yes);
    }

    /**
     * Extra time of 1 to {@link #MAX_EXTRA_MINUTES} minutes and its documented basis, at least five characters
     * once trimmed (001 §5.8.2).
     */
    public record AccommodationRequest(@NotNull(message = "{problem.EXTRA_TIME_INVALID}")
                                       @Min(value = 1, message = "{problem.EXTRA_TIME_INVALID}")
                                       @Max(value = MAX_EXTRA_MINUTES, message = "{problem.EXTRA_TIME_INVALID}") Integer extraMinutes,
                                       @NotNull(message = "{problem.BASIS_REQUIRED}")
                                       @Pattern(regexp = "(?s)\\s*\\S.{3,}\\S\\s*", message = "{problem.BASIS_REQUIRED}") String basis) {}

    /** A dean approves extra time with its documented basis, e.g. a PMPC recommendation (001 §5.8.2). */
    @Transactional
    public RosterRow accommodate(UUID examId, UUID studentId, Integer extraMinutes, String basis) {
        Exam exam = Exam.findById(examId);
        if (exam == null) throw Problem.notFound("Exam");
        Person s = requireGroupStudent(exam, studentId);
        Fields.check(new AccommodationRequest(extraMinutes, basis), AccommodationRequest.class);
        Admission.ExamStudent key = new Admission.ExamStudent(examId, studentId);
        Accommodation a = Accommodation.findById(key);
        Integer before = a == null ? null : a.extraMinutes;
        if (a == null) {
            a = new Accommodation();
            a.key = key;
        }
        a.extraMinutes = extraMinutes;
        a.basis = basis.trim();
        a.approvedBy = me.id();
        a.approvedAt = time.now();
        a.persist();
        Map<String, Object> detail = new HashMap<>(Map.of("student", s.login(), "extraMinutes", extraMinutes, "basis", a.basis));
        if (before != null) detail.put("before", before);
        audit.record(Change.of("exam.accommodation-approved", "exam", exam.id).scope(exam.id).detail(detail));
        return roster(examId).stream().filter(r -> r.studentId().equals(studentId)).findFirst().orElseThrow();
    }

    @Transactional
    public void withdrawAccommodation(UUID examId, UUID studentId, String reason) {
        Accommodation a = Accommodation.findById(new Admission.ExamStudent(examId, studentId));
        if (a == null) throw Problem.notFound("Accommodation");
        Fields.check(new ExamService.ReasonRequest(reason), ExamService.ReasonRequest.class);   // ?reason=, why it is withdrawn
        a.delete();
        audit.record(Change.of("exam.accommodation-withdrawn", "exam", examId).scope(examId)
                .detail(Map.of("student", studentId.toString(), "reason", reason.trim())));
    }

    private void record(Exam exam, Person s, boolean admitted, String reason, Admission.Source source) {
        Admission.ExamStudent key = new Admission.ExamStudent(exam.id, s.id());
        Admission a = Admission.findById(key);
        if (a == null) {
            a = new Admission();
            a.key = key;
        }
        a.admitted = admitted;
        a.reason = reason;
        a.source = source;
        a.decidedBy = me.id();
        a.decidedAt = time.now();
        a.persist();
    }

    private static Person requireGroupStudent(Exam exam, UUID studentId) {
        Person s = People.find(studentId).orElse(null);
        if (s == null || !exam.groupCode.equals(s.groupCode()) || !s.has(kz.adal.identity.Role.STUDENT)) {
            throw Problem.badRequest("NOT_IN_GROUP", "This student is not in group " + exam.groupCode);
        }
        return s;
    }
}
