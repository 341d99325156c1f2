package kz.adal.exam;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Whether a student may sit an exam: only after all control tasks (001 §5.30). */
@Entity
@Table(name = "exam_admission")
class Admission extends PanacheEntityBase {
    public enum Source { CSV, MANUAL }

    @EmbeddedId
    public ExamStudent key;

    @Column(nullable = false)
    public boolean admitted;

    public String reason;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Source source;

    @Column(name = "decided_by", nullable = false)
    public UUID decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static boolean isAdmitted(UUID examId, UUID studentId) {
        Admission a = findById(new ExamStudent(examId, studentId));
        return a != null && a.admitted;
    }

    /** Composite key (exam, student), shared by admissions and accommodations. */
    @Embeddable
    public static class ExamStudent implements Serializable {
        @Column(name = "exam_id")
        public UUID examId;

        @Column(name = "student_id")
        public UUID studentId;

        public ExamStudent() {}

        public ExamStudent(UUID examId, UUID studentId) {
            this.examId = examId;
            this.studentId = studentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExamStudent k && Objects.equals(examId, k.examId) && Objects.equals(studentId, k.studentId);
        }

        @Override
        public int hashCode() { return Objects.hash(examId, studentId); }
    }
}
