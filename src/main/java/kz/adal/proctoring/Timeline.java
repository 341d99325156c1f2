package kz.adal.proctoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What rules look at: an attempt's events in the order they happened, when the attempt ended (null
 * while it runs) and the time of the evaluation.
 *
 * @param disconnectGrace a drop shorter than this is a technical event, not a violation (default 2 min)
 */
public record Timeline(List<LiveEvent> events, Instant end, Instant now, Duration disconnectGrace) {

    public Timeline {
        events = events.stream().sorted(Comparator.comparing(LiveEvent::at)
                .thenComparing(e -> e.seq() == null ? Long.MAX_VALUE : e.seq())).toList();
    }

    /** Events up to the attempt's end; later ones (a late replay) do not count. */
    public List<LiveEvent> relevant() {
        return end == null ? events : events.stream().filter(e -> !e.at().isAfter(end)).toList();
    }

    /** Where an open interval stops: the attempt's end, or nowhere yet (null). */
    public Instant openEnd() {
        return end;
    }
}
