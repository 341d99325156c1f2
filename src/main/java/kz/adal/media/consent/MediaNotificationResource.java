package kz.adal.media.consent;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.CurrentUser;

import java.util.List;

/** The caller's in-app notices (a teacher or dean sees consent refusals here). */
@Path("/api/media/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MediaNotificationResource {

    private final ConsentService consent;
    private final CurrentUser me;

    MediaNotificationResource(ConsentService consent, CurrentUser me) {
        this.consent = consent;
        this.me = me;
    }

    @GET
    public List<ConsentService.NotificationView> mine() {
        return consent.notifications(me.id());
    }
}
