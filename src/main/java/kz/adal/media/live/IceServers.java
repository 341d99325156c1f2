package kz.adal.media.live;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code iceServers} a page hands to {@code RTCPeerConnection}: the configured STUN servers and, with a
 * TURN secret, TURN credentials issued per user and limited in time by the TURN REST convention that coturn's
 * {@code use-auth-secret} checks: username {@code <expiry epoch seconds>:<user>}, password
 * {@code base64(HMAC-SHA1(secret, username))}. No long-lived TURN password ever reaches a browser.
 */
@ApplicationScoped
public class IceServers {
    private final RtcConfig config;

    IceServers(RtcConfig config) {
        this.config = config;
    }

    /** One entry per kind of server, in the shape of the WebRTC {@code RTCIceServer} dictionary. */
    public List<Map<String, Object>> forUser(String user, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        config.stunUrls().filter(l -> !l.isEmpty()).ifPresent(urls -> out.add(Map.of("urls", urls)));
        List<String> turn = config.turnUrls().orElse(List.of());
        if (!turn.isEmpty() && config.turnSecret().filter(s -> !s.isBlank()).isPresent()) {
            String username = username(now.plus(config.turnTtl()), user);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("urls", turn);
            t.put("username", username);
            t.put("credential", password(config.turnSecret().get(), username));
            out.add(t);
        }
        return out;
    }

    public int upstreamKbps() {
        return config.upstreamKbps();
    }

    static String username(Instant expiry, String user) {
        return expiry.getEpochSecond() + ":" + user;
    }

    static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JVM", e);
        }
    }
}
