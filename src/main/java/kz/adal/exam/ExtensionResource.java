package kz.adal.exam;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Extensions and individual sheets (001 §5.34–5.35), and the portal administrator's lock (001 §5.31). */
@Path("/api")
public class ExtensionResource {
    private final ExtensionService sheets;
    private final CurrentUser me;

    ExtensionResource(ExtensionService sheets, CurrentUser me) {
        this.sheets = sheets;
        this.me = me;
    }

    @POST
    @Path("/sheets")
    @RolesAllowed(Role.Names.STUDENT)
    public ExtensionService.SheetView apply(ExtensionService.ApplyRequest r) {
        return sheets.apply(r);
    }

    @GET
    @Path("/sheets/mine")
    @RolesAllowed(Role.Names.STUDENT)
    public List<ExtensionService.SheetView> mine() {
        return sheets.mine();
    }

    public record ExamChoice(UUID id, String title, String discipline, AssessmentKind kind, Instant opensAt, Instant closesAt) {}

    /** The published exams of the student's group, to apply for an extension of one. */
    @GET
    @Path("/sheets/exams")
    @RolesAllowed(Role.Names.STUDENT)
    @jakarta.transaction.Transactional
    public List<ExamChoice> examsToChoose() {
        Person s = People.find(me.id()).orElse(null);
        if (s == null || s.groupCode() == null) return List.of();
        return Exam.<Exam>list("groupCode = ?1 and state = ?2 order by opensAt", s.groupCode(), ExamState.PUBLISHED).stream()
                .map(e -> new ExamChoice(e.id, e.title, e.discipline, e.kind, e.opensAt, e.closesAt)).toList();
    }

    @GET
    @Path("/sheets/queue")
    @RolesAllowed({Role.Names.DEAN, Role.Names.ACADEMIC_POLICY_DIRECTOR, Role.Names.ACADEMIC_VICE_RECTOR})
    public List<ExtensionService.SheetView> queue() {
        return sheets.queue();
    }

    @GET
    @Path("/sheets/registrar")
    @RolesAllowed(Role.Names.REGISTRAR)
    public List<ExtensionService.SheetView> registrar() {
        return sheets.registrarList();
    }

    @GET
    @Path("/sheets/{id}")
    @Authenticated
    public ExtensionService.SheetView get(@PathParam("id") UUID id) {
        return sheets.get(id);
    }

    @GET
    @Path("/sheets/{id}/document")
    @Authenticated
    public Response document(@PathParam("id") UUID id) {
        ExtensionService.Document d = sheets.document(id);
        return Response.ok(d.bytes()).header("Content-Type", d.type())
                .header("Content-Disposition", "attachment; filename=\"" + d.name().replaceAll("[\"\\\\\\r\\n]", "_") + "\"").build();
    }

    /** The individual sheet as an official document (?lang=kk|ru|en|kk-ru for another copy). */
    @GET
    @Path("/sheets/{id}/sheet.pdf")
    @Authenticated
    @jakarta.ws.rs.Produces({"application/pdf", "application/problem+json"})
    public Response sheetPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return Response.ok(sheets.sheetPdf(id, lang), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"individual-sheet-" + id + ".pdf\"").build();
    }

    @POST
    @Path("/sheets/{id}/sign")
    @RolesAllowed({Role.Names.DEAN, Role.Names.ACADEMIC_POLICY_DIRECTOR, Role.Names.ACADEMIC_VICE_RECTOR})
    public ExtensionService.SheetView sign(@PathParam("id") UUID id) {
        return sheets.sign(id);
    }

    @POST
    @Path("/sheets/{id}/refuse")
    @RolesAllowed({Role.Names.DEAN, Role.Names.ACADEMIC_POLICY_DIRECTOR, Role.Names.ACADEMIC_VICE_RECTOR})
    public ExtensionService.SheetView refuse(@PathParam("id") UUID id, ExtensionService.ReasonRequest r) {
        return sheets.refuse(id, r == null ? null : r.reason());
    }

    @POST
    @Path("/sheets/{id}/order")
    @RolesAllowed(Role.Names.DEAN)
    public ExtensionService.SheetView order(@PathParam("id") UUID id, ExtensionService.OrderRequest r) {
        return sheets.issueOrder(id, r == null ? null : r.orderNumber());
    }

    public record IssueRequest(LocalDate receivedOn) {}

    @POST
    @Path("/sheets/{id}/issue")
    @RolesAllowed(Role.Names.DEAN)
    public ExtensionService.SheetView issue(@PathParam("id") UUID id, IssueRequest r) {
        return sheets.issueSheet(id, r == null ? null : r.receivedOn());
    }

    @PUT
    @Path("/sheets/{id}/grade")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public ExtensionService.SheetView grade(@PathParam("id") UUID id, ExtensionService.GradeRequest r) {
        return sheets.grade(id, r == null ? null : r.percent());
    }

    @POST
    @Path("/sheets/{id}/return")
    @RolesAllowed(Role.Names.REGISTRAR)
    public ExtensionService.SheetView returned(@PathParam("id") UUID id) {
        return sheets.returned(id);
    }

    @POST
    @Path("/sheets/{id}/ais")
    @RolesAllowed(Role.Names.REGISTRAR)
    public ExtensionService.SheetView recordedInAis(@PathParam("id") UUID id) {
        return sheets.recordedInAis(id);
    }

    // --- portal lock ---

    @GET
    @Path("/portal-locks")
    @RolesAllowed({Role.Names.PORTAL_ADMIN, Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN,
            Role.Names.DEAN, Role.Names.REGISTRAR})
    public List<ExtensionService.LockView> locks() {
        return sheets.locks();
    }

    @POST
    @Path("/portal-locks")
    @RolesAllowed(Role.Names.PORTAL_ADMIN)
    public ExtensionService.LockView lock(ExtensionService.LockRequest r) {
        return sheets.lock(r == null ? null : r.academicPeriod(), r == null ? null : r.note());
    }

    @DELETE
    @Path("/portal-locks")
    @RolesAllowed(Role.Names.PORTAL_ADMIN)
    public void unlock(@QueryParam("period") String period, @QueryParam("reason") String reason) {
        sheets.unlock(period, reason);
    }
}
