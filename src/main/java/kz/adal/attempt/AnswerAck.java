package kz.adal.attempt;

import java.time.Instant;
import java.util.List;

/**
 * The server's answer to a save: what it now holds for the question. {@code applied} is false when
 * the change was a repeat or older than what is stored (then {@code seq}, {@code selected} and
 * {@code marked} are the stored, newer values).
 */
public record AnswerAck(int position, long seq, boolean applied, List<Integer> selected, boolean marked,
                        Instant serverNow, Instant deadlineAt) {
}
