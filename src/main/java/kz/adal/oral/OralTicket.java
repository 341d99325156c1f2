package kz.adal.oral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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

/** A ticket of the sitting's bank: several questions in the language of instruction. */
@Entity
@Table(name = "oral_ticket")
class OralTicket extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(name = "sitting_id", nullable = false)
    public UUID sittingId;

    @Column(nullable = false)
    public int number;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oral_ticket_question", joinColumns = @JoinColumn(name = "ticket_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false)
    public List<String> questions = new ArrayList<>();

    public static List<OralTicket> of(UUID sittingId) {
        return list("sittingId = ?1 order by number", sittingId);
    }

    /** Two tickets ask the same thing when their questions match (ignoring case and spacing). */
    public String fingerprint() {
        return String.join("\n", questions.stream().map(q -> q.strip().replaceAll("\\s+", " ").toLowerCase()).toList());
    }
}
