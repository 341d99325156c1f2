package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Holds as casework will give them: a test names the attempts on hold. */
@ApplicationScoped
public class TestHolds implements RecordingHolds {
    static final Map<UUID, RecordingHold> HELD = new ConcurrentHashMap<>();

    @Override
    public Set<RecordingHold> holdsFor(UUID attemptId) {
        RecordingHold h = HELD.get(attemptId);
        return h == null ? Set.of() : Set.of(h);
    }
}
