package kz.adal.proctoring;

import java.util.Map;
import java.util.Set;

/**
 * The event kinds a browser may send, each with the data fields it may carry. Anything else is
 * refused ({@code PROCTORING_WS_UNKNOWN_KIND}). Server events are listed separately; a browser can't send them.
 */
public final class EventKinds {
    private EventKinds() {
    }

    public static final Map<String, Set<String>> CLIENT = Map.ofEntries(
            Map.entry("session.start", Set.of("visible", "focused", "fullscreen", "screens", "extended")),
            // camera, entire screen and fullscreen in place after the page load: the page's own setup is over
            Map.entry("setup.complete", Set.of()),
            Map.entry("visibility.hidden", Set.of()),
            Map.entry("visibility.visible", Set.of()),
            Map.entry("focus.lost", Set.of()),
            Map.entry("focus.gained", Set.of()),
            Map.entry("fullscreen.exit", Set.of("initial")),
            Map.entry("fullscreen.enter", Set.of()),
            Map.entry("clipboard.copy", Set.of()),
            Map.entry("clipboard.cut", Set.of()),
            Map.entry("clipboard.paste", Set.of()),
            Map.entry("contextmenu", Set.of()),
            Map.entry("shortcut.print", Set.of("key")),
            Map.entry("shortcut.save", Set.of("key")),
            Map.entry("window.small", Set.of("width", "height", "screenWidth", "screenHeight")),
            Map.entry("window.ok", Set.of("width", "height")),
            Map.entry("screens", Set.of("count", "extended")),
            Map.entry("screen.started", Set.of("surface")),
            Map.entry("screen.ended", Set.of()),
            Map.entry("screen.surface", Set.of("surface")),
            Map.entry("camera.started", Set.of()),
            Map.entry("camera.ended", Set.of()),
            Map.entry("camera.muted", Set.of()),
            Map.entry("camera.unmuted", Set.of()),
            Map.entry("mic.started", Set.of()),
            Map.entry("mic.ended", Set.of()),
            Map.entry("mic.muted", Set.of()),
            Map.entry("mic.unmuted", Set.of()),
            Map.entry("network.offline", Set.of()),
            Map.entry("network.online", Set.of()),
            Map.entry("problem.reported", Set.of("text")));

    /** Written by the server itself. */
    public static final Set<String> SERVER = Set.of("connection.opened", "connection.closed", "message.sent",
            "message.acknowledged", "presence.asked", "presence.answered", "attempt.suspended", "attempt.resumed",
            "attempt.terminated", "attempt.finished", "termination.requested", "termination.declined",
            // from the recording pipeline (kz.adal.media): a camera or screen recording stopped or resumed
            "recording.stopped", "recording.resumed",
            // from the face checks on snapshots (kz.adal.vision), written when the outcome changes
            "face.check");
}
