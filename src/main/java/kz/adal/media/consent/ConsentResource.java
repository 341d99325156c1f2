package kz.adal.media.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.util.UUID;

/** Consent to recording before a proctored exam (Law No. 94-V; 002 §1.15; 001 §6.13). */
@Path("/api")
@RolesAllowed(Role.Names.STUDENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentService consent;
    private final CurrentUser me;

    ConsentResource(ConsentService consent, CurrentUser me) {
        this.consent = consent;
        this.me = me;
    }

    @GET
    @Path("/exams/{examId}/recording-consent")
    public ConsentService.ConsentView view(@PathParam("examId") UUID examId) {
        return consent.view(examId, me.id());
    }

    @PUT
    @Path("/exams/{examId}/recording-consent")
    public ConsentService.ConsentView decide(@PathParam("examId") UUID examId, ConsentService.ConsentRequest body) {
        return consent.decide(examId, me.id(), body);
    }
}
