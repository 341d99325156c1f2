package kz.adal.grading;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LetterScaleTest {

    private final LetterScale scale = LetterScale.defaultScale();

    private String letter(String percent) {
        return scale.gradeFor(new BigDecimal(percent)).letter();
    }

    @Test
    void placesEveryWholePercentInTheDocumentedBand() {
        String[][] expected = {
                {"100", "A"}, {"95", "A"}, {"94", "A-"}, {"90", "A-"}, {"89", "B+"}, {"85", "B+"}, {"84", "B"},
                {"80", "B"}, {"79", "B-"}, {"75", "B-"}, {"74", "C+"}, {"70", "C+"}, {"69", "C"}, {"65", "C"},
                {"64", "C-"}, {"60", "C-"}, {"59", "D+"}, {"55", "D+"}, {"54", "D"}, {"50", "D"}, {"49", "FX"},
                {"25", "FX"}, {"24", "F"}, {"0", "F"}};
        for (String[] row : expected) {
            assertEquals(row[1], letter(row[0]), row[0] + "%");
        }
    }

    @Test
    void doesNotRoundFractionsUpByDefault() {
        assertEquals("A-", letter("94.99"));
        assertEquals("A", letter("95.00"));
        assertEquals("B+", letter("89.5"));
        assertEquals("FX", letter("49.5"));
        assertEquals("FX", letter("49.99"));
        assertEquals("F", letter("24.99"));
        assertEquals("F", letter("24.5"));
        assertEquals("FX", letter("25"));
    }

    @Test
    void roundsHalfUpWhenTheInstitutionSaysSo() {
        LetterScale rounding = LetterScale.parse(LetterScale.DEFAULT_CONFIG, LetterScale.FractionRule.ROUND_HALF_UP);
        assertEquals("A-", rounding.gradeFor(new BigDecimal("89.5")).letter());
        assertEquals("B+", rounding.gradeFor(new BigDecimal("89.49")).letter());
        assertEquals("D", rounding.gradeFor(new BigDecimal("49.5")).letter());
        assertEquals("FX", rounding.gradeFor(new BigDecimal("24.5")).letter());
    }

    @Test
    void carriesGradePointsAndTraditionalMarks() {
        LetterBand a = scale.gradeFor(new BigDecimal("97"));
        assertEquals(0, new BigDecimal("4.0").compareTo(a.gpa()));
        assertEquals(5, a.traditionalMark());
        assertEquals(5, scale.gradeFor(new BigDecimal("91")).traditionalMark());
        assertEquals(4, scale.gradeFor(new BigDecimal("72")).traditionalMark()); // C+ is still "good"
        assertEquals(3, scale.gradeFor(new BigDecimal("69")).traditionalMark());
        assertEquals(3, scale.gradeFor(new BigDecimal("50")).traditionalMark());
        assertEquals(2, scale.gradeFor(new BigDecimal("49")).traditionalMark());
        assertEquals(0, new BigDecimal("0.5").compareTo(scale.gradeFor(new BigDecimal("30")).gpa()));
        assertEquals(0, new BigDecimal("3.67").compareTo(scale.gradeFor(new BigDecimal("90")).gpa()));
    }

    @Test
    void rejectsPercentagesOutsideZeroToHundred() {
        assertEquals("LETTER_SCALE_PERCENT_OUT_OF_RANGE",
                assertThrows(RuleViolation.class, () -> scale.gradeFor(new BigDecimal("100.01"))).code());
        assertEquals("LETTER_SCALE_PERCENT_OUT_OF_RANGE",
                assertThrows(RuleViolation.class, () -> scale.gradeFor(new BigDecimal("-0.01"))).code());
    }

    @Test
    void acceptsTheVariantWithFFromZeroToFortyNine() {
        LetterScale variant = LetterScale.parse("A:95:4.0:5,A-:90:3.67:5,B+:85:3.33:4,B:80:3.0:4,B-:75:2.67:4,"
                + "C+:70:2.33:4,C:65:2.0:3,C-:60:1.67:3,D+:55:1.33:3,D:50:1.0:3,F:0:0:2");
        assertEquals("F", variant.gradeFor(new BigDecimal("49.99")).letter());
    }

    @Test
    void roundTripsThroughItsConfigText() {
        assertEquals(LetterScale.DEFAULT_CONFIG, scale.toConfig());
        assertEquals(scale.bands(), LetterScale.parse(scale.toConfig()).bands());
    }

    @Test
    void rejectsATableThatDoesNotReachZero() {
        assertEquals("LETTER_SCALE_GAP",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:4.0:5,B:50:3.0:4,F:10:0:2")).code());
    }

    @Test
    void rejectsOverlappingOrUnorderedBands() {
        assertEquals("LETTER_SCALE_OVERLAP",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:4.0:5,B:90:3.0:4,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_OVERLAP",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("B:80:3.0:4,A:90:4.0:5,F:0:0:2")).code());
    }

    @Test
    void rejectsALowerBandWithMorePoints() {
        assertEquals("LETTER_SCALE_NOT_MONOTONIC",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:3.0:5,B:50:4.0:4,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_NOT_MONOTONIC",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:4.0:4,B:50:3.0:5,F:0:0:2")).code());
    }

    @Test
    void rejectsMalformedRows() {
        assertEquals("LETTER_SCALE_ROW_MALFORMED",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:4.0,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_ROW_MALFORMED",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:ninety:4.0:5,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_DUPLICATE_LETTER",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:4.0:5,A:50:3.0:4,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_BOUND_OUT_OF_RANGE",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:101:4.0:5,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_MARK_INVALID",
                assertThrows(RuleViolation.class, () -> LetterScale.parse("A:90:4.0:6,F:0:0:2")).code());
        assertEquals("LETTER_SCALE_EMPTY", assertThrows(RuleViolation.class, () -> LetterScale.parse(" ")).code());
    }
}
