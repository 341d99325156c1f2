package kz.adal.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import kz.adal.platform.Problem;
import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** The bank version's lifecycle (docs/domain/bank-version-lifecycle.md, 001 §5.19). */
class BankVersionLifecycleTest {

    private static final Instant AT = Instant.parse("2026-09-01T05:00:00Z");

    @Test
    void aDraftIsApprovedOnceAndThatIsFinal() {
        assertEquals(Set.of(BankVersionState.APPROVED), BankVersionState.DRAFT.next());
        assertEquals(Set.of(), BankVersionState.APPROVED.next());
        assertFalse(BankVersionState.APPROVED.canMoveTo(BankVersionState.DRAFT));
        assertFalse(BankVersionState.DRAFT.canMoveTo(BankVersionState.DRAFT));
        assertTrue(BankVersionState.APPROVED.isFrozen());
        assertFalse(BankVersionState.DRAFT.isFrozen());
    }

    @Test
    void approvingFreezesTheVersion() {
        BankVersion v = new BankVersion();
        v.number = 2;
        v.requireEditable();
        v.approve(AT);
        assertEquals(BankVersionState.APPROVED, v.state);
        assertEquals(AT, v.frozenAt);
        assertEquals("VERSION_FROZEN", assertThrows(Problem.class, v::requireEditable).code());
    }

    @Test
    void anApprovedVersionIsNotApprovedOrSubmittedAgain() {
        BankVersion v = new BankVersion();
        v.number = 1;
        v.approve(AT);
        RuleViolation e = assertThrows(RuleViolation.class, () -> v.approve(AT.plusSeconds(60)));
        assertEquals("ALREADY_APPROVED", e.code());
        assertEquals(409, e.status());
        assertEquals(AT, v.frozenAt);
        assertEquals("ALREADY_APPROVED", assertThrows(RuleViolation.class, v::requireDraft).code());
    }
}
