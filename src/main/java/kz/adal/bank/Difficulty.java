package kz.adal.bank;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Difficulty level of a bank question; a bank keeps easy/medium/hard at 40/40/20 (001 §5.23.3). */
public enum Difficulty {
    EASY,
    MEDIUM,
    HARD;

    /** Share of the bank this level should hold, in percent (001 §5.23.3). */
    public double targetPercent() {
        return switch (this) {
            case EASY, MEDIUM -> 40.0;
            case HARD -> 20.0;
        };
    }

    /** The lower-case word used in import/export markers ({@code easy}, {@code medium}, {@code hard}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    // Authors write the level in the language of instruction (001 §5.23.5), so accept kk/ru words too.
    private static final Map<String, Difficulty> WORDS = Map.ofEntries(
            Map.entry("easy", EASY), Map.entry("medium", MEDIUM), Map.entry("hard", HARD),
            Map.entry("жеңіл", EASY), Map.entry("орташа", MEDIUM), Map.entry("қиын", HARD),
            Map.entry("легкий", EASY), Map.entry("лёгкий", EASY), Map.entry("средний", MEDIUM),
            Map.entry("сложный", HARD), Map.entry("трудный", HARD));

    /** Reads a level word (English, Kazakh or Russian, any case); empty when it is not one. */
    public static Optional<Difficulty> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(WORDS.get(word.strip().toLowerCase(Locale.ROOT)));
    }
}
