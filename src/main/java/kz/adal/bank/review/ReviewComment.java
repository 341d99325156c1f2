package kz.adal.bank.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The expert's remark on one question. */
@Entity
@Table(name = "review_comment")
class ReviewComment extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String comment;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "review_id")
        public UUID reviewId;

        @Column(name = "question_id")
        public UUID questionId;

        public Key() {}

        public Key(UUID reviewId, UUID questionId) {
            this.reviewId = reviewId;
            this.questionId = questionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(reviewId, k.reviewId) && Objects.equals(questionId, k.questionId);
        }

        @Override
        public int hashCode() { return Objects.hash(reviewId, questionId); }
    }
}
