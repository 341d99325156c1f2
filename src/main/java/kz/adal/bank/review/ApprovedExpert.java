package kz.adal.bank.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** An expert on the list approved for an academic year (each March for the next year, 001 §5.24). */
@Entity
@Table(name = "approved_expert")
class ApprovedExpert extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id")
        public UUID userId;

        @Column(name = "academic_year")
        public String academicYear;

        public Key() {}

        public Key(UUID userId, String academicYear) {
            this.userId = userId;
            this.academicYear = academicYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(academicYear, k.academicYear);
        }

        @Override
        public int hashCode() { return Objects.hash(userId, academicYear); }
    }

    public static boolean isApproved(UUID userId, String academicYear) {
        return findById(new Key(userId, academicYear)) != null;
    }
}
