package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import kz.adal.attempt.AttemptEvents.AttemptFinished;
import kz.adal.attempt.AttemptState;
import kz.adal.media.MediaEvents.RecordingInterrupted;

import java.util.Map;

/** What other features' events change on the live side: an attempt finished, a recording stopped or resumed. */
@ApplicationScoped
class ProctorHooks {
    private final LiveHub hub;
    private final ObjectMapper json;

    ProctorHooks(LiveHub hub, ObjectMapper json) {
        this.hub = hub;
        this.json = json;
    }

    /** Submitted, expired or terminated: the consoles update and the student's page stops streaming. */
    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                    AttemptFinished f) {
        if (f.state() == AttemptState.TERMINATED) return; // confirm() already told everyone, with the reason
        hub.recordServerEvent(f.attemptId(), "attempt.finished", Map.of("state", f.state().name()));
        hub.toStudent(f.attemptId(), json.createObjectNode().put("type", "state").put("state", f.state().name()));
        hub.attemptChanged(f.attemptId());
    }

    /** The recording pipeline saw a track stop or resume: it becomes part of the timeline and raises a flag. */
    void onRecordingInterrupted(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                                RecordingInterrupted r) {
        boolean resumed = "RESUMED".equals(r.reason());
        hub.recordServerEvent(r.attemptId(), resumed ? "recording.resumed" : "recording.stopped",
                Map.of("track", r.kind().name(), "reason", r.reason()));
        hub.attemptChanged(r.attemptId());
    }
}
