package kz.adal.review;

import kz.adal.identity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import kz.adal.identity.Role;

import java.util.UUID;

/** The default review access: standing REVIEWERs and the DEAN review every exam (casework adds the commissions). */
@ApplicationScoped
public class StandingReviewAccess implements ReviewAccess {

    @Override
    public boolean mayReview(Actor actor, UUID examId) {
        return actor.has(Role.REVIEWER) || actor.has(Role.DEAN);
    }
}
