package kz.adal.media;

import kz.adal.platform.RuleViolation;

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
class MediaTrack extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    /** The attempt recorded; null when another feature owns the track ({@link #ownerKind}). */
    @Column(name = "attempt_id")
    public UUID attemptId;

    /** {@code ATTEMPT} or a {@link RecordingOwner#kind()}; null on rows written before owners existed (= attempt). */
    @Column(name = "owner_kind")
    public String ownerKind;

    /** The attempt's id, or the owning feature's id (e.g. the oral turn). */
    @Column(name = "owner_id")
    public UUID ownerId;

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

    /** The node finalising this track (with {@link #claimedAt} renewed while it works). */
    @Column(name = "claimed_by")
    public String claimedBy;

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

    public static final String ATTEMPT = "ATTEMPT";

    /** True when an attempt owns this track (the original case). */
    public boolean ownedByAttempt() {
        return ownerKind == null || ATTEMPT.equals(ownerKind);
    }

    /** An attempt's track segment (see {@link RecordingOwners#trackId} for any owner). */
    public TrackId id(int segment) {
        if (!ownedByAttempt()) throw new IllegalStateException("Track " + id + " is owned by " + ownerKind + ": use RecordingOwners");
        return new TrackId(attemptId, kind, segment);
    }

    /** A segment of this track stored under the owner kind's folder. */
    public TrackId id(int segment, String ownerFolder) {
        return ownedByAttempt() ? id(segment) : new TrackId(ownerId, kind, segment, ownerFolder);
    }

    /** The alignment of the finalised recording with the attempt clock; null before finalisation. */
    public TrackAlignment alignment() {
        if (mediaZeroAt == null || durationMs == null) {
            return null;
        }
        return new TrackAlignment(mediaZeroAt, java.time.Duration.ofMillis(clockOffsetMs == null ? 0 : clockOffsetMs),
                durationMs / 1000.0);
    }

    /** FINALISING → FINALISED or FAILED: the claimed finalisation ended (refused for a track retention deleted meanwhile). */
    public void settle(TrackState outcome, Instant at) {
        if (outcome != TrackState.FINALISED && outcome != TrackState.FAILED) {
            throw new IllegalArgumentException("a finalisation ends FINALISED or FAILED, not " + outcome);
        }
        move(outcome);
        finalisedAt = at;
    }

    /** Any state → DELETED by the retention job (001: kept until every hold is released); only the row remains. */
    public void delete(Instant at) {
        move(TrackState.DELETED);
        deletedAt = at;
    }

    private void move(TrackState target) {
        if (!state.canMoveTo(target)) {
            throw RuleViolation.conflict("TRACK_TRANSITION_REFUSED", "A " + state + " track cannot become " + target);
        }
        state = target;
    }
}
