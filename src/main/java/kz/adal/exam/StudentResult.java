package kz.adal.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One student's result of an exam, as the attempt feature reports it to grade sheets.
 *
 * @param attemptState the attempt's state name (e.g. SUBMITTED, EXPIRED), or null when none
 * @param submittedAt  when the attempt ended, or null
 * @param percent      the score in percent 0–100, or null when there is none (not graded, not sat)
 */
public record StudentResult(UUID studentId, String attemptState, Instant submittedAt, BigDecimal percent) {
}
