package kz.adal.media;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The student's side of recording: the plan, chunk uploads and interruption reports. Thin: parse and call
 * {@link RecordingService}.
 *
 * <p>{@code PUT /api/attempts/{id}/tracks/{camera|screen}/chunks/{seq}} — body: the MediaRecorder blob as is;
 * headers {@code X-Adal-Segment} (0 for the first recorder, +1 after each reload), {@code X-Adal-Client-Start}
 * and {@code X-Adal-Client-End} (the client's clock, epoch milliseconds).
 */
@Path("/api")
@RolesAllowed(Role.Names.STUDENT)
@Produces(MediaType.APPLICATION_JSON)
public class RecordingUploadResource {

    private final RecordingService recordings;
    private final DirectUploads direct;
    private final CurrentUser me;

    RecordingUploadResource(RecordingService recordings, DirectUploads direct, CurrentUser me) {
        this.recordings = recordings;
        this.direct = direct;
        this.me = me;
    }

    @GET
    @Path("/attempts/{id}/recording")
    public RecordingService.RecordingPlan plan(@PathParam("id") UUID id) {
        return recordings.plan(id, me.id());
    }

    @PUT
    @Path("/attempts/{id}/tracks/{kind}/chunks/{seq}")
    @Consumes(MediaType.WILDCARD)
    public RecordingService.ChunkAck chunk(@PathParam("id") UUID id, @PathParam("kind") String kind, @PathParam("seq") int seq,
                                           @HeaderParam("X-Adal-Segment") Integer segment,
                                           @HeaderParam("X-Adal-Client-Start") String clientStart,
                                           @HeaderParam("X-Adal-Client-End") String clientEnd, byte[] body) {
        return recordings.accept(id, me.id(), kind(kind), segment == null ? 0 : segment, seq, body,
                instant(clientStart), instant(clientEnd));
    }

    /** Direct upload, step 1: a presigned PUT address for one chunk (when the plan says {@code directUpload}). */
    @POST
    @Path("/attempts/{id}/tracks/{kind}/upload-urls")
    @Consumes(MediaType.APPLICATION_JSON)
    public DirectUploads.UploadUrl uploadUrl(@PathParam("id") UUID id, @PathParam("kind") String kind, DirectUploads.UploadRequest body) {
        return direct.address(id, me.id(), kind(kind), body);
    }

    /** Direct upload, step 2: these chunks are in the store; the node checks them and records the ledger. */
    @POST
    @Path("/attempts/{id}/tracks/{kind}/uploaded")
    @Consumes(MediaType.APPLICATION_JSON)
    public DirectUploads.ConfirmAck uploaded(@PathParam("id") UUID id, @PathParam("kind") String kind, DirectUploads.ConfirmRequest body) {
        return direct.confirm(id, me.id(), kind(kind), body);
    }

    @POST
    @Path("/attempts/{id}/tracks/{kind}/interruptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public void interruption(@PathParam("id") UUID id, @PathParam("kind") String kind, RecordingService.InterruptionRequest body) {
        recordings.interrupted(id, me.id(), kind(kind), body);
    }

    public static TrackKind kind(String text) {
        try {
            return TrackKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("TRACK_KIND_INVALID", "The track is camera or screen");
        }
    }

    /** Epoch milliseconds (fractions allowed: performance.timeOrigin + performance.now()). */
    public static Instant instant(String epochMillis) {
        if (epochMillis == null || epochMillis.isBlank()) return null;
        try {
            double ms = Double.parseDouble(epochMillis.trim());
            if (!Double.isFinite(ms) || ms < 0) throw new NumberFormatException();
            long whole = (long) Math.floor(ms);
            return Instant.ofEpochMilli(whole).plusNanos(Math.round((ms - whole) * 1e6));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("INVALID_CHUNK", "Client times are epoch milliseconds");
        }
    }
}
