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

/** One commission member's own grade for one turn (001 §6.15.6: every member grades). */
@Entity
@Table(name = "oral_grade")
class OralGrade extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "turn_id", nullable = false)
    public UUID turnId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public int points;

    @Column(name = "graded_at", nullable = false)
    public Instant gradedAt;

    public static List<OralGrade> of(UUID turnId) {
        return list("turnId", turnId);
    }
}
