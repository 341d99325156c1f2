package kz.adal.casework.commission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One seat on a test exam's commission: chair, member or technical secretary. A product extension of the
 * attestation commission of 001 §6.15.2/§6.15.6 to tests; oral sittings keep their own commission.
 */
@Entity
@Table(name = "exam_commission_member")
class ExamCommissionSeat extends PanacheEntityBase {


    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "exam_id")
        public UUID examId;
        @Column(name = "user_id")
        public UUID userId;

        protected Key() {
        }

        public Key(UUID examId, UUID userId) {
            this.examId = examId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.examId.equals(examId) && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return examId.hashCode() * 31 + userId.hashCode();
        }
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommissionSeat role;

    @Column(name = "added_by", nullable = false)
    public UUID addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static List<ExamCommissionSeat> of(UUID examId) {
        return list("key.examId = ?1 order by role", examId);
    }
}
