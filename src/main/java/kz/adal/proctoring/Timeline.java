package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What rules look at: an attempt's events in the order they happened, when the attempt ended (null
 * while it runs) and the time of the evaluation.
 *
 * @param disconnectGrace a drop shorter than this is a technical event, not a violation (default 2 min)
 * @param setupGrace      after a reload, how long the student has to share camera and screen and go back
 *                        to fullscreen before a loss counts (default 15 s)
 * @param setupLimit      the same for the first page load of the attempt (permission prompts; default 3 min)
 */
public record Timeline(List<LiveEvent> events, Instant end, Instant now, Duration disconnectGrace, Duration setupGrace,
                       Duration setupLimit) {

    public static final Duration SETUP_GRACE = Duration.ofSeconds(15);
    public static final Duration SETUP_LIMIT = Duration.ofMinutes(3);

    public Timeline {
        events = events.stream().sorted(Comparator.comparing(LiveEvent::at)
                .thenComparing(e -> e.seq() == null ? Long.MAX_VALUE : e.seq())).toList();
    }

    public Timeline(List<LiveEvent> events, Instant end, Instant now, Duration disconnectGrace) {
        this(events, end, now, disconnectGrace, SETUP_GRACE, SETUP_LIMIT);
    }

    /**
     * A stretch after a page load ({@code session.start}) in which the page itself asks for the camera, the
     * screen and fullscreen: it ends when the page reports {@code setup.complete}, at the next page load, or
     * when the grace runs out ({@code until} null: still setting up now).
     */
    public record Setup(Instant from, Instant until) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && (until == null || t.isBefore(until));
        }
    }

    /** The setup stretches of this timeline, in order. */
    public List<Setup> setups() {
        List<Setup> out = new java.util.ArrayList<>();
        boolean completedBefore = false;
        Instant from = null;
        Instant limit = null;
        for (LiveEvent e : relevant()) {
            if (e.kind().equals("session.start")) {
                if (from != null) out.add(new Setup(from, min(limit, e.at())));
                from = e.at();
                limit = from.plus(completedBefore ? setupGrace : setupLimit);
            } else if (e.kind().equals("setup.complete")) {
                completedBefore = true;
                if (from != null) out.add(new Setup(from, min(limit, e.at())));
                from = null;
            }
        }
        if (from != null) {
            Instant until = end != null ? end : now;
            out.add(new Setup(from, until.isBefore(limit) && end == null ? null : min(limit, until)));
        }
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
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
