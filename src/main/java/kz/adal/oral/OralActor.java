package kz.adal.oral;

import kz.adal.identity.Role;

import java.util.Set;
import java.util.UUID;

/** Who acts, with their standing roles (per-sitting roles are looked up in the sitting). */
public record OralActor(UUID id, String login, Set<Role> roles) {
    public boolean has(Role r) { return roles.contains(r); }
}
