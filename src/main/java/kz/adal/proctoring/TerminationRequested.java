package kz.adal.proctoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired (synchronously, inside the request's transaction) when a proctor without academic-administrative
 * authority asks to stop a student (001 §6.14): the request waits for one of {@code deciders}. Casework
 * observes it to put a notice in their inboxes; proctoring knows nothing of casework.
 */
public record TerminationRequested(UUID terminationId, UUID attemptId, UUID examId, String examTitle, String studentName,
                                   String requestedByName, String reason, Instant requestedAt, List<UUID> deciders) {

    /** The page where a decider sees the evidence and confirms or declines. */
    public String link() {
        return "/proctor/termination.html?id=" + terminationId;
    }
}
