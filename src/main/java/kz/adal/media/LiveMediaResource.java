package kz.adal.media;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.adal.attempt.Attempt;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;
import kz.adal.platform.Problem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * WebRTC signalling for the media server (Kurento): the student publishes, a proctor or reviewer watches.
 * Answers 409 LIVE_MEDIA_UNAVAILABLE when no media server is configured. Not verified against a real server.
 */
@Path("/api/live")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LiveMediaResource {

    public record Offer(String sdp) {
    }

    private final LiveMediaProvider live;
    private final CurrentUser me;
    private final IceServers ice;
    private final kz.adal.platform.TimeSource time;

    LiveMediaResource(LiveMediaProvider live, CurrentUser me, IceServers ice, kz.adal.platform.TimeSource time) {
        this.live = live;
        this.me = me;
        this.ice = ice;
        this.time = time;
    }

    /** STUN/TURN for a browser-to-browser live view (a proctor watching a student, issue 14): TURN credentials per user. */
    @GET
    @Path("/ice-servers")
    @RolesAllowed({Role.Names.STUDENT, Role.Names.PROCTOR})
    public Map<String, Object> iceServers() {
        return Map.of("iceServers", ice.forUser(me.id().toString(), time.now()), "upstreamKbps", ice.upstreamKbps());
    }

    @GET
    @Path("/status")
    @RolesAllowed({Role.Names.STUDENT, Role.Names.PROCTOR, Role.Names.REVIEWER})
    public Map<String, Object> status() {
        return Map.of("available", live.available());
    }

    @POST
    @Path("/attempts/{id}/{kind}/publish")
    @RolesAllowed(Role.Names.STUDENT)
    public LiveMediaProvider.Answer publish(@PathParam("id") UUID id, @PathParam("kind") String kind, Offer offer) {
        Attempt a = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> RecordingService.ownedAttempt(id, me.id()));
        if (!a.state.clockRuns()) throw Problem.conflict("RECORDING_NOT_STARTED", "The attempt is not in progress");
        return live.publish(id, RecordingUploadResource.kind(kind), requireSdp(offer));
    }

    @POST
    @Path("/attempts/{id}/{kind}/view")
    @RolesAllowed({Role.Names.PROCTOR, Role.Names.REVIEWER})
    public LiveMediaProvider.Answer view(@PathParam("id") UUID id, @PathParam("kind") String kind, Offer offer) {
        return live.view(id, RecordingUploadResource.kind(kind), requireSdp(offer));
    }

    @POST
    @Path("/sessions/{key}/candidates")
    @RolesAllowed({Role.Names.STUDENT, Role.Names.PROCTOR, Role.Names.REVIEWER})
    public void candidate(@PathParam("key") String key, KurentoClient.IceCandidate candidate) {
        live.addCandidate(key, candidate);
    }

    @GET
    @Path("/sessions/{key}/candidates")
    @RolesAllowed({Role.Names.STUDENT, Role.Names.PROCTOR, Role.Names.REVIEWER})
    public List<KurentoClient.IceCandidate> candidates(@PathParam("key") String key) {
        return live.candidates(key);
    }

    private static String requireSdp(Offer offer) {
        if (offer == null || offer.sdp() == null || !offer.sdp().startsWith("v=0")) {
            throw Problem.badRequest("SDP_INVALID", "Send {sdp} with the browser's SDP offer");
        }
        return offer.sdp();
    }
}
