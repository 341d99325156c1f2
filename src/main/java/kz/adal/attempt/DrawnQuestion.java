package kz.adal.attempt;

import java.util.List;
import java.util.UUID;

/**
 * One question of a paper.
 *
 * @param position    0-based place in the paper
 * @param optionOrder {@code optionOrder.get(shown)} is the bank's option index displayed at place
 *                    {@code shown}; a permutation of 0..optionCount−1
 */
public record DrawnQuestion(int position, UUID questionId, DrawDifficulty difficulty, List<Integer> optionOrder) {

    public DrawnQuestion {
        optionOrder = List.copyOf(optionOrder);
    }
}
