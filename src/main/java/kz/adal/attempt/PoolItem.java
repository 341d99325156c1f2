package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

import java.util.UUID;

/** A question eligible for a draw. */
public record PoolItem(UUID questionId, DrawDifficulty difficulty) {

    public PoolItem {
        if (questionId == null || difficulty == null) {
            throw RuleViolation.conflict("DRAW_POOL_ITEM_INCOMPLETE", "A pool item needs a question id and a difficulty.");
        }
    }
}
