package kz.adal.casework;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.casework.commission.ExamCommissionService;
import kz.adal.casework.inbox.Inbox;
import kz.adal.casework.inbox.PostedNotice;
import kz.adal.identity.Role;

import java.util.List;
import java.util.UUID;

/**
 * Technical-failure acts and exam commissions. Thin: the rules and the object-level checks are in
 * {@link ActService} (commands), {@link ActQueries} (reads) and {@link ExamCommissionService}; the e-mails go out here, after the commit.
 */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActResource {

    public record VoteRequest(String choice, String comment) {
    }

    private final ActService acts;
    private final ActQueries read;
    private final ExamCommissionService commissions;
    private final Inbox inbox;

    ActResource(ActService acts, ActQueries read, ExamCommissionService commissions, Inbox inbox) {
        this.acts = acts;
        this.read = read;
        this.commissions = commissions;
        this.inbox = inbox;
    }

    @GET
    @Path("/exams/{examId}/commission")
    public ExamCommissionService.View commission(@PathParam("examId") UUID examId) {
        return commissions.get(examId);
    }

    @PUT
    @Path("/exams/{examId}/commission")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public ExamCommissionService.View setCommission(@PathParam("examId") UUID examId, ExamCommissionService.SetRequest r) {
        return commissions.set(examId, r);
    }

    @POST
    @Path("/attempts/{attemptId}/acts")
    public Response draft(@PathParam("attemptId") UUID attemptId) {
        return Response.status(201).entity(acts.draftForAttempt(attemptId)).build();
    }

    @GET
    @Path("/acts")
    public List<ActViews.ActRow> mine() {
        return read.mine();
    }

    @GET
    @Path("/acts/candidates")
    public List<ActViews.Candidate> candidates() {
        return read.candidates();
    }

    @GET
    @Path("/acts/{id}")
    public ActViews.ActView get(@PathParam("id") UUID id) {
        return read.get(id);
    }

    @PUT
    @Path("/acts/{id}")
    public ActViews.ActView edit(@PathParam("id") UUID id, ActService.Edit e) {
        return acts.edit(id, e);
    }

    @POST
    @Path("/acts/{id}/sign")
    public ActViews.ActView sign(@PathParam("id") UUID id) {
        ActService.Posted p = acts.sign(id);
        deliver(p.notices());
        return read.get(id);
    }

    @POST
    @Path("/acts/{id}/votes")
    public ActViews.ActView vote(@PathParam("id") UUID id, VoteRequest r) {
        return acts.vote(id, r == null ? null : r.choice(), r == null ? null : r.comment());
    }

    @POST
    @Path("/acts/{id}/decision")
    public ActViews.ActView decide(@PathParam("id") UUID id, ActService.Decision d) {
        ActService.Posted p = acts.decide(id, d);
        deliver(p.notices());
        return read.get(id);
    }

    private void deliver(List<PostedNotice> notices) {
        inbox.deliverLater(notices);
    }

    @GET
    @Path("/acts/{id}/act.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return Response.ok(read.pdfFor(id, lang)).header("Content-Disposition", "attachment; filename=\"act-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/incompletes/mine")
    public List<ActViews.IncompleteView> incompletes() {
        return read.myIncompletes();
    }
}
