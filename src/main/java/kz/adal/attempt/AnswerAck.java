package kz.adal.attempt;

import java.time.Instant;
import java.util.List;

/**
 * The server's answer to a save: what it now holds for the question. {@code applied} is false when
 * the change was a repeat, older than what is stored, or made on a page that had not seen the
 * stored answer (another tab or device changed it): then {@code seq}, {@code selected} and
 * {@code marked} are the stored values, and a page shows those — never its own change as saved.
 */
public record AnswerAck(int position, long seq, boolean applied, List<Integer> selected, boolean marked,
                        Instant serverNow, Instant deadlineAt) {
}
