package kz.adal.casework;

import kz.adal.attempt.AttemptState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drafts the evidence part of a technical-failure act (001 §6.15.6) from what the proctoring channel and
 * the recording pipeline saw. Pure: no database, no clock; see docs/technical-failure-acts.md.
 *
 * <ul>
 *   <li><b>Event channel</b>: the student's connection (connection.closed → connection.opened) and the
 *       browser's own network state (network.offline → network.online). Overlapping or touching intervals
 *       from both sources are merged into one.</li>
 *   <li><b>Media channel</b>: a camera or screen recording stopped → resumed (recording.stopped/resumed,
 *       per track), merged the same way.</li>
 *   <li>An interval still open at {@code until} ends there and is marked open.</li>
 *   <li>Intervals shorter than {@code grace} are blips the browser reconnects through (the same grace the
 *       live console uses) and are left out.</li>
 *   <li><b>Time lost</b> counts the event channel only (without it no answer reaches the server), clipped to
 *       the attempt's running time, minus the time the attempt was already suspended (a suspension already
 *       moved the deadline, so counting it again would credit it twice). A media gap alone does not stop
 *       the student answering: it is listed as evidence, not counted.</li>
 * </ul>
 */
public final class ActDraft {

    /** One event as the draft needs it. */
    public record Evidence(String kind, Instant at, Map<String, String> data) {
        public Evidence {
            data = data == null ? Map.of() : data;
        }

        public static Evidence of(String kind, Instant at) {
            return new Evidence(kind, at, Map.of());
        }

        public static Evidence of(String kind, Instant at, String key, String value) {
            return new Evidence(kind, at, Map.of(key, value));
        }
    }

    public record Interval(Instant from, Instant to, boolean open, String what) {
        public long seconds() {
            return Duration.between(from, to).toSeconds();
        }
    }

    public record Note(Instant at, String text) {
    }

    /** The drafted evidence. {@code lostSeconds} is the proposed time to credit. */
    public record Result(List<Interval> eventChannel, List<Interval> mediaChannel, List<Interval> suspended,
                         List<Note> problemReports, List<Note> errors, long lostSeconds) {
    }

    /** What a student's report without text is drafted as; printed in the act's language (ActEvidenceText). */
    static final String NO_TEXT = "(no text)";
    /** The fixed forms of the oral answer's drafts (kz.adal.casework.ActHooks), worded by ActEvidenceText. */
    static final String ORAL_LINK = "the student's audio and video did not reach ";
    static final String ANSWER_PAUSED = "the answer was paused";
    static final String AT_STAGE = "at stage ";

    private static final Set<String> DEVICE_ENDED = Set.of("camera.ended", "mic.ended", "screen.ended");
    /** The longest a page's own setup step is taken to last (kz.adal.proctoring.Timeline.SETUP_LIMIT). */
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(3);

    private ActDraft() {
    }

