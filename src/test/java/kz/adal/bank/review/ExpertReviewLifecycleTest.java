package kz.adal.bank.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import kz.adal.bank.review.ExpertReview.State;
import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** The expert review's lifecycle (docs/domain/expert-review-lifecycle.md, 001 §5.25–5.26). */
class ExpertReviewLifecycleTest {

    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 8, 31);
    private static final Instant AT = Instant.parse("2026-09-01T05:00:00Z");

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(State.CONCLUDED), State.ASSIGNED.next());
        assertEquals(Set.of(), State.CONCLUDED.next());
        assertFalse(State.CONCLUDED.canMoveTo(State.ASSIGNED));
        assertFalse(State.ASSIGNED.canMoveTo(State.ASSIGNED));
    }

    @Test
    void aConclusionFitForComputerTestingCoversItsYear() {
        ExpertReview r = new ExpertReview();
        r.conclude(true, true, true, "fine", Conclusion.FIT, true, false, FROM, UNTIL, AT);
        assertEquals(State.CONCLUDED, r.state);
        assertTrue(r.allowsComputerTestingOn(FROM));
        assertFalse(r.allowsComputerTestingOn(UNTIL.plusDays(1)));
        assertFalse(r.forWritten);
    }

    @Test
    void aNotFitConclusionAllowsNoUse() {
        ExpertReview r = new ExpertReview();
        r.conclude(false, true, true, "wording", Conclusion.NOT_FIT, true, true, FROM, UNTIL, AT);
        assertFalse(r.forComputer);
        assertFalse(r.allowsComputerTestingOn(FROM));
    }

    @Test
    void aSignedConclusionIsNeverRewritten() { // 001 §5.26: a re-review makes a new conclusion
        ExpertReview r = new ExpertReview();
        r.conclude(true, true, true, "fine", Conclusion.FIT, true, false, FROM, UNTIL, AT);
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> r.conclude(false, false, false, "changed", Conclusion.NOT_FIT, false, false, FROM, UNTIL, AT));
        assertEquals("REVIEW_CONCLUDED", e.code());
        assertEquals(409, e.status());
        assertEquals(Conclusion.FIT, r.conclusion);
        assertEquals("REVIEW_CONCLUDED", assertThrows(RuleViolation.class, r::requireOpen).code());
    }
}
