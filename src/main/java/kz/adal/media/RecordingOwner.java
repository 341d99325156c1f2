package kz.adal.media;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A feature other than the attempt that owns recordings (media must not know it: the feature implements this
 * interface as a bean, like {@link RecordingAccessPolicy}). The oral exam's turn is one
 * ({@code kz.adal.oral.OralTurnRecordings}, kind {@code ORAL_TURN}). Media keeps the chunks, the exactly-once
 * ledger, finalisation and playback exactly as for attempts; the owner answers the questions only it can.
 *
 * <p>Tracks of an owner: {@code media_track.owner_kind = kind(), owner_id = <id>}, {@code attempt_id} null;
 * stored under {@code <folder()>/<id>/<camera|screen>/…}.
 */
public interface RecordingOwner {

    /** The stable kind stored with the track, e.g. {@code ORAL_TURN} (upper case, ≤ 20 characters). */
    String kind();

    /** The storage folder of this kind, e.g. {@code oral-turns} (lower case). */
    String folder();

    /** The audit scope of the owner (for an oral turn: its sitting's id), or null if the owner is unknown. */
    UUID auditScope(UUID ownerId);

    /**
     * When the owner's recording ended (chunks are then taken for {@code adal.media.upload-grace}, after which
     * the tracks are finalised), or empty while it still runs.
     */
    Optional<Instant> endedAt(UUID ownerId);
}
