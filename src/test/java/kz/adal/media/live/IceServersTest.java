package kz.adal.media.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TURN REST credentials; coturn itself accepts them in OralMeshBrowserTest's relay run. */
class IceServersTest {
    static RtcConfig config(List<String> stun, List<String> turn, String secret) {
        return new RtcConfig() {
            public Optional<List<String>> stunUrls() { return Optional.ofNullable(stun); }
            public Optional<List<String>> turnUrls() { return Optional.ofNullable(turn); }
            public Optional<String> turnSecret() { return Optional.ofNullable(secret); }
            public Duration turnTtl() { return Duration.ofHours(4); }
            public int upstreamKbps() { return 450; }
        };
    }

    @Test
    void thePasswordIsTheBase64HmacSha1OfTheUsername() {
        // printf '%s' "1700000000:alice" | openssl dgst -sha1 -hmac secret -binary | base64
        assertEquals("d8soP47RbdIKLDUOpnJPVQyq5Ts=", IceServers.password("secret", "1700000000:alice"));
    }

    @Test
    void issuesTimeLimitedCredentialsPerUser() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        List<Map<String, Object>> servers = new IceServers(config(List.of("stun:turn.example.edu:3478"),
                List.of("turn:turn.example.edu:3478?transport=udp"), "secret")).forUser("alice", now);
        assertEquals(2, servers.size());
        assertEquals(List.of("stun:turn.example.edu:3478"), servers.get(0).get("urls"));
        assertEquals("1700014400:alice", servers.get(1).get("username"));
        assertEquals(IceServers.password("secret", "1700014400:alice"), servers.get(1).get("credential"));
    }

    @Test
    void withoutASecretNoTurnIsOffered() {
        assertTrue(new IceServers(config(null, List.of("turn:x:3478"), null)).forUser("alice", Instant.now()).isEmpty());
    }
}
