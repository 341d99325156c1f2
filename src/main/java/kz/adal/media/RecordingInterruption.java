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

/** The browser reported that the camera or screen recording stopped (device unplugged, permission withdrawn). */
@Entity
@Table(name = "recording_interruption")
class RecordingInterruption extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    /** Null when another feature owns the recording ({@link #ownerKind}, {@link #ownerId}). */
    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "owner_kind")
    public String ownerKind;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrackKind kind;

    /** ENDED (track.onended), DENIED (permission refused), RECORDER_ERROR, STORAGE_FULL. */
    @Column(nullable = false)
    public String reason;

    public String detail;

    @Column(name = "client_at")
    public Instant clientAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
