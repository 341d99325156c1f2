package kz.adal.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.attempt.AttemptCatalog;

import java.util.List;
import java.util.UUID;

/**
 * What other features read about recordings, as numbers and records (the {@link MediaTrack} entity stays this
 * feature's own; docs/architecture.md, "Feature boundaries"). Grow it with what a caller needs.
 */
@ApplicationScoped
public class RecordingCatalog {
    private final ObjectMapper json;
    private final AttemptCatalog attempts;

    RecordingCatalog(ObjectMapper json, AttemptCatalog attempts) {
        this.json = json;
        this.attempts = attempts;
    }

    /** How many holes the finalised recordings of the exam's attempts have, all tracks together (the monitoring report). */
    @Transactional
    public long gapCount(UUID examId) {
        List<UUID> attemptIds = attempts.idsOf(examId);
        if (attemptIds.isEmpty()) return 0;
        long gaps = 0;
        for (MediaTrack t : MediaTrack.<MediaTrack>list("attemptId in ?1", attemptIds)) {
            if (t.gaps == null || t.gaps.isBlank()) continue;
            try {
                gaps += json.readTree(t.gaps).size();
            } catch (Exception ignored) {
                // an unreadable gap list counts as none
            }
        }
        return gaps;
    }
}
