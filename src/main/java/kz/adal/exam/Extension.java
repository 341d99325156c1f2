package kz.adal.exam;

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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An extension of an exam's deadline for one student and its individual sheet (001 §5.34–5.35).
 * The lifecycle lives in {@link IndividualSheet} / {@link IndividualSheetState}: every change goes
 * through {@link #sheet()} and {@link #take(IndividualSheet)}, never a bare state assignment.
 */
@Entity
@Table(name = "individual_sheet")
class Extension extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndividualSheetState state;

    @Column(nullable = false)
    public String reason;

    /** The supporting document (medical certificate, order…), size-limited on upload. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] document;

    @Column(name = "document_name", nullable = false)
    public String documentName;

    @Column(name = "document_type", nullable = false)
    public String documentType;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Column(name = "dean_signed_by") public UUID deanSignedBy;
    @Column(name = "dean_signed_at") public Instant deanSignedAt;
    @Column(name = "policy_signed_by") public UUID policySignedBy;
    @Column(name = "policy_signed_at") public Instant policySignedAt;
    @Column(name = "vice_signed_by") public UUID viceSignedBy;
    @Column(name = "vice_signed_at") public Instant viceSignedAt;
    @Column(name = "refused_by") public UUID refusedBy;
    @Column(name = "refused_at") public Instant refusedAt;
    @Column(name = "refusal_reason") public String refusalReason;
    @Column(name = "order_number") public String orderNumber;
    @Column(name = "order_issued_by") public UUID orderIssuedBy;
    @Column(name = "order_issued_at") public Instant orderIssuedAt;

    /** The day the student received the sheet; the 14 days run from it (001 §5.35). */
    @Column(name = "received_on") public LocalDate receivedOn;

    @Column(name = "grade_percent") public BigDecimal gradePercent;
    @Column(name = "graded_by") public UUID gradedBy;
    @Column(name = "graded_at") public Instant gradedAt;
    @Column(name = "returned_on") public LocalDate returnedOn;
    @Column(name = "returned_by") public UUID returnedBy;
    @Column(name = "ais_recorded_by") public UUID aisRecordedBy;
    @Column(name = "ais_recorded_at") public Instant aisRecordedAt;

    /** The rule value of this row. */
    public IndividualSheet sheet() {
        return new IndividualSheet(state, receivedOn, returnedOn);
    }

    /** Stores the next value produced by an {@link IndividualSheet} verb. */
    public void take(IndividualSheet next) {
        state = next.state();
        receivedOn = next.receivedOn();
        returnedOn = next.returnedOn();
    }

    /** Issued to the student and valid on {@code day}: opens the personal window (001 §5.35). */
    public boolean isValidOn(LocalDate day) {
        return state == IndividualSheetState.SHEET_ISSUED && sheet().isValidOn(day);
    }

    /** The student's sheet for the exam that is valid on {@code day}, if any. */
    public static Optional<Extension> validFor(UUID examId, UUID studentId, LocalDate day) {
        List<Extension> issued = list("examId = ?1 and studentId = ?2 and state = ?3", examId, studentId,
                IndividualSheetState.SHEET_ISSUED);
        return issued.stream().filter(e -> e.isValidOn(day)).findFirst();
    }
}
