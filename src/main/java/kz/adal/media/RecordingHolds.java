package kz.adal.media;

import java.util.Set;
import java.util.UUID;

/**
 * Why an attempt's recordings must be kept regardless of age (an open act, an appeal, a pending verdict, a
 * re-sit, a legal hold). Casework implements it; the retention job unions every bean's answer. With no bean,
 * nothing is on hold.
 */
public interface RecordingHolds {

    Set<RecordingHold> holdsFor(UUID attemptId);
}
