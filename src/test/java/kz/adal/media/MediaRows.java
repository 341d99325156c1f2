package kz.adal.media;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.UUID;

/**
 * Recording rows as other features' tests read them (an oral turn's recording), since they may not name
 * {@code MediaTrack} or {@code MediaChunk} (package-private, kept so by ArchitectureTest).
 */
public final class MediaRows {
    private MediaRows() {
    }

    /** Chunks stored for the owner's tracks (e.g. the ORAL_TURN camera track of a turn). */
    public static long chunks(String ownerKind, UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> MediaChunk.count(
                "trackId in (select t.id from MediaTrack t where t.ownerKind = ?1 and t.ownerId = ?2)", ownerKind, ownerId));
    }

    /** The owner's first track. */
    public static UUID track(String ownerKind, UUID ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> MediaTrack.<MediaTrack>find("ownerKind = ?1 and ownerId = ?2", ownerKind, ownerId)
                .firstResult().id);
    }
}
