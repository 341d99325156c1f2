package kz.adal.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Permission to start an attempt, given by {@link ExamAccess#requireStartable}.
 *
 * @param exam              the exam's delivery terms (PUBLISHED)
 * @param duration          the student's full time: the exam's duration plus any approved accommodation
 *                          (001 §5.20.3, §5.8.2). The attempt's deadline is {@code start + duration},
 *                          but never later than {@code cutAt} when that is set.
 * @param cutAt             when the late-start policy {@link LateStartPolicy#CUT_AT_CLOSE} cuts the attempt
 *                          at the window's close, that instant; otherwise null
 * @param mustWarnCut       the student must be told, and accept, before starting that the time is cut
 * @param round             1 normally; 2 when the start happens under a valid individual sheet (001 §5.35)
 * @param individualSheetId the valid individual sheet the start relies on, or null
 */
public record StartPermit(ExamCatalog.Terms exam, Duration duration, Instant cutAt, boolean mustWarnCut, int round,
                          UUID individualSheetId) {
}
