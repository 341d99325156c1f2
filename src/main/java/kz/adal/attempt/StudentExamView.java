package kz.adal.attempt;

import kz.adal.exam.AssessmentKind;

import java.time.Instant;
import java.util.UUID;

/**
 * An exam in a student's list, with whether it can be started now and, if not, why.
 *
 * @param window      where the exam's window stands at {@code serverNow}
 * @param mustWarnCut a start now would get less than the full time (late-start policy CUT_AT_CLOSE):
 *                    the student is told before starting, and {@code cutAt} says until when
 */
public record StudentExamView(UUID examId, String title, String discipline, AssessmentKind kind, Instant opensAt,
                              Instant closesAt, int durationMinutes, int extraMinutes, int questionCount, boolean proctored,
                              String lateStartPolicy, Window window, boolean admitted, boolean canStart, String refusalCode,
                              String refusalMessage, boolean mustWarnCut, Instant cutAt, UUID attemptId,
                              AttemptState attemptState, boolean resultsVisible, Instant serverNow) {

    /** Before the exam opens, while it is open, after it has closed. */
    public enum Window {
        UPCOMING, OPEN, CLOSED;

        static Window at(Instant now, Instant opensAt, Instant closesAt) {
            return now.isBefore(opensAt) ? UPCOMING : now.isBefore(closesAt) ? OPEN : CLOSED;
        }
    }
}
