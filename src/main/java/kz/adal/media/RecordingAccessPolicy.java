package kz.adal.media;

import kz.adal.identity.Actor;

import java.util.UUID;

/**
 * Who may view an attempt's recordings. Recordings are private (003 §16; Law No. 94-V): reviewers, the
 * attestation commission, the appeal commission (001 §6.15.4–6.15.5) and the student themself for an
 * appeal. The viewer is the person asking with their current standing roles. Access is granted when <em>any</em> bean implementing this interface grants it; the default
 * ({@link StandingRoleAccess}) covers standing roles and the student; casework adds the commissions.
 */
public interface RecordingAccessPolicy {

    /** Whose recording it is. */
    record Subject(UUID attemptId, UUID examId, UUID studentId) {
    }

    boolean mayView(Actor viewer, Subject subject);

    /** A recording owned by another feature ({@link RecordingOwner}): its kind and id. */
    record Owned(String ownerKind, UUID ownerId) {
    }

    /**
     * Whether the viewer may see a recording owned by another feature (e.g. an oral turn's, granted by the oral
     * feature to that sitting's commission). Nobody, unless a policy says so.
     */
    default boolean mayViewOwned(Actor viewer, Owned owned) {
        return false;
    }
}
