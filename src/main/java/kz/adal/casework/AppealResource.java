package kz.adal.casework;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.casework.absence.AbsenceDocument;
import kz.adal.casework.inbox.Inbox;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.util.List;
import java.util.UUID;

/**
 * Appeals: the student files and follows them; the appeal commission (chair, deputy, members) sees its
 * list with deadlines, sets the hearing and decides; the dean's office or the admin sets up commissions.
 * E-mails go out after the transaction has committed.
 */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppealResource {

    private final AppealService appeals;
    private final AppealQueries read;
    private final Inbox inbox;
    private final CurrentUser me;

    AppealResource(AppealService appeals, AppealQueries read, Inbox inbox, CurrentUser me) {
        this.appeals = appeals;
        this.read = read;
        this.inbox = inbox;
        this.me = me;
    }

    @GET
    @Path("/appeals/options")
    @RolesAllowed(Role.Names.STUDENT)
    public List<AppealViews.Option> options() {
        return read.options(me.id());
    }

    @GET
    @Path("/appeals/mine")
    @RolesAllowed(Role.Names.STUDENT)
    public List<AppealViews.AppealView> mine() {
        return read.mine(me.id());
    }

    @POST
    @Path("/appeals")
    @RolesAllowed(Role.Names.STUDENT)
    public Response file(AppealService.FileRequest body) {
        var r = appeals.file(me.id(), body);
        inbox.deliverLater(r.notices());
        return Response.status(201).entity(r.value()).build();
    }

    @GET
    @Path("/appeals/commission")
    public List<AppealViews.AppealView> commission() {
        return read.forCommission(me.actor());
    }

    @GET
    @Path("/appeals/{id}")
    public AppealViews.AppealView get(@PathParam("id") UUID id) {
        return read.get(id, me.actor());
    }

    @GET
    @Path("/appeals/{id}/attachment")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") UUID id) {
        AbsenceDocument d = read.attachment(id, me.actor());
        return Response.ok(d.bytes(), d.type()).header("Content-Disposition", "attachment; filename=\"" + d.name().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The commission's decision as the document the student receives (?lang=kk|ru|en|kk-ru for another copy). */
    @GET
    @Path("/appeals/{id}/decision.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    public Response decisionPdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return Response.ok(read.decisionPdf(id, me.actor(), lang), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"appeal-decision-" + id + ".pdf\"").build();
    }

    @POST
    @Path("/appeals/{id}/hearing")
    public AppealViews.AppealView hearing(@PathParam("id") UUID id, AppealService.HearingRequest body) {
        var r = appeals.scheduleHearing(id, me.actor(), body);
        inbox.deliverLater(r.notices());
        return r.value();
    }

    @POST
    @Path("/appeals/{id}/decision")
    public AppealViews.AppealView decide(@PathParam("id") UUID id, AppealService.DecisionRequest body) {
        var r = appeals.decide(id, me.actor(), body);
        inbox.deliverLater(r.notices());
        return r.value();
    }

    @GET
    @Path("/appeal-commissions")
    public List<AppealViews.CommissionView> commissions() {
        return read.commissions(me.actor());
    }

    @POST
    @Path("/appeal-commissions")
    @RolesAllowed({Role.Names.DEAN, Role.Names.SYSTEM_ADMIN})
    public Response create(AppealService.CommissionRequest body) {
        var r = appeals.createCommission(me.id(), body);
        inbox.deliverLater(r.notices());
        return Response.status(201).entity(r.value()).build();
    }

    @POST
    @Path("/appeal-commissions/{id}/chair-absence")
    public AppealViews.CommissionView chairAbsence(@PathParam("id") UUID id, AppealService.AbsenceRequest body) {
        return appeals.chairAbsence(me.actor(), id, body);
    }
}
