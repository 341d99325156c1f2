package kz.adal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for proctoring: records the interruption events it would turn into flags. */
@ApplicationScoped
public class InterruptionProbe {
    static final List<MediaEvents.RecordingInterrupted> SEEN = new CopyOnWriteArrayList<>();

    void on(@Observes MediaEvents.RecordingInterrupted e) {
        SEEN.add(e);
    }
}
