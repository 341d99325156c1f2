package kz.adal.attempt;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One question of a drawn paper and the student's current answer to it. Option indices stored here
 * are the bank's; the student sees them in {@link #optionOrder()} order.
 */
@Entity
@Table(name = "attempt_question")
class AttemptQuestion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "question_id", nullable = false)
    public UUID questionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrawDifficulty difficulty;

    @Column(name = "option_order", nullable = false)
    public String optionOrderText;

    /** Chosen bank option indices, sorted, comma-separated; empty when nothing is chosen. */
    @Column(nullable = false)
    public String selected = "";

    @Column(nullable = false)
    public boolean marked;

    @Column(nullable = false)
    public long seq;

    @Column(name = "client_at")
    public Instant clientAt;

    @Column(name = "saved_at")
    public Instant savedAt;

    @Column(name = "score_num")
    public Integer scoreNum;

    @Column(name = "score_den")
    public Integer scoreDen;

    static AttemptQuestion of(UUID attemptId, DrawnQuestion q) {
        AttemptQuestion row = new AttemptQuestion();
        row.key = new Key(attemptId, q.position());
        row.questionId = q.questionId();
        row.difficulty = q.difficulty();
        row.optionOrderText = q.optionOrder().stream().map(String::valueOf).collect(Collectors.joining(","));
        return row;
    }

    public int position() {
        return key.position;
    }

    /** {@code optionOrder().get(shown)} is the bank option displayed at place {@code shown}. */
    public List<Integer> optionOrder() {
        return parse(optionOrderText);
    }

    public Set<Integer> selectedBankOptions() {
        return new TreeSet<>(parse(selected));
    }

    /** The chosen options in display places (what the student's browser knows). */
    public List<Integer> selectedDisplayed() {
        List<Integer> order = optionOrder();
        List<Integer> shown = new ArrayList<>();
        for (int bank : selectedBankOptions()) shown.add(order.indexOf(bank));
        shown.sort(null);
        return shown;
    }

    public boolean isAnswered() {
        return !selected.isEmpty();
    }

    public DrawnQuestion toDrawn() {
        return new DrawnQuestion(key.position, questionId, difficulty, optionOrder());
    }

    static String join(Set<Integer> indices) {
        return new TreeSet<>(indices).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> parse(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "attempt_id")
        public UUID attemptId;

        @Column(name = "position")
        public int position;

        public Key() {
        }

        public Key(UUID attemptId, int position) {
            this.attemptId = attemptId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(attemptId, k.attemptId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, position);
        }
    }
}
