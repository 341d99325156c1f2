package kz.adal.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import kz.adal.platform.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Who is calling, read from the verified token. */
@RequestScoped
public class CurrentUser {
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    private final kz.adal.platform.RequestLanguage language;

    CurrentUser(SecurityIdentity identity, JsonWebToken jwt, kz.adal.platform.RequestLanguage language) {
        this.identity = identity;
        this.jwt = jwt;
        this.language = language;
    }

    public UUID id() {
        if (identity.isAnonymous() || jwt.getSubject() == null) throw new Problem(401, "UNAUTHENTICATED", "Log in first");
        return UUID.fromString(jwt.getSubject());
    }

    public String login() { return identity.getPrincipal().getName(); }

    public boolean has(Role role) { return identity.hasRole(role.name()); }

    public boolean isAnonymous() { return identity.isAnonymous(); }

    /** The caller as services take it: id, login and the roles of the token. */
    public Actor actor() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) if (has(r)) roles.add(r);
        return new Actor(id(), login(), roles);
    }

    /**
     * The caller's interface language (kk, ru or en), for texts the server words: their setting, else the
     * browser's Accept-Language, else the institution's default.
     */
    public String language() {
        return language.get();
    }

    public UUID sessionId() {
        Object sid = jwt.getClaim("sid");
        return sid == null ? null : UUID.fromString(sid.toString());
    }

    /** Object-level check: refuse unless the caller is the owner or holds one of the roles. */
    public void requireSelfOr(UUID ownerId, Role... roles) {
        if (ownerId != null && ownerId.equals(id())) return;
        for (Role r : roles) if (has(r)) return;
        throw Problem.forbidden("This belongs to someone else");
    }
}
