package kz.adal.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Who acts, as a resource or a socket hands it to a service: the account, its login and its standing roles
 * (roles held for one thing, such as a commission seat, are looked up where that thing is). A resource gets it
 * from {@link CurrentUser#actor()}, a socket from its verified token ({@link TokenVerifier.Caller#actor()}).
 */
public record Actor(UUID id, String login, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Holds at least one of {@code any}. */
    public boolean hasAny(Set<Role> any) {
        return roles.stream().anyMatch(any::contains);
    }
}
