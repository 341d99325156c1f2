package kz.adal.proctoring;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceCheckBudgetTest {

    @Test
    void aSnapshotFindingEverySlotBusyIsSkippedAndCounted() {
        FaceCheckBudget budget = new FaceCheckBudget(2, new SimpleMeterRegistry());
        assertTrue(budget.take());
        assertTrue(budget.take());
        assertFalse(budget.take(), "a third check while two run");
        assertEquals(1, budget.skipped());
        budget.done();
        assertTrue(budget.take(), "a finished check gives its slot back");
        assertFalse(budget.take());
        assertEquals(2, budget.skipped());
    }
}
