package kz.adal.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;

import kz.adal.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/** The exam's lifecycle (docs/domain/exam-lifecycle.md). */
class ExamLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-10T05:00:00Z");

    private static Exam in(ExamState state) {
        Exam e = new Exam();
        e.state = state;
        e.attestationKey = "key";
        return e;
    }

    @Test
    void theTableHasExactlyTheDocumentedMoves() {
        assertEquals(Set.of(ExamState.PUBLISHED, ExamState.CANCELLED), ExamState.DRAFT.next());
        assertEquals(Set.of(ExamState.CANCELLED), ExamState.PUBLISHED.next());
        assertEquals(Set.of(), ExamState.CANCELLED.next());
        for (ExamState from : ExamState.values()) {
            for (ExamState to : ExamState.values()) {
                assertEquals(from.next().contains(to), from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void aDraftIsPublishedThenCancelledWithTheTimes() {
        Exam e = in(ExamState.DRAFT);
        e.requireEditable();
        e.publish(AT);
        assertEquals(ExamState.PUBLISHED, e.state);
        assertEquals(AT, e.publishedAt);
        e.cancel("the room flooded", AT.plusSeconds(60));
        assertEquals(ExamState.CANCELLED, e.state);
        assertEquals(AT.plusSeconds(60), e.cancelledAt);
        assertEquals("the room flooded", e.cancelReason);
        assertNull(e.attestationKey); // released for another exam of the discipline
    }

    @Test
    void onlyADraftIsEditedOrPublished() {
        for (ExamState s : new ExamState[] {ExamState.PUBLISHED, ExamState.CANCELLED}) {
            Exam e = in(s);
            assertEquals("EXAM_NOT_EDITABLE", assertThrows(RuleViolation.class, e::requireEditable).code());
            RuleViolation p = assertThrows(RuleViolation.class, () -> e.publish(AT));
            assertEquals("BAD_TRANSITION", p.code());
            assertEquals(409, p.status());
            assertEquals(s, e.state);
            assertNull(e.publishedAt);
        }
    }

    @Test
    void aCancelledExamIsNotCancelledAgain() {
        Exam e = in(ExamState.CANCELLED);
        assertEquals("BAD_TRANSITION", assertThrows(RuleViolation.class, () -> e.cancel("again", AT)).code());
        assertNull(e.cancelledAt);
        assertEquals("key", e.attestationKey);
    }
}
