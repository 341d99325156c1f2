package kz.adal.oral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A JPEG frame kept as evidence of the identity, desk or room check (001 §6.15.6). */
@Entity
@Table(name = "oral_snapshot")
class OralSnapshot extends PanacheEntityBase {
    public enum Kind { IDENTITY, DESK, ROOM }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "turn_id", nullable = false)
    public UUID turnId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Column(name = "taken_by")
    public UUID takenBy;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] jpeg;
}
