package kz.adal.exam;

/** An exam is prepared as a DRAFT, PUBLISHED to its group, and CANCELLED if it must not run. */
public enum ExamState {
    DRAFT, PUBLISHED, CANCELLED;

    public boolean canMoveTo(ExamState next) {
        return switch (this) {
            case DRAFT -> next == PUBLISHED || next == CANCELLED;
            case PUBLISHED -> next == CANCELLED;
            case CANCELLED -> false;
        };
    }
}
