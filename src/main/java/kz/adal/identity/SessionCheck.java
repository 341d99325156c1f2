package kz.adal.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.util.UUID;

/**
 * Makes logout, suspension and role removal take effect at once: a signed token whose session was
 * revoked, whose account was suspended, or which carries a role the account no longer holds is
 * refused even before it expires (the browser then refreshes and gets the current roles).
 *
 * <p>A session found live is believed for {@code adal.identity.session-check-cache} (1 s) before it is read again:
 * a student saving answers every few seconds costs the database a session read at most once a second, not two
 * reads per request (issue 17). Logout, suspension and role changes on this node clear it when they commit, so
 * they still take effect at once here; one made on another node takes effect here within that second.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {
    /** Beyond this many sessions believed at once the cache starts afresh (a bound, never reached by one node's students). */
    private static final int MAX_BELIEVED = 100_000;
    private final AuthService auth;
    private final long believeNanos;
    /** session/user/roles → System.nanoTime() until which it is believed live */
    private final Map<String, Long> liveUntil = new ConcurrentHashMap<>();

    SessionCheck(AuthService auth, IdentityConfig config) {
        this.auth = auth;
        this.believeNanos = config.sessionCheckCache().toNanos();
    }

    /** Logout, suspension, a role removed: nothing believed before is believed any more (during and after the commit). */
    void onAccessChanged(@Observes AccessChanged e) {
        liveUntil.clear();
    }

    void afterAccessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged e) {
        liveUntil.clear();
    }

    /** What is no longer believed goes, so the cache holds only the sessions of the last second. */
    @io.quarkus.scheduler.Scheduled(identity = "session-check-sweep", every = "10s")
    void sweep() {
        long now = System.nanoTime();
        liveUntil.values().removeIf(u -> now - u >= 0);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!live(jwt)) throw new AuthenticationFailedException("session ended");
            return identity;
        });
    }


    boolean live(JsonWebToken jwt) {
        Object sid = jwt.getClaim("sid");
        if (sid == null || jwt.getSubject() == null) return false;
        String key = sid + "/" + jwt.getSubject() + "/" + new java.util.TreeSet<>(jwt.getGroups() == null ? java.util.Set.of() : jwt.getGroups());
        long now = System.nanoTime();
        Long until = liveUntil.get(key);
        if (until != null && now - until < 0) return true;
        boolean live;
        try {
            live = auth.standing(UUID.fromString(sid.toString()), UUID.fromString(jwt.getSubject()),
                    TokenVerifier.roles(jwt.getGroups())) == Standing.LIVE;
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (live && believeNanos > 0) {
            if (liveUntil.size() >= MAX_BELIEVED) liveUntil.values().removeIf(u -> now - u >= 0);
            if (liveUntil.size() >= MAX_BELIEVED) liveUntil.clear();
            liveUntil.put(key, now + believeNanos);
        } else {
            liveUntil.remove(key);
        }
        return live;
    }
}
