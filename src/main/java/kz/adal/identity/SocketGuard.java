package kz.adal.identity;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every open WebSocket honest about the login it was opened with. A socket is verified once, at
 * its start; without this a proctor's live feed kept streaming after logout, suspension or the loss of
 * the PROCTOR role. A socket registers here with the roles it needs, and is closed (close code
 * {@link #CLOSE_CODE}, reason {@link Standing#closeReason()}) as soon as its session is revoked, the
 * account suspended or one of those roles removed:
 * <ul>
 *   <li>at once on this node, when {@link AccessChanged} commits (logout, suspension, role change);</li>
 *   <li>within {@code adal.identity.socket-recheck-every} on every node, by a periodic re-check against
 *       the session table — the safety net for changes made on another node or straight in the database.</li>
 * </ul>
 */
@ApplicationScoped
public class SocketGuard {
    /** The close code of a socket whose login no longer allows it: the page says "signed out" and stops reconnecting. */
    public static final short CLOSE_CODE = 4440;
    private static final Logger LOG = Logger.getLogger(SocketGuard.class);

    /** What the socket does when its access ends: close itself with the code and reason. */
    public interface Guarded {
        void accessEnded(Standing why);
    }

    private record Watch(TokenVerifier.Caller caller, Set<Role> needs) {
    }

    private final Map<Guarded, Watch> open = new ConcurrentHashMap<>();
    private final AuthService auth;
    private final Vertx vertx;

    SocketGuard(AuthService auth, Vertx vertx) {
        this.auth = auth;
        this.vertx = vertx;
    }

    /** Watches the socket until {@link #forget}; {@code needs} are the standing roles it was opened with (may be empty). */
    public void watch(Guarded socket, TokenVerifier.Caller caller, Set<Role> needs) {
        open.put(socket, new Watch(caller, Set.copyOf(needs)));
    }

    public void forget(Guarded socket) {
        open.remove(socket);
    }

    /** After the change commits: re-check this account's sockets now (off the committing thread). */
    void onAccessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged e) {
        if (open.values().stream().noneMatch(w -> w.caller().userId().equals(e.userId()))) return;
        vertx.executeBlocking(() -> {
            recheck(e.userId());
            return null;
        }, false);
    }

    @Scheduled(identity = "socket-guard", every = "${adal.identity.socket-recheck-every:PT5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheckAll() {
        recheck(null);
    }

    /** Re-checks the open sockets (of one account, or all); closes those whose access ended. */
    void recheck(UUID onlyUser) {
        List<Map.Entry<Guarded, Watch>> watched = new ArrayList<>();
        for (Map.Entry<Guarded, Watch> e : open.entrySet()) {
            if (onlyUser == null || onlyUser.equals(e.getValue().caller().userId())) watched.add(Map.entry(e.getKey(), e.getValue()));
        }
        if (watched.isEmpty()) return;
        Map<AuthService.Asked, Standing> standings;
        try {
            // all at once: a few queries for thousands of sockets, not two per socket (issue 17)
            standings = auth.standings(watched.stream().map(e -> asked(e.getValue())).toList());
        } catch (RuntimeException ex) {
            LOG.warnf("socket access re-check failed: %s", ex.getMessage());
            return; // the database is away: keep sockets open rather than drop a whole exam
        }
        List<Map.Entry<Guarded, Watch>> ended = new ArrayList<>();
        for (Map.Entry<Guarded, Watch> e : watched) {
            Standing s = standings.get(asked(e.getValue()));
            if (s != null && s != Standing.LIVE) {
                ended.add(e);
                e.getKey().accessEnded(s);
            }
        }
        ended.forEach(e -> open.remove(e.getKey(), e.getValue()));
        if (!ended.isEmpty()) LOG.infof("closed %d socket(s) whose login ended", ended.size());
    }

    private static AuthService.Asked asked(Watch w) {
        return new AuthService.Asked(w.caller().sessionId(), w.caller().userId(), w.needs());
    }
}
