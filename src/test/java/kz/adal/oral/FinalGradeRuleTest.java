package kz.adal.oral;

import kz.adal.platform.RuleViolation;

import kz.adal.grading.LetterScale;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinalGradeRuleTest {
    static final LetterScale SCALE = LetterScale.defaultScale();
    static final UUID CHAIR = UUID.randomUUID();
    static final UUID M1 = UUID.randomUUID();
    static final UUID M2 = UUID.randomUUID();
    static final UUID M3 = UUID.randomUUID();

    static Map<UUID, Integer> grades(int chair, int... members) {
        Map<UUID, Integer> g = new LinkedHashMap<>();
        g.put(CHAIR, chair);
        UUID[] ids = {M1, M2, M3};
        for (int i = 0; i < members.length; i++) g.put(ids[i], members[i]);
        return g;
    }

    @Test
    void meanIsRoundedHalfUp() {
        // (80 + 85 + 86) / 3 = 83.67 → 84 → B
        FinalGradeRule.Outcome o = FinalGradeRule.MEAN.apply(grades(80, 85, 86), CHAIR, SCALE);
        assertEquals(84, o.points());
        assertEquals("B", o.band().letter());
        assertFalse(o.chairDecided());
        // (90 + 90 + 91) / 3 = 90.33 → 90; (89 + 90 + 90) / 3 = 89.67 → 90; 89.5 exactly rounds up
        assertEquals(90, FinalGradeRule.MEAN.apply(grades(89, 90, 90), CHAIR, SCALE).points());
        assertEquals(87, FinalGradeRule.MEAN.apply(grades(86, 87), CHAIR, SCALE).points(), "86.5 rounds half-up");
    }

    @Test
    void medianTakesTheMiddleGrade() {
        assertEquals(70, FinalGradeRule.MEDIAN.apply(grades(40, 70, 95), CHAIR, SCALE).points());
        assertEquals(57, FinalGradeRule.MEAN.apply(grades(10, 70, 91), CHAIR, SCALE).points());
        assertEquals(70, FinalGradeRule.MEDIAN.apply(grades(10, 70, 91), CHAIR, SCALE).points());
        assertEquals(75, FinalGradeRule.MEDIAN.apply(grades(60, 74, 75, 99), CHAIR, SCALE).points(), "74.5 rounds half-up");
    }

    @Test
    void theChairDecidesAnEvenSplitAcrossTwoLetters() {
        // two grades in B (80, 82) and two in A− (92, 94): split 2–2 → the chair's 82 decides, not the mean 87 (B+)
        FinalGradeRule.Outcome o = FinalGradeRule.MEAN.apply(grades(82, 80, 92, 94), CHAIR, SCALE);
        assertTrue(o.chairDecided());
        assertEquals(82, o.points());
        assertEquals("B", o.band().letter());
        assertTrue(o.explanation().contains("chair"));
        // the same under MEDIAN
        assertEquals(82, FinalGradeRule.MEDIAN.apply(grades(82, 80, 92, 94), CHAIR, SCALE).points());
    }

    @Test
    void anUnevenOrThreeWaySpreadIsNotASplit() {
        // 3 grades can't split evenly; 2–1–1 over three letters isn't a split either
        assertFalse(FinalGradeRule.MEAN.apply(grades(80, 92, 94), CHAIR, SCALE).chairDecided());
        assertFalse(FinalGradeRule.MEAN.apply(grades(80, 81, 92, 70), CHAIR, SCALE).chairDecided());
        // all in one letter: no split
        assertFalse(FinalGradeRule.MEAN.apply(grades(80, 81, 82, 83), CHAIR, SCALE).chairDecided());
    }

    @Test
    void refusesPointsOutsideTheScaleAndAMissingChair() {
        assertEquals("ORAL_POINTS_RANGE", assertThrows(RuleViolation.class,
                () -> FinalGradeRule.MEAN.apply(grades(101, 80), CHAIR, SCALE)).code());
        assertEquals("ORAL_POINTS_RANGE", assertThrows(RuleViolation.class,
                () -> FinalGradeRule.MEAN.apply(grades(80, -1), CHAIR, SCALE)).code());
        assertEquals("ORAL_CHAIR_GRADE_MISSING", assertThrows(RuleViolation.class,
                () -> FinalGradeRule.MEAN.apply(Map.of(M1, 80), CHAIR, SCALE)).code());
    }
}
