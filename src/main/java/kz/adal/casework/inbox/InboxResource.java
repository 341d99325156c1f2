package kz.adal.casework.inbox;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.CurrentUser;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person's own notices (acts to sign, votes, hearings, decisions). Nobody reads another's inbox. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    public record NoticeView(UUID id, String kind, String subject, String body, String link, String caseType,
                             UUID caseId, Instant createdAt, Instant readAt, String mailStatus) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.kind, n.subject, n.body, n.link, n.caseType, n.caseId, n.createdAt, n.readAt,
                    n.mailStatus.name());
        }
    }

    private final Inbox inbox;
    private final CurrentUser me;

    InboxResource(Inbox inbox, CurrentUser me) {
        this.inbox = inbox;
        this.me = me;
    }

    @GET
    @Path("/inbox")
    public List<NoticeView> mine(@QueryParam("limit") @DefaultValue("50") int limit) {
        return inbox.mine(me.id(), limit).stream().map(NoticeView::of).toList();
    }

    @GET
    @Path("/inbox/unread")
    public Map<String, Long> unread() {
        return Map.of("unread", inbox.unread(me.id()));
    }

    @POST
    @Path("/inbox/{id}/read")
    public NoticeView read(@PathParam("id") UUID id) {
        return NoticeView.of(inbox.markRead(me.id(), id));
    }
}
