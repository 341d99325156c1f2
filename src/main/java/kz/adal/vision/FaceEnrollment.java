package kz.adal.vision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/** A student's reference face: the embedding and the photo it came from. One per student. */
@Entity
@Table(name = "face_enrollment")
class FaceEnrollment extends PanacheEntityBase {
    /** Where the reference came from. */
    public enum Source { ID_CARD, PROCTOR_CAPTURE }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "student_id", nullable = false, unique = true)
    public UUID studentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(nullable = false)
    public byte[] embedding;

    @Column(nullable = false)
    public byte[] photo;

    @Column(name = "photo_type", nullable = false)
    public String photoType;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "enrolled_by")
    public UUID enrolledBy;

    @Column(nullable = false)
    public int revision;

    public static FaceEnrollment forStudent(UUID studentId) {
        return find("studentId", studentId).firstResult();
    }

    public float[] reference() {
        return unpack(embedding);
    }

    static byte[] pack(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static float[] unpack(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        float[] v = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
