package kz.adal.oral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sitting's own log (stage changes, checks, the draw, incidents) that the protocol prints. */
@Entity
@Table(name = "oral_event")
class OralEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "sitting_id", nullable = false)
    public UUID sittingId;

    @Column(name = "turn_id")
    public UUID turnId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String kind;

    @Column(name = "actor_login")
    public String actorLogin;

    public String detail;

    public static List<OralEvent> of(UUID sittingId) {
        return list("sittingId = ?1 order by at, kind", sittingId);
    }
}
