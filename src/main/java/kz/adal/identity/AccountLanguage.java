package kz.adal.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.adal.platform.UserLanguage;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** The interface language a logged-in person set on their account (platform asks it through {@link UserLanguage}). */
@ApplicationScoped
class AccountLanguage implements UserLanguage {
    @Inject SecurityIdentity identity;
    @Inject JsonWebToken jwt;

    @Override
    public Optional<String> ofCaller() {
        if (identity.isAnonymous() || jwt.getSubject() == null) return Optional.empty();
        // the account is read from the database, which an event-loop thread must not wait for
        if (Context.isOnEventLoopThread()) return Optional.empty();
        AppUser u = AppUser.findById(UUID.fromString(jwt.getSubject()));
        return u == null ? Optional.empty() : Optional.ofNullable(u.uiLanguage);
    }
}
