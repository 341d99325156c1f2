package kz.adal.media.retention;

import kz.adal.media.RecordingHold;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which recordings may be deleted. Recordings are kept at least until every appeal window,
 * open act, re-sit and the academic period have closed; attempts with an open case are on legal hold
 * (product decision in REQUIREMENTS, "Product decisions already taken"). So a recording is due only when
 * <ul>
 *   <li>it has no {@link RecordingHold} at all — a held recording is never due, whatever its age;</li>
 *   <li>the retention period has passed since the attempt ended; and</li>
 *   <li>the academic period the attempt belongs to has ended.</li>
 * </ul>
 * The retention period may not be shorter than the 48-hour appeal window (001 §6.15.4).
 */
public final class RetentionPolicy {

    /** Appeals may be filed within two calendar days after the exam (001 §6.15.4). */
    public static final Duration APPEAL_WINDOW = Duration.ofHours(48);

    /**
     * One attempt's recordings as the retention job sees them.
     *
     * @param recordingPrefix      storage prefix to delete (e.g. {@code attempts/<id>})
     * @param attemptEndedAt       when the attempt ended (submitted, expired or voided)
     * @param academicPeriodEndsAt end of the academic period of the attempt (null: not known → keep)
     * @param holds                current holds; empty when none
     */
    public record RetainedRecording(String recordingPrefix, Instant attemptEndedAt, Instant academicPeriodEndsAt,
                                    Set<RecordingHold> holds) {
        public RetainedRecording {
            Objects.requireNonNull(recordingPrefix, "recordingPrefix");
            Objects.requireNonNull(attemptEndedAt, "attemptEndedAt");
            holds = holds == null ? Set.of() : Set.copyOf(holds);
        }
    }

    private final Duration retention;

    public RetentionPolicy(Duration retention) {
        if (retention == null || retention.compareTo(APPEAL_WINDOW) < 0) {
            throw new IllegalArgumentException("Retention must be at least the 48-hour appeal window (001 §6.15.4)");
        }
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** True when this recording may be deleted at {@code now}. */
    public boolean isDue(RetainedRecording recording, Instant now) {
        if (!recording.holds().isEmpty()) {
            return false;
        }
        if (recording.academicPeriodEndsAt() == null || now.isBefore(recording.academicPeriodEndsAt())) {
            return false;
        }
        return !now.isBefore(recording.attemptEndedAt().plus(retention));
    }

    /** The recordings to delete at {@code now}, in the given order. */
    public List<RetainedRecording> dueForDeletion(Collection<RetainedRecording> recordings, Instant now) {
        return recordings.stream().filter(r -> isDue(r, now)).toList();
    }
}
