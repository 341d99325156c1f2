package kz.adal.exam.sheet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.Role;

import java.util.UUID;

/** An exam's grade sheet and its exports (the AIS export, 001 §5.33); the addresses are the exam's. */
@Path("/api")
@RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
public class GradeSheetResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GradeSheetService grades;
    @jakarta.inject.Inject kz.adal.platform.RequestLanguage language;

    GradeSheetResource(GradeSheetService grades) {
        this.grades = grades;
    }

    @GET
    @Path("/exams/{id}/grades")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN, Role.Names.DEAN, Role.Names.REGISTRAR})
    public GradeSheetService.GradeSheet gradeSheet(@PathParam("id") UUID id) {
        return grades.sheet(id);
    }

    @GET
    @Path("/exams/{id}/grades.csv")
    @Produces("text/csv")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN, Role.Names.DEAN, Role.Names.REGISTRAR})
    public Response gradeSheetCsv(@PathParam("id") UUID id) {
        return download(grades.csv(id, language.get()), "text/csv; charset=UTF-8", "grade-sheet-" + id + ".csv");
    }

    @GET
    @Path("/exams/{id}/grades.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN, Role.Names.DEAN, Role.Names.REGISTRAR})
    public Response gradeSheetPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return download(grades.pdf(id, lang), "application/pdf", "grade-sheet-" + id + ".pdf");
    }

    /** After two days have passed since the last attestation day (001 §5.33); format csv (default) or xlsx. */
    @GET
    @Path("/exams/{id}/ais-export")
    @Produces({"text/csv", XLSX, "application/problem+json"})
    public Response aisExport(@PathParam("id") UUID id, @QueryParam("format") String format) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        byte[] bytes = grades.aisExport(id, xlsx ? "xlsx" : "csv");
        return xlsx ? download(bytes, XLSX, "ais-" + id + ".xlsx") : download(bytes, "text/csv; charset=UTF-8", "ais-" + id + ".csv");
    }

    private static Response download(byte[] bytes, String type, String name) {
        return Response.ok(bytes).header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
