package kz.adal.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The appeal commission of one exam (a test) or one oral sitting: a chair, a deputy chair and members
 * (001 §6.15.4–6.15.5), set up by the dean's office or the admin. The chair signs decisions; while the
 * chair is marked absent the deputy signs. Members take part in the hearing but never sign.
 */
@Entity
@Table(name = "appeal_commission")
class AppealCommission extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "exam_id")
    public UUID examId;

    @Column(name = "sitting_id")
    public UUID sittingId;

    @Column(nullable = false)
    public String title;

    @Column(name = "chair_id", nullable = false)
    public UUID chairId;

    @Column(name = "deputy_id", nullable = false)
    public UUID deputyId;

    @Column(name = "chair_absent", nullable = false)
    public boolean chairAbsent;

    @Column(name = "absence_note")
    public String absenceNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appeal_commission_member", joinColumns = @JoinColumn(name = "commission_id"))
    @Column(name = "user_id")
    public Set<UUID> members = new HashSet<>();

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The scope the commission serves (the exam or the sitting). */
    public UUID scopeId() {
        return examId != null ? examId : sittingId;
    }

    /** Who signs now: the chair, or the deputy while the chair is absent (001 §6.15.4). */
    public UUID signer() {
        return chairAbsent ? deputyId : chairId;
    }

    public boolean includes(UUID userId) {
        return chairId.equals(userId) || deputyId.equals(userId) || members.contains(userId);
    }

    public AppealSeat roleOf(UUID userId) {
        if (chairId.equals(userId)) return AppealSeat.CHAIR;
        if (deputyId.equals(userId)) return AppealSeat.DEPUTY_CHAIR;
        if (members.contains(userId)) return AppealSeat.MEMBER;
        return null;
    }

    public static AppealCommission forScope(UUID scopeId) {
        return find("examId = ?1 or sittingId = ?1 order by createdAt desc", scopeId).firstResult();
    }
}
