package kz.adal.attempt;

import kz.adal.platform.RuleViolation;

/**
 * The share of each difficulty in a student's paper, in whole percent summing to 100. The default
 * 40/40/20 mirrors the bank's mix (001 §5.23.3); keeping it per paper is a product decision.
 */
public record DifficultyMix(int easyPercent, int mediumPercent, int hardPercent) {

    public static final DifficultyMix DEFAULT = new DifficultyMix(40, 40, 20);

    public DifficultyMix {
        if (easyPercent < 0 || mediumPercent < 0 || hardPercent < 0
                || easyPercent + mediumPercent + hardPercent != 100) {
            throw RuleViolation.conflict("DRAW_MIX_INVALID",
                    "A difficulty mix needs non-negative shares summing to 100, got "
                            + easyPercent + "/" + mediumPercent + "/" + hardPercent + ".");
        }
    }

    public int percentOf(DrawDifficulty difficulty) {
        return switch (difficulty) {
            case EASY -> easyPercent;
            case MEDIUM -> mediumPercent;
            case HARD -> hardPercent;
        };
    }
}
