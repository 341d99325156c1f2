package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The standard rules. Each interval flag opens on one kind of event and closes on another; an
 * interval still open when the attempt ends closes there, and one open while the attempt runs stays
 * open ({@code endAt == null}). {@code session.start} (sent by every page load) resets the state, so a
 * reload does not leave a flag open forever. What the page's own setup step causes (camera, screen and
 * fullscreen asked for after a page load, the focus taken by the browser's sharing prompt) is no flag:
 * see {@link Timeline#setups()}.
 */
public final class FlagRules {
    private FlagRules() {
    }

    /** Every standard rule, in a stable order. */
    public static List<FlagRule> standard() {
        return List.of(FlagRules::tabLeft, FlagRules::fullscreen, FlagRules::instants, FlagRules::windowShrunk,
                FlagRules::secondScreen, FlagRules::screenShare, FlagRules::camera, FlagRules::recording, FlagRules::face, FlagRules::microphone,
                FlagRules::disconnected);
    }

    /** Runs the rules and sorts the flags by start. */
    public static List<Flag> evaluate(List<FlagRule> rules, Timeline t) {
        List<Flag> out = new ArrayList<>();
        for (FlagRule r : rules) out.addAll(r.apply(t));
        out.sort(Comparator.comparing(Flag::startAt).thenComparing(f -> f.type().ordinal()));
        return out;
    }

    /** The nearest stored snapshot to each flag's start (evidence), when any is known. */
    public static List<Flag> withNearestSnapshots(List<Flag> flags, List<SnapshotRef> snapshots) {
        if (snapshots.isEmpty()) return flags;
        return flags.stream().map(f -> {
            SnapshotRef best = null;
            long bestGap = Long.MAX_VALUE;
            for (SnapshotRef s : snapshots) {
                long gap = Math.abs(Duration.between(f.startAt(), s.at()).toMillis());
                if (gap < bestGap) {
                    best = s;
                    bestGap = gap;
                }
            }
            return f.withSnapshot(best.id());
        }).toList();
    }

    /** A stored snapshot: id and time. */
    public record SnapshotRef(UUID id, Instant at) {
    }

    // ------------------------------------------------------------------ the rules

    /** Hidden tab or lost focus, until the tab is visible and focused again. */
    static List<Flag> tabLeft(Timeline t) {
        Tracker tr = new Tracker(FlagType.TAB_LEFT, t, true);
        boolean hidden = false;
        boolean blurred = false;
        for (LiveEvent e : t.relevant()) {
            switch (e.kind()) {
                case "session.start" -> {
                    hidden = e.data().containsKey("visible") && !e.flag("visible");
                    blurred = e.data().containsKey("focused") && !e.flag("focused");
                }
                case "visibility.hidden" -> hidden = true;
                case "visibility.visible" -> hidden = false;
                case "focus.lost" -> blurred = true;
                case "focus.gained" -> blurred = false;
                default -> {
                    continue;
                }
            }
            tr.state(hidden || blurred, e, hidden ? "tab hidden" : "window lost focus");
        }
        return tr.done();
    }

    static List<Flag> fullscreen(Timeline t) {
        Tracker tr = new Tracker(FlagType.FULLSCREEN_EXITED, t, true);
        for (LiveEvent e : t.relevant()) {
            switch (e.kind()) {
                case "fullscreen.exit" -> tr.state(true, e, null);
                case "fullscreen.enter" -> tr.state(false, e, null);
                case "session.start" -> {
                    if (e.data().containsKey("fullscreen")) tr.state(!e.flag("fullscreen"), e, null);
                }
                default -> {
                }
            }
        }
        return tr.done();
    }

    /** Clipboard and forbidden shortcuts: one flag per event, with no length. */
    static List<Flag> instants(Timeline t) {
        List<Flag> out = new ArrayList<>();
        for (LiveEvent e : t.relevant()) {
            FlagType type = switch (e.kind()) {
                case "clipboard.copy", "clipboard.cut", "clipboard.paste", "contextmenu" -> FlagType.CLIPBOARD_USED;
                case "shortcut.print", "shortcut.save" -> FlagType.FORBIDDEN_SHORTCUT;
                default -> null;
            };
            if (type != null) out.add(Flag.of(type, e.at(), e.at(), List.of(e.id()), e.kind()));
        }
        return out;
    }

    static List<Flag> windowShrunk(Timeline t) {
        return simple(t, FlagType.WINDOW_SHRUNK, false, e -> e.kind().equals("window.small"), e -> e.kind().equals("window.ok"));
    }

    static List<Flag> secondScreen(Timeline t) {
        Tracker tr = new Tracker(FlagType.SECOND_SCREEN, t);
        for (LiveEvent e : t.relevant()) {
            if (e.kind().equals("screens") || (e.kind().equals("session.start") && e.data().containsKey("screens"))) {
                boolean many = e.number("screens", e.number("count", 1)) > 1 || e.flag("extended");
                tr.state(many, e, "screens: " + e.number("screens", e.number("count", 1)));
            }
        }
        return tr.done();
    }

    static List<Flag> screenShare(Timeline t) {
        Tracker tr = new Tracker(FlagType.SCREEN_SHARE_STOPPED, t, true);
        for (LiveEvent e : t.relevant()) {
            switch (e.kind()) {
                case "screen.ended" -> tr.state(true, e, "ended");
                case "screen.started", "screen.surface" -> {
                    String surface = e.text("surface");
                    boolean whole = surface == null || surface.equals("monitor");
                    tr.state(!whole, e, whole ? null : "surface: " + surface);
                }
                default -> {
                }
            }
        }
        return tr.done();
    }

    static List<Flag> camera(Timeline t) {
        return simple(t, FlagType.CAMERA_LOST, true, e -> Set.of("camera.ended", "camera.muted").contains(e.kind()),
                e -> Set.of("camera.started", "camera.unmuted").contains(e.kind()));
    }

    /** A recording reported stopped by the upload path, until the same track reports it resumed. */
    static List<Flag> recording(Timeline t) {
        Tracker tr = new Tracker(FlagType.RECORDING_STOPPED, t, true);
        java.util.Set<String> stopped = new java.util.HashSet<>();
        for (LiveEvent e : t.relevant()) {
            String track = String.valueOf(e.data().getOrDefault("track", "?"));
            if (e.kind().equals("recording.stopped")) {
                stopped.add(track);
                tr.state(true, e, track + ": " + e.data().getOrDefault("reason", ""));
            } else if (e.kind().equals("recording.resumed")) {
                stopped.remove(track);
                if (stopped.isEmpty()) tr.state(false, e, null);
            }
        }
        return tr.done();
    }

    /** Face-check outcomes of the snapshots: each non-OK outcome is a flag until the outcome changes. */
    static List<Flag> face(Timeline t) {
        Map<FlagType, Tracker> trackers = new java.util.EnumMap<>(FlagType.class);
        FlagType open = null;
        for (LiveEvent e : t.relevant()) {
            if (!e.kind().equals("face.check")) continue;
            String outcome = String.valueOf(e.data().getOrDefault("outcome", "OK"));
            FlagType type = switch (outcome) {
                case "COVERED", "FROZEN" -> FlagType.CAMERA_BLOCKED;
                case "NO_FACE" -> FlagType.FACE_MISSING;
                case "MULTIPLE_FACES" -> FlagType.MULTIPLE_FACES;
                case "MISMATCH" -> FlagType.FACE_MISMATCH;
                case "LOOKING_AWAY" -> FlagType.LOOKING_AWAY;
                default -> null; // OK, NOT_CHECKED (no models: the proctor checks by hand)
            };
            if (open != null && open != type) trackers.get(open).state(false, e, null);
            if (type != null) trackers.computeIfAbsent(type, k -> new Tracker(k, t)).state(true, e, outcome.toLowerCase());
            open = type;
        }
        return trackers.values().stream().flatMap(tr -> tr.done().stream()).toList();
    }

    static List<Flag> microphone(Timeline t) {
        return simple(t, FlagType.MICROPHONE_LOST, true, e -> Set.of("mic.ended", "mic.muted").contains(e.kind()),
                e -> Set.of("mic.started", "mic.unmuted").contains(e.kind()));
    }

    /**
     * Server-seen connection gaps. A gap longer than the grace period is a flag over the whole gap; a
     * shorter one is a technical event only. While disconnected, the flag appears once the grace has passed.
     */
    static List<Flag> disconnected(Timeline t) {
        List<Flag> out = new ArrayList<>();
        LiveEvent closed = null;
        for (LiveEvent e : t.relevant()) {
            if (e.kind().equals("connection.closed") && closed == null) {
                closed = e;
            } else if (e.kind().equals("connection.opened") && closed != null) {
                if (Duration.between(closed.at(), e.at()).compareTo(t.disconnectGrace()) > 0) {
                    out.add(Flag.of(FlagType.DISCONNECTED, closed.at(), e.at(), List.of(closed.id(), e.id()), null));
                }
                closed = null;
            }
        }
        if (closed != null) {
            Instant until = t.end() != null ? t.end() : t.now();
            if (Duration.between(closed.at(), until).compareTo(t.disconnectGrace()) > 0) {
                out.add(Flag.of(FlagType.DISCONNECTED, closed.at(), t.end(), List.of(closed.id()), null));
            }
        }
        return out;
    }

    private static List<Flag> simple(Timeline t, FlagType type, boolean setupAware, Predicate<LiveEvent> opens, Predicate<LiveEvent> closes) {
        Tracker tr = new Tracker(type, t, setupAware);
        for (LiveEvent e : t.relevant()) {
            if (opens.test(e)) tr.state(true, e, e.kind());
            else if (closes.test(e)) tr.state(false, e, null);
        }
        return tr.done();
    }

    /**
     * Follows one on/off condition and makes an interval flag of each "on" stretch. A stretch of no length
     * (lost and back at the same instant) is no flag. A tracker of something the page sets up itself
     * (camera, screen, fullscreen, focus) does not open a flag during a setup stretch ({@link Timeline#setups()}):
     * a condition still on when the stretch ends opens its flag then.
     */
    private static final class Tracker {
        private final FlagType type;
        private final Timeline timeline;
        private final List<Timeline.Setup> setups;
        private final List<Flag> out = new ArrayList<>();
        private LiveEvent openedBy;
        private Instant openedAt;
        private String detail;
        private LiveEvent deferred;
        private String deferredWhy;

        Tracker(FlagType type, Timeline timeline) {
            this(type, timeline, false);
        }

        Tracker(FlagType type, Timeline timeline, boolean setupAware) {
            this.type = type;
            this.timeline = timeline;
            this.setups = setupAware ? new ArrayList<>(timeline.setups()) : new ArrayList<>();
        }

        void state(boolean on, LiveEvent e, String why) {
            settle(e.at());
            if (on && openedBy == null && setups.stream().anyMatch(s -> s.covers(e.at()))) {
                if (deferred == null) {
                    deferred = e;
                    deferredWhy = why;
                }
                return;
            }
            if (!on) deferred = null;
            if (on && openedBy == null) {
                openedBy = e;
                openedAt = e.at();
                detail = why;
            } else if (!on && openedBy != null) {
                if (e.at().isAfter(openedAt)) out.add(Flag.of(type, openedAt, e.at(), List.of(openedBy.id(), e.id()), detail));
                openedBy = null;
            }
        }

        /** Setup stretches that ended by {@code t}: what is still lost at their end opens a flag there. */
        private void settle(Instant t) {
            while (!setups.isEmpty() && setups.get(0).until() != null && !setups.get(0).until().isAfter(t)) {
                Timeline.Setup s = setups.remove(0);
                if (deferred != null && openedBy == null) {
                    openedBy = deferred;
                    openedAt = s.until();
                    detail = deferredWhy;
                }
                deferred = null;
            }
        }

        List<Flag> done() {
            Instant until = timeline.end() != null ? timeline.end() : timeline.now();
            if (until != null) settle(until);
            if (openedBy != null && (timeline.openEnd() == null || timeline.openEnd().isAfter(openedAt))) {
                out.add(Flag.of(type, openedAt, timeline.openEnd(), List.of(openedBy.id()), detail));
            }
            return out;
        }
    }
}
