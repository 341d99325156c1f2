package kz.adal.oral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A sitting of the final-attestation complex exam held orally by video because of a declared
 * emergency (001 §6.15, §6.15.6): bachelor level, synchronous only (001 §5.4).
 */
@Entity
@Table(name = "oral_sitting")
class OralSitting extends PanacheEntityBase {
    public static final String BACHELOR = "BACHELOR";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false)
    public String title;

    /** The declared emergency this sitting rests on (order number, date, what) — recorded, required. */
    @Column(name = "emergency_basis", nullable = false)
    public String emergencyBasis;

    @Column(name = "study_level", nullable = false)
    public String studyLevel = BACHELOR;

    @Column(name = "sitting_date", nullable = false)
    public LocalDate sittingDate;

    @Column(nullable = false)
    public String programme;

    /** Language of instruction; the tickets are in it (001 §5.23.5). */
    @Column(nullable = false)
    public String language;

    /** The head of department who shows the random number generator (001 §6.15.6). */
    @Column(name = "head_id", nullable = false)
    public UUID headId;

    /** Whether a ticket drawn earlier in this sitting may come again (recorded in the protocol). */
    @Column(name = "allow_repeat_tickets", nullable = false)
    public boolean allowRepeatTickets;

    @Column(name = "preparation_minutes", nullable = false)
    public int preparationMinutes;

    @Column(name = "answer_minutes", nullable = false)
    public int answerMinutes;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the chair last published results (001 §6.15.6: the same day). */
    @Column(name = "published_at")
    public Instant publishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oral_commission_member", joinColumns = @JoinColumn(name = "sitting_id"))
    public List<CommissionSeat> commission = new ArrayList<>();

    public Optional<CommissionRole> commissionRole(UUID userId) {
        return commission.stream().filter(s -> s.userId.equals(userId)).map(s -> s.role).findFirst();
    }

    /** Everyone who grades: the chair and the members. */
    public List<UUID> graders() {
        return commission.stream().filter(s -> s.role.grades()).map(s -> s.userId).toList();
    }

    public UUID chairId() {
        return commission.stream().filter(s -> s.role == CommissionRole.CHAIR).map(s -> s.userId).findFirst().orElseThrow();
    }

    public List<UUID> withRole(CommissionRole role) {
        return commission.stream().filter(s -> s.role == role).map(s -> s.userId).toList();
    }

    /** The caller's roles in this sitting (commission, head, student): may be several, may be none. */
    /** The Jitsi room's recording (when Jitsi is configured and records the room): a link kept for the protocol. */
    @Column(name = "jitsi_recording_url")
    public String jitsiRecordingUrl;

    public Set<SittingRole> rolesOf(UUID userId, boolean admittedStudent) {
        Set<SittingRole> roles = EnumSet.noneOf(SittingRole.class);
        commissionRole(userId).ifPresent(r -> roles.add(SittingRole.valueOf(r.name())));
        if (userId.equals(headId)) roles.add(SittingRole.HEAD);
        if (admittedStudent) roles.add(SittingRole.STUDENT);
        return roles;
    }
}
