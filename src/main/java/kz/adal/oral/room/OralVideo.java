package kz.adal.oral.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.identity.Actor;
import kz.adal.identity.People;
import kz.adal.identity.People.Person;
import kz.adal.media.live.IceServers;
import kz.adal.oral.OralConfig;
import kz.adal.oral.OralRoomQueries;
import kz.adal.oral.OralViews;
import kz.adal.oral.SittingRole;
import kz.adal.platform.Problem;
import kz.adal.platform.TimeSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sitting's video room. With {@code adal.oral.jitsi.domain} and {@code app-secret} set: a Jitsi Meet
 * room per sitting joined with a token we sign (moderators: the commission and the head; the student
 * waits in the lobby until the secretary admits them). Without them: the built-in WebRTC room (a mesh,
 * signalled over the room socket) with STUN/TURN from {@code adal.rtc.*} (see docs/oral-exam.md).
 */
@ApplicationScoped
public class OralVideo {
    private final OralRoomQueries service;
    private final OralConfig config;
    private final TimeSource time;
    private final IceServers ice;

    OralVideo(OralRoomQueries service, OralConfig config, TimeSource time, IceServers ice) {
        this.service = service;
        this.config = config;
        this.time = time;
        this.ice = ice;
    }

    @Transactional
    public OralViews.Video join(Actor actor, UUID sittingId) {
        Set<SittingRole> roles = service.rolesIn(sittingId, actor.id());
        if (roles.isEmpty()) throw Problem.forbidden("You are not in this sitting");
        Person me = People.find(actor.id()).orElse(null);
        boolean moderator = roles.stream().anyMatch(r -> r != SittingRole.STUDENT);
        OralConfig.Jitsi j = config.jitsi();
        if (j.domain().isEmpty() || j.appSecret().isEmpty()) {
            return new OralViews.Video(false, null, null, null, moderator, false, me.fullName(), false,
                    ice.forUser(actor.id().toString(), time.now()), ice.upstreamKbps());
        }
        String room = JitsiToken.roomFor(sittingId);
        String jwt = JitsiToken.sign(j.appId(), j.appSecret().get(), j.audience(), j.domain().get(), room,
                new JitsiToken.Participant(actor.id().toString(), me.fullName(), moderator), time.now(), j.tokenTtl());
        return new OralViews.Video(true, j.domain().get(), room, jwt, moderator, true, me.fullName(), j.record(), List.of(), ice.upstreamKbps());
    }
}
