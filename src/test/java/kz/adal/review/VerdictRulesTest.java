package kz.adal.review;

import kz.adal.review.VerdictRules.Current;
import kz.adal.platform.RuleViolation;
import kz.adal.review.VerdictRules.Verdict;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictRulesTest {

    private static String code(Runnable r) {
        return assertThrows(RuleViolation.class, r::run).code();
    }

    @Test
    void aFirstVerdictNeedsAReasonAndAFinishedAttempt() {
        assertEquals("Seen on camera with notes", VerdictRules.verdict(Current.NONE, Verdict.ANNULLED, "  Seen on camera with notes ", null, true));
        assertEquals("VERDICT_REASON_REQUIRED", code(() -> VerdictRules.verdict(Current.NONE, Verdict.VALID, "  ", null, true)));
        assertEquals("VERDICT_INVALID", code(() -> VerdictRules.verdict(Current.NONE, null, "x", null, true)));
        assertEquals("ATTEMPT_NOT_FINISHED", code(() -> VerdictRules.verdict(Current.NONE, Verdict.VALID, "fine", null, false)));
        assertEquals("TEXT_TOO_LONG", code(() -> VerdictRules.verdict(Current.NONE, Verdict.VALID, "x".repeat(2001), null, true)));
    }

    @Test
    void aChangeNeedsANewReasonAndTheVersionSeen() {
        Current valid = new Current(Verdict.VALID, "Flags explained by a power cut", 0);
        assertEquals("Notes visible at 10:23", VerdictRules.verdict(valid, Verdict.ANNULLED, "Notes visible at 10:23", 0, true));
        assertEquals("VERDICT_NEW_REASON_REQUIRED",
                code(() -> VerdictRules.verdict(valid, Verdict.ANNULLED, "Flags explained by a power cut", 0, true)));
        assertEquals("VERDICT_UNCHANGED", code(() -> VerdictRules.verdict(valid, Verdict.VALID, "Flags explained by a power cut", 0, true)));
        // someone else decided meanwhile: the stale edit is refused, not written over theirs
        assertEquals("REVIEW_VERSION_CONFLICT", code(() -> VerdictRules.verdict(valid, Verdict.ANNULLED, "new", null, true)));
        assertEquals("REVIEW_VERSION_CONFLICT", code(() -> VerdictRules.verdict(new Current(Verdict.VALID, "a", 3), Verdict.ANNULLED, "b", 2, true)));
        // a first verdict sent with a version means the client saw one that is gone
        assertEquals("REVIEW_VERSION_CONFLICT", code(() -> VerdictRules.verdict(Current.NONE, Verdict.VALID, "ok", 0, true)));
    }

    @Test
    void onlyAnnulmentAndResitTakeTheResitAway() {
        assertFalse(Verdict.VALID.annulsResult());
        assertTrue(Verdict.ANNULLED.annulsResult());
        assertTrue(Verdict.RESIT.annulsResult());
        assertEquals(Verdict.RESIT, VerdictRules.parse("re-sit"));
        assertEquals(Verdict.ANNULLED, VerdictRules.parse("annulled"));
        assertEquals(null, VerdictRules.parse("maybe"));
    }

    @Test
    void aFlagDecisionNeedsAComment() {
        assertEquals("Phone visible", VerdictRules.flagComment(" Phone visible "));
        assertEquals("FLAG_COMMENT_REQUIRED", code(() -> VerdictRules.flagComment("")));
        assertEquals("FLAG_COMMENT_REQUIRED", code(() -> VerdictRules.flagComment(null)));
    }
}
