package kz.adal.casework;

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

/** One member's vote on an act: one per member (the primary key), with an optional comment. */
@Entity
@Table(name = "casework_act_vote")
class ActVote extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "act_id")
        public UUID actId;
        @Column(name = "voter_id")
        public UUID voterId;

        protected Key() {
        }

        public Key(UUID actId, UUID voterId) {
            this.actId = actId;
            this.voterId = voterId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.actId.equals(actId) && k.voterId.equals(voterId);
        }

        @Override
        public int hashCode() {
            return actId.hashCode() * 31 + voterId.hashCode();
        }
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActDecision choice;

    @Column(length = 2000)
    public String comment;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;

    public static List<ActVote> of(UUID actId) {
        return list("key.actId = ?1 order by castAt", actId);
    }
}
