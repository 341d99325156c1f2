package kz.adal.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt's camera or screen recording: its address token, its state and, once finalised, the result. */
@Entity
@Table(name = "media_track")
public class MediaTrack extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrackKind kind;

    /** The unguessable address of the recording: 32 random bytes, base64url. */
    @Column(nullable = false)
    public String token;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrackState state = TrackState.RECORDING;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finalise_due_at")
    public Instant finaliseDueAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "finalised_at")
    public Instant finalisedAt;

    public Integer segments;

    public Long bytes;

    @Column(name = "duration_ms")
    public Long durationMs;

    public Boolean seekable;

    @Column(name = "media_zero_at")
    public Instant mediaZeroAt;

    @Column(name = "clock_offset_ms")
    public Long clockOffsetMs;

    /** JSON list of {@link RecordingGap}. */
    public String gaps;

    @Column(name = "has_thumbnails", nullable = false)
    public boolean hasThumbnails;

    public String error;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public TrackId id(int segment) {
        return new TrackId(attemptId, kind, segment);
    }

    /** The alignment of the finalised recording with the attempt clock; null before finalisation. */
    public TrackAlignment alignment() {
        if (mediaZeroAt == null || durationMs == null) {
            return null;
        }
        return new TrackAlignment(mediaZeroAt, java.time.Duration.ofMillis(clockOffsetMs == null ? 0 : clockOffsetMs),
                durationMs / 1000.0);
    }
}
