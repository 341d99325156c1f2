package kz.adal.exam.seb;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** An exam's Safe Exam Browser requirement (V1500). No row: the exam does not require SEB. */
@Entity
@Table(name = "exam_seb")
class SebSettings extends PanacheEntityBase {
    static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    @Id
    @Column(name = "exam_id")
    UUID examId;

    @Column(nullable = false)
    boolean required;

    @Column(name = "extra_config_keys", nullable = false)
    String extraConfigKeys = "";

    @Column(name = "browser_exam_keys", nullable = false)
    String browserExamKeys = "";

    @Column(name = "updated_by", nullable = false)
    UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    static List<String> keys(String lines) {
        return Arrays.stream(lines.split("\\R")).map(String::trim).map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
    }
}
