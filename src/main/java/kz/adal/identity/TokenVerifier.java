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
    }

    public Optional<Caller> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) return Optional.empty();
        try {
            JsonWebToken jwt = parser.parse(token);
            Object sid = jwt.getClaim("sid");
            if (sid == null || jwt.getSubject() == null) return Optional.empty();
            UUID userId = UUID.fromString(jwt.getSubject());
            UUID sessionId = UUID.fromString(sid.toString());
            if (!auth.sessionIsLive(sessionId, userId)) return Optional.empty();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String g : jwt.getGroups()) {
                try {
                    roles.add(Role.valueOf(g));
                } catch (IllegalArgumentException ignored) {
                    // a role from a newer version: not granted here
                }
            }
            Object name = jwt.getClaim("name");
            return Optional.of(new Caller(userId, jwt.getName(), name == null ? jwt.getName() : name.toString(), roles, sessionId));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
