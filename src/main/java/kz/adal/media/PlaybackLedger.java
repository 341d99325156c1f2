package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What playback ({@code media.playback}) reads and writes of the recording ledger: the track, interruption and ticket
 * rows are entities of this package, so the playback service in its sub-package works them through here, as records.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class PlaybackLedger {

    /** A track row as playback sees it; {@code gaps} is the stored JSON list of {@link RecordingGap}. */
    public record Track(UUID id, UUID attemptId, String ownerKind, UUID ownerId, TrackKind kind, String token, TrackState state,
                        Long durationMs, Instant mediaZeroAt, Long bytes, Boolean seekable, boolean hasThumbnails, Integer segments,
                        String gaps, Instant finaliseDueAt, String error, TrackAlignment alignment) {
        /** True when an attempt owns this track (the original case). */
        public boolean ownedByAttempt() {
            return ownerKind == null || MediaTrack.ATTEMPT.equals(ownerKind);
        }
    }

    /** A report that the recording stopped, as the review page lists it. */
    public record Interruption(TrackKind kind, String reason, String detail, Instant receivedAt) {
    }

    /** A playback ticket: one viewing of one track by one person, until it expires. */
    public record Ticket(String ticket, UUID trackId, UUID userId, Instant expiresAt) {
    }

    private final RecordingOwners owners;

    PlaybackLedger(RecordingOwners owners) {
        this.owners = owners;
    }

    /** The attempt's tracks, by kind. */
    public List<Track> ofAttempt(UUID attemptId) {
        return MediaTrack.<MediaTrack>list("attemptId = ?1 order by kind", attemptId).stream().map(PlaybackLedger::record).toList();
    }

    /** The tracks of another owner than an attempt, by kind. */
    public List<Track> ofOwner(String ownerKind, UUID ownerId) {
        return MediaTrack.<MediaTrack>list("ownerKind = ?1 and ownerId = ?2 order by kind", ownerKind, ownerId).stream()
                .map(PlaybackLedger::record).toList();
    }

    /** The track with this playback token. */
    public Optional<Track> byToken(String token) {
        MediaTrack t = MediaTrack.find("token", token).firstResult();
        return Optional.ofNullable(t).map(PlaybackLedger::record);
    }

    /** The camera track of an attempt ({@code ownerKind} null) or of another owner. */
    public Optional<Track> camera(String ownerKind, UUID ownerId) {
        MediaTrack t = ownerKind == null
                ? MediaTrack.find("attemptId = ?1 and kind = ?2", ownerId, TrackKind.CAMERA).firstResult()
                : MediaTrack.find("ownerKind = ?1 and ownerId = ?2 and kind = ?3", ownerKind, ownerId, TrackKind.CAMERA).firstResult();
        return Optional.ofNullable(t).map(PlaybackLedger::record);
    }

    /** The attempt's interruption reports, in the order they came. */
    public List<Interruption> interruptionsOfAttempt(UUID attemptId) {
        return RecordingInterruption.<RecordingInterruption>list("attemptId = ?1 order by receivedAt", attemptId).stream()
                .map(PlaybackLedger::record).toList();
    }

    /** Another owner's interruption reports, in the order they came. */
    public List<Interruption> interruptionsOfOwner(String ownerKind, UUID ownerId) {
        return RecordingInterruption.<RecordingInterruption>list("ownerKind = ?1 and ownerId = ?2 order by receivedAt", ownerKind, ownerId)
                .stream().map(PlaybackLedger::record).toList();
    }

    /** Stores a new ticket for one viewing of the track. */
    public Ticket issueTicket(UUID trackId, UUID userId, Instant now, Instant expiresAt) {
        MediaTicket k = new MediaTicket();
        k.ticket = RecordingService.newToken();
        k.trackId = trackId;
        k.userId = userId;
        k.createdAt = now;
        k.expiresAt = expiresAt;
        k.persist();
        return record(k);
    }

    public Optional<Ticket> ticket(String ticket) {
        return Optional.ofNullable(MediaTicket.<MediaTicket>findById(ticket)).map(PlaybackLedger::record);
    }

    /** The id of the track's joined recording (segment 0): attempts under {@code attempts/}, others under their owner's folder. */
    public TrackId trackId(Track t) {
        return t.ownedByAttempt() ? new TrackId(t.attemptId(), t.kind(), 0)
                : new TrackId(t.ownerId(), t.kind(), 0, owners.require(t.ownerKind()).folder());
    }

    private static Track record(MediaTrack t) {
        return new Track(t.id, t.attemptId, t.ownerKind, t.ownerId, t.kind, t.token, t.state, t.durationMs, t.mediaZeroAt, t.bytes,
                t.seekable, t.hasThumbnails, t.segments, t.gaps, t.finaliseDueAt, t.error, t.alignment());
    }

    private static Interruption record(RecordingInterruption i) {
        return new Interruption(i.kind, i.reason, i.detail, i.receivedAt);
    }

    private static Ticket record(MediaTicket k) {
        return new Ticket(k.ticket, k.trackId, k.userId, k.expiresAt);
    }
}
