package kz.adal.attempt;

import java.util.UUID;

/** A question eligible for a draw. */
public record PoolItem(UUID questionId, DrawDifficulty difficulty) {

    public PoolItem {
        if (questionId == null || difficulty == null) {
            throw new AttemptRuleException("draw.pool-item-incomplete", "A pool item needs a question id and a difficulty.");
        }
    }
}
