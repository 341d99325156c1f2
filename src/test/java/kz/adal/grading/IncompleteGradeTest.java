package kz.adal.grading;

import kz.adal.platform.RuleViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IncompleteGradeTest {

    private static final LocalDate AWARDED = LocalDate.of(2026, 6, 1);
    private static final LocalDate PERIOD_END = LocalDate.of(2026, 8, 15);

    @Test
    void isDueAtTheEndOfTheAcademicPeriod() { // 001 §6.15.2
        assertEquals(PERIOD_END, IncompleteGrade.award(AWARDED, PERIOD_END, false).dueDate());
    }

    @Test
    void isDueOnTenthJulyForAMastersApplicantWhenThePeriodEndsLater() {
        assertEquals(LocalDate.of(2026, 7, 10), IncompleteGrade.award(AWARDED, PERIOD_END, true).dueDate());
    }

    @Test
    void keepsTheEarlierPeriodEndForAMastersApplicant() {
        LocalDate periodEnd = LocalDate.of(2026, 6, 30);
        assertEquals(periodEnd, IncompleteGrade.award(AWARDED, periodEnd, true).dueDate());
    }

    @Test
    void usesNextYearsTenthJulyWhenGivenAfterIt() {
        LocalDate winter = LocalDate.of(2026, 12, 20);
        assertEquals(LocalDate.of(2027, 1, 25), IncompleteGrade.dueDate(winter, LocalDate.of(2027, 1, 25), true));
        assertEquals(LocalDate.of(2027, 7, 10), IncompleteGrade.dueDate(winter, LocalDate.of(2027, 8, 1), true));
    }

    @Test
    void turnsIntoFTheDayAfterTheDueDate() {
        IncompleteGrade i = IncompleteGrade.award(AWARDED, PERIOD_END, true);
        assertEquals("I", i.effectiveGrade(LocalDate.of(2026, 7, 10)));
        assertEquals("F", i.effectiveGrade(LocalDate.of(2026, 7, 11)));
    }

    @Test
    void showsTheClearingGradeOnceCleared() {
        IncompleteGrade cleared = IncompleteGrade.award(AWARDED, PERIOD_END, false).clear(PERIOD_END, "B+");
        assertEquals("I", cleared.effectiveGrade(PERIOD_END.minusDays(1)));
        assertEquals("B+", cleared.effectiveGrade(PERIOD_END));
        assertEquals("B+", cleared.effectiveGrade(PERIOD_END.plusYears(1)));
    }

    @Test
    void refusesToClearAfterTheDueDate() {
        IncompleteGrade i = IncompleteGrade.award(AWARDED, PERIOD_END, false);
        assertEquals("INCOMPLETE_OVERDUE",
                assertThrows(RuleViolation.class, () -> i.clear(PERIOD_END.plusDays(1), "C")).code());
    }

    @Test
    void refusesToClearWithIOrTwice() {
        IncompleteGrade i = IncompleteGrade.award(AWARDED, PERIOD_END, false);
        assertEquals("INCOMPLETE_GRADE_INVALID", assertThrows(RuleViolation.class, () -> i.clear(AWARDED, "I")).code());
        IncompleteGrade cleared = i.clear(AWARDED, "A");
        assertEquals("INCOMPLETE_ALREADY_CLEARED", assertThrows(RuleViolation.class, () -> cleared.clear(AWARDED, "B")).code());
    }

    @Test
    void refusesAPeriodThatEndedBeforeTheAward() {
        assertEquals("INCOMPLETE_PERIOD_ENDED", assertThrows(RuleViolation.class,
                () -> IncompleteGrade.award(AWARDED, AWARDED.minusDays(1), false)).code());
    }
}
