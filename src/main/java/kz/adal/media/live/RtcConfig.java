package kz.adal.media.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Browser-to-browser media (the oral room's built-in video, a proctor's live view): the STUN/TURN servers
 * the pages use ({@code adal.rtc.*}). Without any, browsers on one network still connect directly; across
 * NATs a TURN server is needed (deploy/coturn ships one).
 */
@ConfigMapping(prefix = "adal.rtc")
public interface RtcConfig {
    /** STUN URLs, e.g. {@code stun:turn.example.edu:3478}. */
    Optional<List<String>> stunUrls();

    /** TURN URLs, e.g. {@code turn:turn.example.edu:3478?transport=udp,turns:turn.example.edu:5349}. */
    Optional<List<String>> turnUrls();

    /** coturn's {@code static-auth-secret} (its {@code use-auth-secret} mode); from the environment. */
    Optional<String> turnSecret();

    /** How long issued TURN credentials stay valid. */
    @WithDefault("PT4H")
    Duration turnTtl();

    /**
     * The upstream a participant may use in total (kbit/s, audio and video to every peer together, RTP headers
     * included, and the oral turn's recording on the student's page); the pages cap their senders to it (000 §4.6:
     * 512 kbit/s links; the rest is headroom for RTCP, the room socket and the uploads' HTTP).
     */
    @WithDefault("460")
    int upstreamKbps();
}
