package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.identity.Role;

import java.util.Set;
import java.util.UUID;

/** The default review access: standing REVIEWERs and the DEAN review every exam (casework adds the commissions). */
@ApplicationScoped
public class StandingReviewAccess implements ReviewAccess {

    @Override
    public boolean mayReview(UUID userId, Set<Role> roles, UUID examId) {
        return roles.contains(Role.REVIEWER) || roles.contains(Role.DEAN);
    }
}
