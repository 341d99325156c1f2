package kz.adal.exam;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Results and correct answers never reach a student while anyone admitted to the exam can still sit it:
 * someone could pass them on to a student who has not started (the open window, a late start, a longer
 * time for an accommodation, or an individual sheet drawing from the same paper pool). This rule says
 * whether results must wait and until when; release and the student's result endpoint both ask it.
 * No database: {@link ResultHolds} gathers the facts.
 */
public final class ResultHold {

    /** Why results wait. */
    public enum Reason {
        /** Someone is sitting the exam now. */
        ATTEMPT_RUNNING,
        /** The window is open and an admitted student has not finished. */
        WINDOW_OPEN,
        /** An individual sheet lets a student sit it later (its personal window, or not issued yet). */
        INDIVIDUAL_SHEET
    }

    /** Results wait for this reason until {@code until}; null when not yet known (a sheet not issued). */
    public record Hold(Reason reason, Instant until) {
    }

    /** One attempt as the hold sees it: finished, or started and running until {@code endsBy}. */
    public record AttemptStanding(UUID studentId, int round, boolean finished, boolean started, Instant endsBy) {
    }

    /** A live individual sheet: whose, whether issued, and when its personal window ends (null before issue). */
    public record SheetWindow(UUID studentId, boolean finishedUnderIt, Instant closesAt) {
    }

    private ResultHold() {
    }

    /**
     * @param admitted the students admitted to the exam
     * @param closesAt the exam's window close (a start is never allowed at or after it)
     */
    public static Optional<Hold> of(Instant now, Instant closesAt, Set<UUID> admitted, List<AttemptStanding> attempts,
                                    List<SheetWindow> sheets) {
        Hold hold = null;
        Set<UUID> done = new HashSet<>();
        for (AttemptStanding a : attempts) {
            if (a.finished()) {
                done.add(a.studentId());
            } else if (a.started()) {
                Instant until = a.endsBy() == null || a.endsBy().isBefore(now) ? now : a.endsBy();
                hold = later(hold, new Hold(Reason.ATTEMPT_RUNNING, until));
            }
        }
        if (now.isBefore(closesAt)) {
            for (UUID s : admitted) {
                boolean running = attempts.stream().anyMatch(a -> a.studentId().equals(s) && !a.finished() && a.started());
                if (!done.contains(s) && !running) {
                    hold = later(hold, new Hold(Reason.WINDOW_OPEN, closesAt));
                    break;
                }
            }
        }
        for (SheetWindow w : sheets) {
            if (w.finishedUnderIt()) continue;
            if (w.closesAt() == null) hold = later(hold, new Hold(Reason.INDIVIDUAL_SHEET, null));
            else if (now.isBefore(w.closesAt())) hold = later(hold, new Hold(Reason.INDIVIDUAL_SHEET, w.closesAt()));
        }
        return Optional.ofNullable(hold);
    }

    /** The hold that ends later; an unknown end is the latest. */
    private static Hold later(Hold a, Hold b) {
        if (a == null) return b;
        if (a.until() == null) return a;
        if (b.until() == null) return b;
        return b.until().isAfter(a.until()) ? b : a;
    }
}
