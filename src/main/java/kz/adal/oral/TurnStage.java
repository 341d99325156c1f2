package kz.adal.oral;

import java.util.EnumSet;
import java.util.Set;

/**
 * One student's oral exam, stage by stage (001 §6.15.6). The allowed moves are said once, here;
 * {@link OralTurn} has the verbs that check them.
 *
 * <pre>
 * WAITING → CHECKED (identity, desk and room passed) → PREPARING (ticket drawn, up to 20 min)
 *   → PREPARED (time up or ended early) → ANSWERING (all members present, with the student's audio and
 *     video reaching each of them, up to 15 min) ⇄ ANSWER_PAUSED (the link was lost longer than allowed;
 *     the clock stops; the chair resumes once the link is back)
 *   → GRADING → GRADED (every member graded) → PUBLISHED (the chair announced, the same day)
 * any stage from CHECKED to GRADING (ANSWER_PAUSED included) → TECHNICAL_FAILURE (lost connection; "I" until the re-sit)
 * </pre>
 */
public enum TurnStage {
    WAITING, CHECKED, PREPARING, PREPARED, ANSWERING, ANSWER_PAUSED, GRADING, GRADED, PUBLISHED, TECHNICAL_FAILURE;

    public boolean canMoveTo(TurnStage next) {
        return switch (this) {
            case WAITING -> next == CHECKED;
            case CHECKED -> next == PREPARING || next == TECHNICAL_FAILURE;
            case PREPARING -> next == PREPARED || next == TECHNICAL_FAILURE;
            case PREPARED -> next == ANSWERING || next == TECHNICAL_FAILURE;
            case ANSWERING -> next == GRADING || next == ANSWER_PAUSED || next == TECHNICAL_FAILURE;
            case ANSWER_PAUSED -> next == ANSWERING || next == GRADING || next == TECHNICAL_FAILURE;
            case GRADING -> next == GRADED || next == TECHNICAL_FAILURE;
            case GRADED -> next == PUBLISHED;
            case PUBLISHED, TECHNICAL_FAILURE -> false;
        };
    }

    /** The student is in front of the commission: the room is "live" for this turn. */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public boolean isFinished() {
        return this == GRADED || this == PUBLISHED || this == TECHNICAL_FAILURE;
    }

    private static final Set<TurnStage> ACTIVE = EnumSet.of(CHECKED, PREPARING, PREPARED, ANSWERING, ANSWER_PAUSED, GRADING);
}
