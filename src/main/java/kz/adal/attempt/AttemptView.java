package kz.adal.attempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt as its student sees it. {@code serverNow} lets the browser compute the countdown from
 * the server's clock: {@code remaining = deadlineAt − (serverNow + time since the response)}.
 */
public record AttemptView(UUID id, UUID examId, String examTitle, AttemptState state, Instant serverNow,
                          Instant startedAt, Instant deadlineAt, boolean cutAtClose, int questionCount, int answered,
                          Instant finishedAt, boolean resultsVisible, List<StartGate.GateResult> gates) {
}
