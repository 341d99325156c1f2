package kz.adal.proctoring;

import kz.adal.proctoring.live.LiveEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * What a real browser can send, so that nothing a student sends can erase or distort their own later
 * evidence. A sequence number may run ahead of the last accepted one by at most {@code seqWindow}
 * (one event numbered 2⁶³−1 once made the browser's own later numbers unsendable for the rest of the
 * attempt). A client time is believed only within the attempt: from its start (less a skew) to now
 * (plus a small tolerance); outside that the server's time is used and the claim kept as a note
 * (a 1970 time once made a 56-year flag and a credibility of 0).
 */
record EventBounds(long seqWindow, Duration skew) {

    static final EventBounds DEFAULT = new EventBounds(10_000, Duration.ofMinutes(2));

    /** The next seq's ceiling after {@code highestAccepted}. */
    boolean seqAcceptable(long seq, long highestAccepted) {
        return seq >= 1 && seq - Math.max(0, highestAccepted) <= seqWindow;
    }

    /**
     * The client time to keep: the claim when it lies within the attempt, else null (rules then use
     * the server's arrival time).
     */
    Instant believedClientTime(Instant claimed, Instant now, Instant attemptStartedAt) {
        if (claimed == null) return null;
        Instant earliest = (attemptStartedAt == null ? now : attemptStartedAt).minus(skew);
        Instant latest = now.plus(LiveEvent.CLIENT_AHEAD_TOLERANCE);
        return claimed.isBefore(earliest) || claimed.isAfter(latest) ? null : claimed;
    }
}
