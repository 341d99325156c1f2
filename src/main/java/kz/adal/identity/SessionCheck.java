package kz.adal.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * Makes logout, suspension and role removal take effect at once: a signed token whose session was
 * revoked, whose account was suspended, or which carries a role the account no longer holds is
 * refused even before it expires (the browser then refreshes and gets the current roles).
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {
    private final AuthService auth;

    SessionCheck(AuthService auth) {
        this.auth = auth;
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
        try {
            return auth.standing(UUID.fromString(sid.toString()), UUID.fromString(jwt.getSubject()),
                    TokenVerifier.roles(jwt.getGroups())) == Standing.LIVE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
