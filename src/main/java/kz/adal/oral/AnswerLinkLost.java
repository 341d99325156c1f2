package kz.adal.oral;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, in the transaction that pauses the answer) when the student's audio/video stopped
 * reaching the commission for longer than {@code adal.oral.link.pause-after} (issue 14). Casework observes
 * it to draft the technical-failure act with the measured outage ({@code lostAt} → {@code pausedAt}).
 */
public record AnswerLinkLost(UUID turnId, UUID sittingId, UUID studentId, UUID secretaryId, Instant lostAt, Instant pausedAt,
                             long outageSeconds, String notReaching, Integer ticketNumber) {
}
