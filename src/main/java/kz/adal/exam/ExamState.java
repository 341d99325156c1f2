package kz.adal.exam;

import kz.adal.platform.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * An exam is prepared as a DRAFT, PUBLISHED to its group, and CANCELLED if it must not run. The verbs
 * of {@link Exam} take these moves (docs/domain/exam-lifecycle.md).
 */
public enum ExamState implements Lifecycle<ExamState> {
    /** Being defined; the only state in which the definition is edited. */
    DRAFT,
    /** Visible to its group; students start it inside its window. */
    PUBLISHED,
    /** Must not run (with the reason). Final. */
    CANCELLED;

    public Set<ExamState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PUBLISHED, CANCELLED);
            case PUBLISHED -> EnumSet.of(CANCELLED);
            case CANCELLED -> EnumSet.noneOf(ExamState.class);
        };
    }

    /** Only a draft's definition is edited. */
    public boolean isEditable() {
        return this == DRAFT;
    }
}
