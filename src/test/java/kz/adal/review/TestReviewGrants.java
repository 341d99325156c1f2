package kz.adal.review;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A test's stand-in for casework's commission grants: grants review of one exam to one person. Empty unless a test adds. */
@ApplicationScoped
public class TestReviewGrants implements ReviewAccess {
    static final Set<String> GRANTS = ConcurrentHashMap.newKeySet();

    static void grant(UUID userId, UUID examId) {
        GRANTS.add(userId + "/" + examId);
    }

    @Override
    public boolean mayReview(kz.adal.identity.Actor actor, UUID examId) {
        return GRANTS.contains(actor.id() + "/" + examId);
    }
}
