package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the retention job ({@code media.retention}) reads and changes of attempts' recordings: the track, chunk and
 * ticket rows are entities of this package, so the job in its sub-package works them through here. Both methods run
 * in the caller's transaction.
 */
@ApplicationScoped
public class AttemptRecordings {
    private final EntityManager em;

    AttemptRecordings(EntityManager em) {
        this.em = em;
    }

    /** The attempts that still have a recording track that is not deleted. */
    public List<UUID> withRecordings() {
        return em.createQuery("select distinct t.attemptId from MediaTrack t where t.attemptId is not null and t.state <> :deleted", UUID.class)
                .setParameter("deleted", TrackState.DELETED).getResultList();
    }

    /**
     * Marks every track of the attempt DELETED (the rows stay) and drops its chunk and ticket rows, once its objects
     * are gone from storage; returns how many tracks the attempt had.
     */
    public int markDeleted(UUID attemptId, Instant now) {
        List<MediaTrack> tracks = MediaTrack.list("attemptId", attemptId);
        for (MediaTrack t : tracks) {
            MediaChunk.delete("trackId", t.id);
            MediaTicket.delete("trackId", t.id);
            if (t.state != TrackState.DELETED) t.delete(now);
        }
        return tracks.size();
    }
}
