package kz.adal.proctoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.proctoring.ProctorViews.AssignRequest;
import kz.adal.proctoring.ProctorViews.AssignmentView;
import kz.adal.proctoring.ProctorViews.MessageView;
import kz.adal.proctoring.ProctorViews.PresenceCheckRequest;
import kz.adal.proctoring.ProctorViews.ReasonRequest;
import kz.adal.proctoring.ProctorViews.SendMessageRequest;
import kz.adal.proctoring.ProctorViews.TerminationView;
import kz.adal.proctoring.ProctorViews.TimelineView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The proctor's actions and the assignments. Thin: parse, call {@link ProctorService} (suspend, resume, terminate),
 * {@link ProctorMessages}, {@link ProctorAssignmentService} or {@link ProctorQueries} (what the pages read).
 */
@Path("/api")
@RolesAllowed({Role.Names.PROCTOR, Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.DEAN,
        Role.Names.ACADEMIC_POLICY_DIRECTOR, Role.Names.ACADEMIC_VICE_RECTOR, Role.Names.SYSTEM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProctorResource {

    private final ProctorService service;
    private final ProctorMessages messages;
    private final ProctorAssignmentService assignments;
    private final ProctorQueries queries;
    private final CurrentUser me;

    ProctorResource(ProctorService service, ProctorMessages messages, ProctorAssignmentService assignments, ProctorQueries queries,
                    CurrentUser me) {
        this.service = service;
        this.messages = messages;
        this.assignments = assignments;
        this.queries = queries;
        this.me = me;
    }

    @GET
    @Path("/proctor/sessions")
    public List<Map<String, Object>> sessions() {
        return queries.grid(me.actor());
    }

    @GET
    @Path("/proctor/attempts/{id}/timeline")
    public TimelineView timeline(@PathParam("id") UUID id) {
        return queries.timeline(id, me.actor());
    }

    @GET
    @Path("/proctor/attempts/{id}/snapshots/{snapshotId}")
    @Produces("image/jpeg")
    public Response evidence(@PathParam("id") UUID id, @PathParam("snapshotId") UUID snapshotId) {
        return Response.ok(queries.evidence(id, snapshotId, me.actor())).header("Cache-Control", "private, max-age=3600").build();
    }

    @POST
    @Path("/proctor/attempts/{id}/messages")
    public MessageView message(@PathParam("id") UUID id, SendMessageRequest body) {
        return messages.send(id, body == null ? null : body.kind(), body == null ? null : body.text(), me.actor());
    }

    @POST
    @Path("/proctor/attempts/{id}/presence-checks")
    public MessageView presence(@PathParam("id") UUID id, PresenceCheckRequest body) {
        return messages.presenceCheck(id, body == null ? null : body.question(), body == null ? null : body.answerWithinSeconds(), me.actor());
    }

    @POST
    @Path("/proctor/attempts/{id}/suspend")
    public Response suspend(@PathParam("id") UUID id, ReasonRequest body) {
        service.suspend(id, body == null ? null : body.reason(), me.actor());
        return Response.noContent().build();
    }

    @POST
    @Path("/proctor/attempts/{id}/resume")
    public Response resume(@PathParam("id") UUID id) {
        service.resume(id, me.actor());
        return Response.noContent().build();
    }

    /** 200 with state CONFIRMED when done at once; 202 with state PENDING when a confirmation is needed. */
    @POST
    @Path("/proctor/attempts/{id}/terminate")
    public Response terminate(@PathParam("id") UUID id, ReasonRequest body) {
        TerminationView t = service.terminate(id, body == null ? null : body.reason(), me.actor());
        return Response.status(ProctorTermination.State.PENDING.name().equals(t.state()) ? 202 : 200).entity(t).build();
    }

    @POST
    @Path("/proctor/terminations/{id}/confirm")
    public TerminationView confirm(@PathParam("id") UUID id) {
        return service.confirmTermination(id, me.actor());
    }

    @POST
    @Path("/proctor/terminations/{id}/decline")
    public TerminationView decline(@PathParam("id") UUID id) {
        return service.declineTermination(id, me.actor());
    }

    @GET
    @Path("/proctor/assignments")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public List<AssignmentView> assignments(@QueryParam("examId") UUID examId) {
        return assignments.assignments(examId);
    }

    @POST
    @Path("/proctor/assignments")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public AssignmentView assign(AssignRequest body) {
        return assignments.assign(body, me.actor());
    }

    @DELETE
    @Path("/proctor/assignments/{id}")
    @RolesAllowed({Role.Names.TEACHER, Role.Names.HEAD_OF_DEPARTMENT, Role.Names.SYSTEM_ADMIN})
    public Response unassign(@PathParam("id") UUID id) {
        assignments.unassign(id, me.actor());
        return Response.noContent().build();
    }
}
