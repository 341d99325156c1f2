package kz.adal.attempt;

/**
 * A question's difficulty as the draw sees it (001 §5.23.3). Stands in for the bank's own difficulty
 * type until the two are unified.
 */
public enum DrawDifficulty {
    EASY,
    MEDIUM,
    HARD
}
