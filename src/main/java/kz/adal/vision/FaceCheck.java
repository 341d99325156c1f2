package kz.adal.vision;

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

/** A snapshot verdict other than OK, kept with its evidence frame for a human reviewer (advisory only). */
@Entity
@Table(name = "face_check")
class FaceCheck extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SnapshotOutcome outcome;

    /** The numbers behind the verdict as JSON (exposure, motion, face scores, similarity, pose). */
    @Column(nullable = false)
    public String evidence;

    public byte[] frame;

    @Column(name = "server_at", nullable = false)
    public Instant serverAt;
}
