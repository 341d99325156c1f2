package kz.adal.oral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One socket in the room, from opening to closing: who was connected when (the protocol prints it). */
@Entity
@Table(name = "oral_presence")
class OralPresence extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "sitting_id", nullable = false)
    public UUID sittingId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "connection_id", nullable = false)
    public String connectionId;
    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;
    @Column(name = "left_at")
    public Instant leftAt;

    public static List<OralPresence> of(UUID sittingId) {
        return list("sittingId = ?1 order by joinedAt", sittingId);
    }
}