    /**
     * @param events    the attempt's events, any order
     * @param startedAt when the attempt's clock started (null: nothing is counted as lost)
     * @param until     the end of what is looked at: the attempt's finish, or now
     * @param grace     shorter interruptions are left out
     */
    public static Result draft(List<Evidence> events, Instant startedAt, Instant until, Duration grace) {
        List<Evidence> sorted = events.stream().filter(e -> e.at() != null && !e.at().isAfter(until))
                .sorted(Comparator.comparing(Evidence::at)).toList();
        List<Interval> connection = pairs(sorted, "connection.closed", "connection.opened", until, "connection");
        List<Interval> network = pairs(sorted, "network.offline", "network.online", until, "network");
        List<Interval> all = new ArrayList<>(connection);
        all.addAll(network);
        List<Interval> eventChannel = withoutBlips(merge(all), grace);

        Map<String, List<Evidence>> byTrack = new HashMap<>();
        for (Evidence e : sorted) {
            if (e.kind().equals("recording.stopped") || e.kind().equals("recording.resumed")) {
                byTrack.computeIfAbsent(e.data().getOrDefault("track", "recording"), k -> new ArrayList<>()).add(e);
            }
        }
        List<Interval> media = new ArrayList<>();
        byTrack.forEach((track, list) -> media.addAll(pairs(list, "recording.stopped", "recording.resumed", until, track.toLowerCase())));
        List<Interval> mediaChannel = withoutBlips(merge(media), grace);

        List<Interval> suspended = merge(pairs(sorted, "attempt.suspended", "attempt.resumed", until, "suspended"));

        List<Note> reports = new ArrayList<>();
        List<Note> errors = new ArrayList<>();
        Instant setupFrom = null;
        for (Evidence e : sorted) {
            if (e.kind().equals("session.start")) {
                setupFrom = e.at();
            } else if (e.kind().equals("setup.complete")) {
                setupFrom = null;
            }
            if (e.kind().equals("problem.reported")) {
                String text = e.data().get("text");
                reports.add(new Note(e.at(), text == null || text.isBlank() ? NO_TEXT : text.strip()));
            } else if (DEVICE_ENDED.contains(e.kind())) {
                // a page load reports no camera and no screen until the student's setup step asked for them:
                // that is the page, not a failure (as for the flags: kz.adal.proctoring.Timeline#setups)
                if (setupFrom != null && Duration.between(setupFrom, e.at()).compareTo(SETUP_LIMIT) < 0) continue;
                errors.add(new Note(e.at(), e.kind().substring(0, e.kind().indexOf('.')) + " stopped"));
            } else if (e.kind().equals("recording.stopped")) {
                errors.add(new Note(e.at(), e.data().getOrDefault("track", "recording").toLowerCase() + " recording stopped: "
                        + e.data().getOrDefault("reason", "unknown")));
            } else if (e.data().containsKey("error")) {
                errors.add(new Note(e.at(), e.kind() + ": " + e.data().get("error")));
            } else if (e.kind().equals("attempt.finished") && AttemptState.EXPIRED.name().equals(e.data().get("state"))) {
                errors.add(new Note(e.at(), "the attempt's time ran out"));
            }
        }
        long lost = startedAt == null ? 0 : lostSeconds(eventChannel, suspended, startedAt, until);
        return new Result(eventChannel, mediaChannel, suspended, reports, errors, lost);
    }

    /** Down → up pairs of one source; a repeated down while down is ignored; a down never followed by up ends at {@code until}. */
    static List<Interval> pairs(List<Evidence> sorted, String down, String up, Instant until, String what) {
        List<Interval> out = new ArrayList<>();
        Instant since = null;
        for (Evidence e : sorted) {
            if (e.kind().equals(down) && since == null) {
                since = e.at();
            } else if (e.kind().equals(up) && since != null) {
                out.add(new Interval(since, e.at(), false, what));
                since = null;
            }
        }
        if (since != null && since.isBefore(until)) out.add(new Interval(since, until, true, what));
        return out;
    }

    /** Overlapping or touching intervals become one; the causes are joined. */
    static List<Interval> merge(List<Interval> in) {
        List<Interval> sorted = in.stream().sorted(Comparator.comparing(Interval::from)).toList();
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            if (!out.isEmpty() && !i.from().isAfter(out.getLast().to())) {
                Interval last = out.removeLast();
                Instant to = i.to().isAfter(last.to()) ? i.to() : last.to();
                boolean open = i.to().isAfter(last.to()) ? i.open() : last.open() || (i.open() && i.to().equals(last.to()));
                String what = last.what().contains(i.what()) ? last.what() : last.what() + " + " + i.what();
                out.add(new Interval(last.from(), to, open, what));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Interval> withoutBlips(List<Interval> in, Duration grace) {
        return in.stream().filter(i -> Duration.between(i.from(), i.to()).compareTo(grace) >= 0).toList();
    }

    private static long lostSeconds(List<Interval> outages, List<Interval> suspended, Instant startedAt, Instant until) {
        long total = 0;
        for (Interval o : outages) {
            Instant from = o.from().isBefore(startedAt) ? startedAt : o.from();
            Instant to = o.to().isAfter(until) ? until : o.to();
            if (!to.isAfter(from)) continue;
            long seconds = Duration.between(from, to).toSeconds();
            for (Interval s : suspended) {
                Instant a = s.from().isAfter(from) ? s.from() : from;
                Instant b = s.to().isBefore(to) ? s.to() : to;
                if (b.isAfter(a)) seconds -= Duration.between(a, b).toSeconds();
            }
            total += Math.max(0, seconds);
        }
        return total;
    }
}
