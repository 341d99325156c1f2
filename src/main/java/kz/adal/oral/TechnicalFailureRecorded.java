package kz.adal.oral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired (synchronously, inside the recording transaction) when the technical secretary records a technical
 * failure of a turn (001 §6.15.6). Casework observes it to draft the electronic act; oral knows nothing of
 * casework.
 */
public record TechnicalFailureRecorded(UUID turnId, UUID sittingId, UUID studentId, UUID secretaryId, Instant at,
                                       String note, String stageBefore, Integer ticketNumber, LocalDate incompleteDue) {
}
