package kz.adal.exam;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.Role;

import java.util.List;
import java.util.UUID;

/** Exam definitions, admission and accommodations for teachers and administrators (grade sheets: {@code exam.sheet.GradeSheetResource}). */
@Path("/api")
@RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
public class ExamResource {

    private final ExamService exams;
    private final AdmissionService admission;
    private final ExtensionService sheets;
    @jakarta.inject.Inject kz.adal.platform.RequestLanguage language;

    ExamResource(ExamService exams, AdmissionService admission, ExtensionService sheets) {
        this.exams = exams;
        this.admission = admission;
        this.sheets = sheets;
    }

    @GET
    @Path("/exams")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN, Role.Names.DEAN, Role.Names.REGISTRAR})
    public List<ExamView> list() {
        return exams.list();
    }

    @POST
    @Path("/exams")
    public ExamView create(ExamRequest r) {
        return exams.create(r);
    }

    public record CheckResult(boolean ok, List<ExamProblem> problems) {}

    /** The live check behind the form: every problem at once, nothing saved. */
    @POST
    @Path("/exams/check")
    public CheckResult check(ExamRequest r, @QueryParam("exam") UUID examId) {
        String lang = language.get();
        List<ExamProblem> problems = exams.check(r, examId, lang).stream().map(p -> p.in(lang)).toList();
        return new CheckResult(problems.isEmpty(), problems);
    }

    @GET
    @Path("/exams/options/groups")
    public List<ExamService.GroupOption> groups() {
        return exams.groups();
    }

    @GET
    @Path("/exams/options/banks")
    public List<ExamService.BankOption> banks() {
        return exams.banks();
    }

    @GET
    @Path("/exams/{id}")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN, Role.Names.DEAN, Role.Names.REGISTRAR})
    public ExamView get(@PathParam("id") UUID id) {
        return exams.get(id);
    }

    @PUT
    @Path("/exams/{id}")
    public ExamView update(@PathParam("id") UUID id, ExamRequest r) {
        return exams.update(id, r);
    }

    @POST
    @Path("/exams/{id}/publish")
    public ExamView publish(@PathParam("id") UUID id) {
        return exams.publish(id);
    }

    @POST
    @Path("/exams/{id}/cancel")
    public ExamView cancel(@PathParam("id") UUID id, ExamService.ReasonRequest r) {
        return exams.cancel(id, r == null ? null : r.reason());
    }

    @POST
    @Path("/exams/{id}/release-results")
    public ExamView releaseResults(@PathParam("id") UUID id) {
        return exams.releaseResults(id);
    }

    // --- admission and accommodations ---

    @GET
    @Path("/exams/{id}/students")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN, Role.Names.DEAN})
    public List<AdmissionService.RosterRow> students(@PathParam("id") UUID id) {
        return admission.roster(id);
    }

    @PUT
    @Path("/exams/{id}/admissions/{studentId}")
    public AdmissionService.RosterRow admit(@PathParam("id") UUID id, @PathParam("studentId") UUID studentId, AdmissionService.AdmissionRequest r) {
        return admission.decide(id, studentId, r == null ? null : r.admitted(), r == null ? null : r.reason());
    }

    /** CSV {@code login,admitted,reason}; all-or-nothing, problems with line numbers (422). */
    @POST
    @Path("/exams/{id}/admissions/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public AdmissionService.ImportResult importAdmissions(@PathParam("id") UUID id, byte[] csv) {
        return admission.importCsv(id, csv);
    }

    /** Extra time with its documented basis, approved by a dean (001 §5.8.2). */
    @PUT
    @Path("/exams/{id}/accommodations/{studentId}")
    @RolesAllowed(Role.Names.DEAN)
    public AdmissionService.RosterRow accommodate(@PathParam("id") UUID id, @PathParam("studentId") UUID studentId,
                                                  AdmissionService.AccommodationRequest r) {
        return admission.accommodate(id, studentId, r == null ? null : r.extraMinutes(), r == null ? null : r.basis());
    }

    @DELETE
    @Path("/exams/{id}/accommodations/{studentId}")
    @RolesAllowed(Role.Names.DEAN)
    public void withdraw(@PathParam("id") UUID id, @PathParam("studentId") UUID studentId, @QueryParam("reason") String reason) {
        admission.withdrawAccommodation(id, studentId, reason);
    }

    @GET
    @Path("/exams/{id}/sheets")
    public List<ExtensionService.SheetView> sheets(@PathParam("id") UUID id) {
        exams.requireVisible(id);
        return sheets.forExam(id);
    }

}
