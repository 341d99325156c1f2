package kz.adal.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's application about an absence for a valid reason from an oral sitting (001 §6.15.3):
 * addressed to the commission chair via the deputy dean, with a scanned document. APPLIED → FORWARDED
 * (by the dean's office) → ALLOWED (a re-sit turn on another sitting day) or NOT_ALLOWED (the chair's visa).
 */
@Entity
@Table(name = "absence_application")
public class AbsenceApplication extends PanacheEntityBase {

    public enum State { APPLIED, FORWARDED, ALLOWED, NOT_ALLOWED }

    @Id
    public UUID id;

    @Column(name = "sitting_id", nullable = false)
    public UUID sittingId;

    @Column(name = "turn_id", nullable = false)
    public UUID turnId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(nullable = false, length = 4000)
    public String reason;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] document;

    @Column(name = "document_name", nullable = false)
    public String documentName;

    @Column(name = "document_type", nullable = false)
    public String documentType;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.APPLIED;

    @Column(name = "forwarded_by")
    public UUID forwardedBy;

    @Column(name = "forwarded_by_name")
    public String forwardedByName;

    @Column(name = "forwarded_at")
    public Instant forwardedAt;

    @Column(name = "forward_note")
    public String forwardNote;

    /** The chair's visa: who signed and when. */
    @Column(name = "visa_by")
    public UUID visaBy;

    @Column(name = "visa_by_name")
    public String visaByName;

    @Column(name = "visa_at")
    public Instant visaAt;

    @Column(name = "visa_note")
    public String visaNote;

    @Column(name = "resit_turn_id")
    public UUID resitTurnId;

    @Column(name = "resit_sitting_id")
    public UUID resitSittingId;
}
