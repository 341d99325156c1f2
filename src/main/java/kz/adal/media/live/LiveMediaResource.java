package kz.adal.media.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.util.Map;

/**
 * What a browser needs for a live WebRTC view (a proctor watching a student, the oral room): STUN/TURN servers
 * with time-limited TURN credentials. The media goes browser to browser (through TURN when needed); there is no
 * media server (docs/media.md "Live media").
 */
@Path("/api/live")
@Produces(MediaType.APPLICATION_JSON)
public class LiveMediaResource {

    private final CurrentUser me;
    private final IceServers ice;
    private final kz.adal.platform.TimeSource time;

    LiveMediaResource(CurrentUser me, IceServers ice, kz.adal.platform.TimeSource time) {
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
}
