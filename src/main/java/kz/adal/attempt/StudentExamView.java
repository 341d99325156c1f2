package kz.adal.attempt;

import kz.adal.exam.AssessmentKind;

import java.time.Instant;
import java.util.UUID;

/**
 * An exam in a student's list, with whether it can be started now and, if not, why.
 *
 * @param window      UPCOMING, OPEN or CLOSED at {@code serverNow}
 * @param mustWarnCut a start now would get less than the full time (late-start policy CUT_AT_CLOSE):
 *                    the student is told before starting, and {@code cutAt} says until when
 */
public record StudentExamView(UUID examId, String title, String discipline, AssessmentKind kind, Instant opensAt,
                              Instant closesAt, int durationMinutes, int extraMinutes, int questionCount, boolean proctored,
                              String lateStartPolicy, String window, boolean admitted, boolean canStart, String refusalCode,
                              String refusalMessage, boolean mustWarnCut, Instant cutAt, UUID attemptId,
                              AttemptState attemptState, boolean resultsVisible, Instant serverNow) {
}
