package kz.adal.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A question of one bank version: stem, optional image, exactly 5 options (001 §7.6). */
@Entity
@Table(name = "question")
class Question extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 4000)
    public String stem;

    @Basic(fetch = FetchType.LAZY)
    public byte[] image;

    @Column(name = "image_type")
    public String imageType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Difficulty difficulty;

    public String topic;

    /** Open to students in practice mode (001 §5.23.2). */
    @Column(nullable = false)
    public boolean typical;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "question_option", joinColumns = @JoinColumn(name = "question_id"))
    @OrderColumn(name = "position")
    public List<QuestionOption> options = new ArrayList<>();

    public QuestionDraft toDraft() {
        // the image travels with the question: an export to Moodle XML embeds it (docs/bank-formats.md)
        return new QuestionDraft(stem, options.stream().map(o -> new OptionDraft(o.text, o.correct)).toList(), difficulty, topic, 0,
                image, imageType);
    }

    public void fill(QuestionDraft d) {
        stem = d.stem().strip();
        difficulty = d.difficulty();
        topic = d.topic() == null || d.topic().isBlank() ? null : d.topic().strip();
        options.clear();
        for (OptionDraft o : d.options()) options.add(new QuestionOption(o.text().strip(), o.correct()));
        if (d.image() != null) {
            image = d.image();
            imageType = d.imageType();
        }
    }
}
