package kz.adal.proctoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.util.List;
import java.util.UUID;

/** Termination requests as the people who decide them read them (confirm and decline are on {@link ProctorResource}). */
@Path("/api")
@RolesAllowed({Role.Names.PROCTOR, Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.DEAN,
        Role.Names.ACADEMIC_POLICY_DIRECTOR, Role.Names.ACADEMIC_VICE_RECTOR, Role.Names.SYSTEM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TerminationResource {

    private final TerminationCases cases;
    private final CurrentUser me;

    TerminationResource(TerminationCases cases, CurrentUser me) {
        this.cases = cases;
        this.me = me;
    }

    /** The requests waiting for me to decide. */
    @GET
    @Path("/proctor/terminations")
    public List<TerminationCases.CaseView> waiting() {
        return cases.waitingFor(me.actor());
    }

    @GET
    @Path("/proctor/terminations/{id}")
    public TerminationCases.CaseView get(@PathParam("id") UUID id) {
        return cases.view(id, me.actor());
    }

    @GET
    @Path("/proctor/terminations/{id}/snapshots/{snapshotId}")
    @Produces("image/jpeg")
    public Response evidence(@PathParam("id") UUID id, @PathParam("snapshotId") UUID snapshotId) {
        return Response.ok(cases.evidence(id, snapshotId, me.actor())).header("Cache-Control", "private, max-age=3600").build();
    }
}
