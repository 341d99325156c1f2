package kz.adal.oral;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.adal.identity.Actor;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.oral.room.OralVideo;
import kz.adal.platform.Problem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** REST for the oral exam; see docs/oral-exam.md for the flow. Thin: parse, call one service method. */
@Path("/api/oral")
@Blocking
@RolesAllowed("**")
public class OralResource {
    private final OralSittingService service;
    private final OralSetupService setup;
    private final OralRoomQueries rooms;
    private final OralProtocol protocol;
    private final OralVideo video;
    private final CurrentUser me;
    private final OralRecordingService recording;

    OralResource(OralSittingService service, OralSetupService setup, OralRoomQueries rooms, OralProtocol protocol, OralVideo video,
                 CurrentUser me, OralRecordingService recording) {
        this.recording = recording;
        this.service = service;
        this.setup = setup;
        this.rooms = rooms;
        this.protocol = protocol;
        this.video = video;
        this.me = me;
    }

    private Actor actor() {
        return me.actor();
    }

    @GET
    @Path("/sittings")
    public List<OralViews.SittingSummary> list() {
        return rooms.mine(actor());
    }

    @POST
    @Path("/sittings")
    @RolesAllowed({Role.Names.HEAD_OF_DEPARTMENT, Role.Names.DEAN, Role.Names.SYSTEM_ADMIN})
    public Response create(OralSetupService.SetupRequest r) {
        OralSitting s = setup.create(actor(), r);
        return Response.status(201).entity(rooms.created(actor(), s.id)).build();
    }

    @GET
    @Path("/sittings/{id}")
    public OralViews.Room room(@PathParam("id") UUID id) {
        return rooms.room(actor(), id);
    }

    public record TicketsRequest(List<OralSetupService.TicketInput> tickets, String text) {}

    @PUT
    @Path("/sittings/{id}/tickets")
    public Map<String, Integer> replaceTickets(@PathParam("id") UUID id, TicketsRequest r) {
        if (r == null) throw Problem.badRequest("EMPTY_REQUEST", "Send tickets or text");
        return Map.of("tickets", setup.replaceTickets(actor(), id, r.tickets(), r.text()));
    }

    /** The ticket bank as plain text or CSV (see {@link TicketImport}). */
    @PUT
    @Path("/sittings/{id}/tickets/import")
    @Consumes({MediaType.TEXT_PLAIN, "text/csv"})
    public Map<String, Integer> importTickets(@PathParam("id") UUID id, String text) {
        return Map.of("tickets", setup.replaceTickets(actor(), id, null, text == null ? "" : text));
    }

