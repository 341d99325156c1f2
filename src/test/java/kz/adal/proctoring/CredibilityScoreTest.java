package kz.adal.proctoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The credibility score with exact numbers. */
class CredibilityScoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static Flag flag(FlagType type, int fromSecond, Integer toSecond) {
        return Flag.of(type, T0.plusSeconds(fromSecond), toSecond == null ? null : T0.plusSeconds(toSecond), List.of(), null);
    }

    @Test
    void noFlagsIsAHundred() {
        CredibilityScore s = CredibilityScore.of(List.of(), ScoreWeights.defaults(), T0);
        assertEquals(100, s.score());
        assertEquals(List.of(), s.items());
    }

    @Test
    void eachTypeCostsPerFlagPlusPerMinuteAndTheExplanationSaysSo() {
        // TAB_LEFT 3 + 5/min: two flags of 60 s and 30 s → 6 + 7.5 = 13.50
        // CLIPBOARD_USED 2 + 0/min: three flags → 6.00
        // DISCONNECTED 0 + 1/min: 150 s → 2.50
        List<Flag> flags = List.of(flag(FlagType.TAB_LEFT, 0, 60), flag(FlagType.TAB_LEFT, 100, 130),
                flag(FlagType.CLIPBOARD_USED, 5, 5), flag(FlagType.CLIPBOARD_USED, 6, 6), flag(FlagType.CLIPBOARD_USED, 7, 7),
                flag(FlagType.DISCONNECTED, 200, 350));
        CredibilityScore s = CredibilityScore.of(flags, ScoreWeights.defaults(), T0.plusSeconds(1000));
        assertEquals(new BigDecimal("22.00"), s.cost());
        assertEquals(78, s.score());
        assertEquals(List.of(
                new CredibilityScore.Item(FlagType.TAB_LEFT, 2, 90, new BigDecimal("13.50")),
                new CredibilityScore.Item(FlagType.CLIPBOARD_USED, 3, 0, new BigDecimal("6.00")),
                new CredibilityScore.Item(FlagType.DISCONNECTED, 1, 150, new BigDecimal("2.50"))), s.items());
    }

    @Test
    void anOpenFlagCostsUpToNow() {
        List<Flag> flags = List.of(flag(FlagType.CAMERA_LOST, 0, null));
        assertEquals(92, CredibilityScore.of(flags, ScoreWeights.defaults(), T0.plusSeconds(60)).score());   // 3 + 5
        assertEquals(87, CredibilityScore.of(flags, ScoreWeights.defaults(), T0.plusSeconds(120)).score());  // 3 + 10
    }

    @Test
    void theScoreNeverGoesBelowZeroAndRoundsHalfUp() {
        assertEquals(0, CredibilityScore.of(List.of(flag(FlagType.TAB_LEFT, 0, 3600)), ScoreWeights.defaults(), T0).score());
        // FULLSCREEN_EXITED 1 + 2/min over 45 s = 1 + 1.5 = 2.5 → 97.5 → 98
        assertEquals(98, CredibilityScore.of(List.of(flag(FlagType.FULLSCREEN_EXITED, 0, 45)), ScoreWeights.defaults(), T0).score());
    }

    @Test
    void weightsAreConfigurableTypeByType() {
        ScoreWeights w = ScoreWeights.parse("CLIPBOARD_USED=10:0, TAB_LEFT=0:0");
        List<Flag> flags = List.of(flag(FlagType.CLIPBOARD_USED, 0, 0), flag(FlagType.TAB_LEFT, 0, 600), flag(FlagType.CAMERA_LOST, 0, 60));
        // 10 + 0 + (3 + 5) from the untouched default
        assertEquals(82, CredibilityScore.of(flags, w, T0).score());
    }

    @Test
    void refusesBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> ScoreWeights.parse("NOT_A_FLAG=1:1"));
        assertThrows(IllegalArgumentException.class, () -> ScoreWeights.parse("TAB_LEFT=1"));
        assertThrows(IllegalArgumentException.class, () -> ScoreWeights.parse("TAB_LEFT=-1:0"));
    }
}
