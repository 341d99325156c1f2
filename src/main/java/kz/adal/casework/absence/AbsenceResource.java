package kz.adal.casework.absence;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.casework.inbox.Inbox;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.util.List;
import java.util.UUID;

/** Absence applications (001 §6.15.3): the student applies, the dean's office forwards, the sitting's chair gives the visa. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AbsenceResource {

    private final AbsenceService absences;
    private final Inbox inbox;
    private final CurrentUser me;

    AbsenceResource(AbsenceService absences, Inbox inbox, CurrentUser me) {
        this.absences = absences;
        this.inbox = inbox;
        this.me = me;
    }

    @GET
    @Path("/absences/options")
    @RolesAllowed(Role.Names.STUDENT)
    public List<AbsenceService.Option> options() {
        return absences.options(me.id());
    }

    @GET
    @Path("/absences/mine")
    @RolesAllowed(Role.Names.STUDENT)
    public List<AbsenceService.View> mine() {
        return absences.mine(me.id());
    }

    @POST
    @Path("/absences")
    @RolesAllowed(Role.Names.STUDENT)
    public Response apply(AbsenceService.ApplyRequest body) {
        var r = absences.apply(me.id(), body);
        inbox.deliverLater(r.notices());
        return Response.status(201).entity(r.value()).build();
    }

    @GET
    @Path("/absences/dean")
    @RolesAllowed(Role.Names.DEAN)
    public List<AbsenceService.View> dean() {
        return absences.forDean(me.id());
    }

    @POST
    @Path("/absences/{id}/forward")
    @RolesAllowed(Role.Names.DEAN)
    public AbsenceService.View forward(@PathParam("id") UUID id, AbsenceService.ForwardRequest body) {
        var r = absences.forward(me.id(), id, body);
        inbox.deliverLater(r.notices());
        return r.value();
    }

    @GET
    @Path("/absences/chair")
    public List<AbsenceService.View> chair() {
        return absences.forChair(me.id());
    }

    @GET
    @Path("/absences/{id}/resit-sittings")
    public List<AbsenceService.SittingOption> resitSittings(@PathParam("id") UUID id) {
        return absences.resitSittings(me.id(), id);
    }

    @POST
    @Path("/absences/{id}/visa")
    public AbsenceService.View visa(@PathParam("id") UUID id, AbsenceService.VisaRequest body) {
        var r = absences.visa(me.id(), id, body);
        inbox.deliverLater(r.notices());
        return r.value();
    }

    @GET
    @Path("/absences/{id}/document")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("id") UUID id) {
        AbsenceDocument d = absences.document(me.actor(), id);
        return Response.ok(d.bytes(), d.type()).header("Content-Disposition", "attachment; filename=\"" + d.name().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