    @POST
    @Path("/turns/{turnId}/snapshots")
    @Consumes({"image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    public Map<String, Object> snapshot(@PathParam("turnId") UUID turnId, @QueryParam("kind") String kind, byte[] jpeg) {
        OralSnapshot.Kind k;
        try {
            k = kind == null ? OralSnapshot.Kind.ROOM : OralSnapshot.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("ORAL_SNAPSHOT_KIND", "kind is IDENTITY, DESK or ROOM");
        }
        OralSnapshot s = service.addSnapshot(actor(), turnId, k, jpeg);
        return Map.of("id", s.id, "kind", s.kind, "takenAt", s.takenAt);
    }

    @GET
    @Path("/snapshots/{id}")
    @Produces("image/jpeg")
    public Response snapshotImage(@PathParam("id") UUID id) {
        return Response.ok(service.snapshot(actor(), id)).header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/turns/{turnId}/check")
    public OralViews.Room check(@PathParam("turnId") UUID turnId, OralSittingService.CheckRequest r) {
        OralTurn t = service.recordCheck(actor(), turnId, r);
        return rooms.room(actor(), t.sittingId);
    }

    @POST
    @Path("/turns/{turnId}/draw")
    public OralViews.Draw draw(@PathParam("turnId") UUID turnId) {
        return service.draw(actor(), turnId);
    }

    @POST
    @Path("/turns/{turnId}/preparation/end")
    public OralViews.Room endPreparation(@PathParam("turnId") UUID turnId) {
        return rooms.room(actor(), service.endPreparation(actor(), turnId).sittingId);
    }

    @POST
    @Path("/turns/{turnId}/answer/start")
    public OralViews.Room startAnswer(@PathParam("turnId") UUID turnId) {
        return rooms.room(actor(), service.startAnswer(actor(), turnId).sittingId);
    }

    @POST
    @Path("/turns/{turnId}/answer/end")
    public OralViews.Room endAnswer(@PathParam("turnId") UUID turnId) {
        return rooms.room(actor(), service.endAnswer(actor(), turnId).sittingId);
    }

    @POST
    @Path("/turns/{turnId}/answer/resume")
    public OralViews.Room resumeAnswer(@PathParam("turnId") UUID turnId) {
        return rooms.room(actor(), service.resumeAnswer(actor(), turnId).sittingId);
    }

    public record GradeRequest(Integer points) {}

    @PUT
    @Path("/turns/{turnId}/grade")
    public OralViews.Room grade(@PathParam("turnId") UUID turnId, GradeRequest r) {
        return rooms.room(actor(), service.grade(actor(), turnId, r == null ? null : r.points()).sittingId);
    }

    @POST
    @Path("/sittings/{id}/publish")
    public Map<String, Integer> publish(@PathParam("id") UUID id) {
        return Map.of("published", service.publish(actor(), id));
    }

    public record FailureRequest(String note) {}

    @POST
    @Path("/turns/{turnId}/technical-failure")
    public OralViews.Room technicalFailure(@PathParam("turnId") UUID turnId, FailureRequest r) {
        return rooms.room(actor(), service.technicalFailure(actor(), turnId, r == null ? null : r.note()).sittingId);
    }

    public record ResitRequest(UUID sittingId) {}

    @POST
    @Path("/turns/{turnId}/resit")
    public Map<String, Object> resit(@PathParam("turnId") UUID turnId, ResitRequest r) {
        if (r == null || r.sittingId() == null) throw Problem.badRequest("ORAL_RESIT_SITTING", "Choose the sitting for the re-sit");
        OralTurn t = service.scheduleResit(actor(), turnId, r.sittingId());
        return Map.of("turnId", t.id, "sittingId", t.sittingId, "excludedTickets", t.excluded());
    }

    @GET
    @Path("/sittings/{id}/protocol.pdf")
    @Produces("application/pdf")
    public Response protocol(@PathParam("id") UUID id, @QueryParam("lang") String lang) {
        return Response.ok(protocol.pdf(actor(), id, lang))
                .header("Content-Disposition", "attachment; filename=\"oral-protocol-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/sittings/{id}/video")
    public OralViews.Video video(@PathParam("id") UUID id) {
        return video.join(actor(), id);
    }

    // ---------------------------------------------------------------- recording the turn (issue 8)

    /** The student's recording plan: the notice, whether to record now, media's recorder options. */
    @GET
    @Path("/turns/{id}/recording")
    @RolesAllowed(Role.Names.STUDENT)
    public OralRecordingService.Plan recordingPlan(@PathParam("id") UUID id) {
        return recording.plan(actor(), id);
    }

    @POST
    @Path("/turns/{id}/recording/notice")
    @RolesAllowed(Role.Names.STUDENT)
    public OralRecordingService.Plan recordingNotice(@PathParam("id") UUID id) {
        return recording.acknowledgeNotice(actor(), id);
    }

    /** One camera chunk: the same protocol as an attempt's ({@code X-Adal-Segment}, {@code X-Adal-Client-Start|End}). */
    @PUT
    @Path("/turns/{id}/tracks/{kind}/chunks/{seq}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.STUDENT)
    public kz.adal.media.RecordingService.ChunkAck recordingChunk(@PathParam("id") UUID id, @PathParam("kind") String kind,
                                                                 @PathParam("seq") int seq,
                                                                 @jakarta.ws.rs.HeaderParam("X-Adal-Segment") Integer segment,
                                                                 @jakarta.ws.rs.HeaderParam("X-Adal-Client-Start") String clientStart,
                                                                 @jakarta.ws.rs.HeaderParam("X-Adal-Client-End") String clientEnd, byte[] body) {
        return recording.chunk(actor(), id, kz.adal.media.RecordingUploadResource.kind(kind), segment == null ? 0 : segment, seq, body,
                kz.adal.media.RecordingUploadResource.instant(clientStart), kz.adal.media.RecordingUploadResource.instant(clientEnd));
    }

    @POST
    @Path("/turns/{id}/tracks/{kind}/interruptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.STUDENT)
    public void recordingInterruption(@PathParam("id") UUID id, @PathParam("kind") String kind,
                                      kz.adal.media.RecordingService.InterruptionRequest body) {
        recording.interruption(actor(), id, kz.adal.media.RecordingUploadResource.kind(kind), body);
    }

    /** The technical secretary keeps the link to the Jitsi room's recording (when Jitsi records the room). */
    @PUT
    @Path("/sittings/{id}/jitsi-recording")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> jitsiRecording(@PathParam("id") UUID id, Map<String, String> body) {
        return Map.of("url", recording.jitsiRecording(actor(), id, body == null ? null : body.get("url")));
    }
}
