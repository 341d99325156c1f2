package kz.adal.grading;

import kz.adal.platform.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The point-rating letter scale with grade points and traditional marks (001 §5.28). The table is not
 * in the seeds (ministry order No. 152, cited in 001 §2), so it is institution-configurable, e.g. in
 * {@code application.properties} as {@link #toConfig()} text. See docs/domain/grading.md.
 *
 * <p><b>Fractional percentages</b> (default {@link FractionRule#MUST_REACH_BOUND}): a percentage is in
 * the band whose minimum it reaches; nothing is rounded up. 94.99 → A−, 95 → A, 89.5 → B+, 49.5 → FX,
 * 24.99 → F. {@link FractionRule#ROUND_HALF_UP} rounds to a whole percent first (89.5 → 90 → A−) for
 * institutions whose rules say so.
 */
public final class LetterScale {

    /** How a percentage with decimals is placed in integer bands. */
    public enum FractionRule {
        /** Use the percentage as it is: it must reach the band's minimum. */
        MUST_REACH_BOUND,
        /** Round to a whole percent, half-up, first. */
        ROUND_HALF_UP
    }

    /** The documented default table: letter, minimum %, grade points, traditional mark. */
    public static final String DEFAULT_CONFIG = "A:95:4.0:5,A-:90:3.67:5,B+:85:3.33:4,B:80:3.0:4,B-:75:2.67:4,"
            + "C+:70:2.33:4,C:65:2.0:3,C-:60:1.67:3,D+:55:1.33:3,D:50:1.0:3,FX:25:0.5:2,F:0:0:2";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<LetterBand> bands;
    private final FractionRule fractionRule;

    /**
     * @param bands from the highest band to the lowest; validated: minimums strictly decreasing (no
     *              overlap, no empty band), the lowest starting at 0 (no gap), letters unique, grade
     *              points and marks never higher in a lower band
     */
    public LetterScale(List<LetterBand> bands, FractionRule fractionRule) {
        this.bands = List.copyOf(bands);
        this.fractionRule = fractionRule;
        validate(this.bands);
    }

    public static LetterScale defaultScale() {
        return parse(DEFAULT_CONFIG);
    }

    /** Parses {@code letter:min:gpa:mark} rows separated by commas, highest band first. */
    public static LetterScale parse(String config) {
        return parse(config, FractionRule.MUST_REACH_BOUND);
    }

    public static LetterScale parse(String config, FractionRule fractionRule) {
        if (config == null || config.isBlank()) {
            throw RuleViolation.invalid("LETTER_SCALE_EMPTY", "The letter scale is empty.");
        }
        List<LetterBand> bands = new ArrayList<>();
        for (String row : config.split(",")) {
            String[] parts = row.trim().split(":");
            if (parts.length != 4) {
                throw RuleViolation.invalid("LETTER_SCALE_ROW_MALFORMED",
                        "A letter scale row is letter:min:gpa:mark, got '" + row.trim() + "'.");
            }
            try {
                bands.add(new LetterBand(parts[0].trim(), new BigDecimal(parts[1].trim()),
                        new BigDecimal(parts[2].trim()), Integer.parseInt(parts[3].trim())));
            } catch (NumberFormatException e) {
                throw RuleViolation.invalid("LETTER_SCALE_ROW_MALFORMED",
                        "A letter scale row has a number that doesn't parse: '" + row.trim() + "'.");
            }
        }
        return new LetterScale(bands, fractionRule);
    }

    public List<LetterBand> bands() {
        return bands;
    }

    public FractionRule fractionRule() {
        return fractionRule;
    }

    /** The band for a percentage in [0, 100]. */
    public LetterBand gradeFor(BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw RuleViolation.invalid("LETTER_SCALE_PERCENT_OUT_OF_RANGE",
                    "A percentage must be between 0 and 100, got " + percent + ".");
        }
        BigDecimal placed = fractionRule == FractionRule.ROUND_HALF_UP ? percent.setScale(0, RoundingMode.HALF_UP) : percent;
        for (LetterBand band : bands) {
            if (placed.compareTo(band.minPercent()) >= 0) {
                return band;
            }
        }
        throw new IllegalStateException("validated scale has a band from 0");
    }

    /** The scale as config text, parseable by {@link #parse(String)}. */
    public String toConfig() {
        return bands.stream()
                .map(b -> b.letter() + ":" + b.minPercent().toPlainString() + ":" + b.gpa().toPlainString() + ":" + b.traditionalMark())
                .collect(Collectors.joining(","));
    }

    private static void validate(List<LetterBand> bands) {
        if (bands.isEmpty()) {
            throw RuleViolation.invalid("LETTER_SCALE_EMPTY", "The letter scale is empty.");
        }
        Set<String> letters = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            LetterBand band = bands.get(i);
            if (!letters.add(band.letter())) {
                throw RuleViolation.invalid("LETTER_SCALE_DUPLICATE_LETTER", "The letter " + band.letter() + " appears twice.");
            }
            if (i > 0) {
                LetterBand above = bands.get(i - 1);
                if (band.minPercent().compareTo(above.minPercent()) >= 0) {
                    throw RuleViolation.invalid("LETTER_SCALE_OVERLAP",
                            "Bands must be listed from the highest with strictly decreasing minimums: " + band.letter()
                                    + " starts at " + band.minPercent() + ", not below " + above.letter() + " at "
                                    + above.minPercent() + ".");
                }
                if (band.gpa().compareTo(above.gpa()) > 0 || band.traditionalMark() > above.traditionalMark()) {
                    throw RuleViolation.invalid("LETTER_SCALE_NOT_MONOTONIC",
                            "The band " + band.letter() + " has more grade points or a higher mark than " + above.letter() + ".");
                }
            }
        }
        LetterBand lowest = bands.get(bands.size() - 1);
        if (lowest.minPercent().signum() != 0) {
            throw RuleViolation.invalid("LETTER_SCALE_GAP",
                    "The lowest band " + lowest.letter() + " must start at 0, not " + lowest.minPercent() + ".");
        }
    }
}
