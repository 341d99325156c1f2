package kz.adal.casework;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job's rule: an uncleared "I" turns into "F" the day after its due date (001 §6.15.2). */
class IncompleteLapseTest {

    static Incomplete i(LocalDate awarded, LocalDate due) {
        Incomplete i = new Incomplete();
        i.awardedOn = awarded;
        i.dueOn = due;
        i.grade = "I";
        return i;
    }

    @Test
    void theDueDateItselfIsStillInTimeTheNextDayIsF() {
        Incomplete i = i(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        assertFalse(i.lapsesOn(LocalDate.of(2026, 7, 10)));
        assertTrue(i.lapsesOn(LocalDate.of(2026, 7, 11)));
    }

    @Test
    void aClearedOrAlreadyLapsedGradeDoesNotLapseAgain() {
        Incomplete cleared = i(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        cleared.clearedOn = LocalDate.of(2026, 6, 20);
        cleared.grade = "B+";
        assertFalse(cleared.lapsesOn(LocalDate.of(2026, 8, 1)));
        Incomplete f = i(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10));
        f.grade = "F";
        assertFalse(f.lapsesOn(LocalDate.of(2026, 8, 1)));
    }
}
