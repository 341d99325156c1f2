package kz.adal.identity;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies an access token outside JAX-RS — for WebSockets, whose browsers can't set an
 * Authorization header: the token comes in the first message or the query string.
 * Same rules as HTTP: valid signature, not expired, session not revoked, account active.
 * Blocking (it reads the session): call it from a worker thread.
 */
@ApplicationScoped
public class TokenVerifier {
    private final JWTParser parser;
    private final AuthService auth;

    TokenVerifier(JWTParser parser, AuthService auth) {
        this.parser = parser;
        this.auth = auth;
    }

    public record Caller(UUID userId, String login, String fullName, Set<Role> roles, UUID sessionId) {
        public boolean has(Role r) { return roles.contains(r); }

        /** The caller as services take it. */
        public Actor actor() { return new Actor(userId, login, roles); }
    }

    /** The token's roles we know (a role from a newer version is not granted here). */
    static Set<Role> roles(Set<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (groups == null) return roles;
        for (String g : groups) {
            try {
                roles.add(Role.valueOf(g));
            } catch (IllegalArgumentException ignored) {
                // unknown role name
            }
        }
        return roles;
    }

    /** Whether a socket opened with this caller may stay open, and if not, why. Blocking. */
    public Standing standing(Caller caller) {
        return auth.standing(caller.sessionId(), caller.userId(), caller.roles());
    }

    public Optional<Caller> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) return Optional.empty();
        try {
            JsonWebToken jwt = parser.parse(token);
            Object sid = jwt.getClaim("sid");
            if (sid == null || jwt.getSubject() == null) return Optional.empty();
            UUID userId = UUID.fromString(jwt.getSubject());
            UUID sessionId = UUID.fromString(sid.toString());
            Set<Role> roles = roles(jwt.getGroups());
            if (auth.standing(sessionId, userId, roles) != Standing.LIVE) return Optional.empty();
            Object name = jwt.getClaim("name");
            return Optional.of(new Caller(userId, jwt.getName(), name == null ? jwt.getName() : name.toString(), roles, sessionId));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
