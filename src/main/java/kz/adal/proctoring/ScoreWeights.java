package kz.adal.proctoring;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a flag costs on the credibility score: points per flag plus points per minute of its length.
 * Written as {@code TYPE=perFlag:perMinute,...}; a setting overrides the defaults type by type.
 */
public final class ScoreWeights {

    /** The documented defaults (docs/proctoring.md). */
    public static final String DEFAULTS = "TAB_LEFT=3:5,FULLSCREEN_EXITED=1:2,CLIPBOARD_USED=2:0,FORBIDDEN_SHORTCUT=1:0,"
            + "WINDOW_SHRUNK=1:2,SECOND_SCREEN=5:2,SCREEN_SHARE_STOPPED=3:5,CAMERA_LOST=3:5,RECORDING_STOPPED=3:5,MICROPHONE_LOST=1:2,"
            + "DISCONNECTED=0:1,CAMERA_BLOCKED=3:5,FACE_MISSING=1:3,MULTIPLE_FACES=5:5,FACE_MISMATCH=10:5,LOOKING_AWAY=0:1";

    public record Weight(BigDecimal perFlag, BigDecimal perMinute) {
    }

    private final Map<FlagType, Weight> weights;

    private ScoreWeights(Map<FlagType, Weight> weights) {
        this.weights = weights;
    }

    public static ScoreWeights defaults() {
        return parse("");
    }

    /** The defaults with {@code overrides} applied; refuses an unknown type or a negative weight. */
    public static ScoreWeights parse(String overrides) {
        Map<FlagType, Weight> m = new EnumMap<>(FlagType.class);
        for (FlagType t : FlagType.values()) m.put(t, new Weight(BigDecimal.ZERO, BigDecimal.ZERO));
        apply(m, DEFAULTS);
        if (overrides != null) apply(m, overrides);
        return new ScoreWeights(m);
    }

    private static void apply(Map<FlagType, Weight> m, String spec) {
        for (String item : spec.split(",")) {
            if (item.isBlank()) continue;
            String[] kv = item.trim().split("=");
            String[] w = kv.length == 2 ? kv[1].split(":") : new String[0];
            if (w.length != 2) {
                throw new IllegalArgumentException("A weight is TYPE=perFlag:perMinute, got \"" + item.trim() + "\"");
            }
            FlagType type;
            try {
                type = FlagType.valueOf(kv[0].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown flag type in weights: " + kv[0].trim());
            }
            BigDecimal perFlag = new BigDecimal(w[0].trim());
            BigDecimal perMinute = new BigDecimal(w[1].trim());
            if (perFlag.signum() < 0 || perMinute.signum() < 0) {
                throw new IllegalArgumentException("Weights cannot be negative: " + item.trim());
            }
            m.put(type, new Weight(perFlag, perMinute));
        }
    }

    public Weight of(FlagType type) {
        return weights.get(type);
    }
}
