package kz.adal.exam.seb;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.adal.identity.Role;

import java.util.UUID;

/** Safe Exam Browser per exam: the staff's setting, the .seb file, and the check page's question. */
@Path("/api")
public class SebResource {
    private final SafeExamBrowser seb;

    SebResource(SafeExamBrowser seb) {
        this.seb = seb;
    }

    @GET
    @Path("/exams/{id}/seb")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public SafeExamBrowser.SettingsView settings(@PathParam("id") UUID id, @Context UriInfo uri) {
        return seb.settings(id, SafeExamBrowser.base(uri.getBaseUri()));
    }

    @PUT
    @Path("/exams/{id}/seb")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public SafeExamBrowser.SettingsView update(@PathParam("id") UUID id, SafeExamBrowser.SettingsRequest r, @Context UriInfo uri) {
        return seb.update(id, r, SafeExamBrowser.base(uri.getBaseUri()));
    }

    /** The exam's .seb file (it holds no secret: SEB computes the same key from it). */
    @GET
    @Path("/exams/{id}/seb/config.seb")
    @Produces("application/seb")
    @RolesAllowed({Role.Names.STUDENT, Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public Response config(@PathParam("id") UUID id, @Context UriInfo uri) {
        return Response.ok(seb.configFile(id, SafeExamBrowser.base(uri.getBaseUri())), "application/seb")
                .header("Content-Disposition", "attachment; filename=\"adal-exam.seb\"").build();
    }

    @GET
    @Path("/student/exams/{id}/seb")
    @RolesAllowed(Role.Names.STUDENT)
    public SafeExamBrowser.StudentView student(@PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return seb.student(id, uri.getRequestUri(), SafeExamBrowser.base(uri.getBaseUri()), SafeExamBrowser.Keys.from(headers::getHeaderString));
    }
}
