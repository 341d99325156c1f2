package kz.adal.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What other features read about people: the names shown next to ids on pages, notices and documents (the
 * {@link AppUser} entity stays this feature's own; docs/architecture.md, "Feature boundaries").
 */
@ApplicationScoped
public class People {

    /** Full names by id; an id with no account is left out. */
    @Transactional
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<UUID, String> out = new HashMap<>();
        AppUser.<AppUser>list("id in ?1", ids).forEach(u -> out.put(u.id, u.fullName));
        return out;
    }
}
