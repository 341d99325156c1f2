package kz.adal.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.adal.media.RecordingHold;
import kz.adal.media.RecordingHolds;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An open act holds the attempt's recordings (product decision: recordings are kept while a case is open). */
@ApplicationScoped
public class ActRecordingHolds implements RecordingHolds {

    @Override
    @Transactional
    public Set<RecordingHold> holdsFor(UUID attemptId) {
        Set<RecordingHold> holds = EnumSet.noneOf(RecordingHold.class);
        if (Act.count("attemptId = ?1 and state <> ?2", attemptId, Act.State.DECIDED) > 0) holds.add(RecordingHold.OPEN_ACT);
        if (Act.count("attemptId = ?1 and decision = ?2", attemptId, ActDecision.RESUME) > 0) holds.add(RecordingHold.RESIT);
        return holds;
    }
}
