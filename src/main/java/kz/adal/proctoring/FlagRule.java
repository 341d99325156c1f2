package kz.adal.proctoring;

import java.util.List;

/**
 * Turns an attempt's events into flags. Plain and deterministic (time comes in the {@link Timeline}).
 * Another feature adds flags by declaring an {@code @ApplicationScoped} bean implementing this (the
 * vision feature: face flags from its own server events) — the live console and the score pick it up.
 */
public interface FlagRule {
    List<Flag> apply(Timeline timeline);
}
