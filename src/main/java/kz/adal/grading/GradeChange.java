package kz.adal.grading;

import java.util.UUID;

/**
 * A grade changed after the fact (an upheld appeal, 001 §6.15.5), as the feature that owns the grade reports it:
 * a test attempt (values are percentages, scope the exam) or an oral turn (values are points, scope the sitting).
 * One record for both, so that casework keeps one kind of grade-change record whatever was graded.
 *
 * @param subjectId the attempt or the oral turn
 * @param scopeId   the exam or the oral sitting
 * @param before    the value before, as shown ({@code "85.00"} or {@code "72"}; {@code "null"} when there was none)
 * @param after     the value after, as shown
 */
public record GradeChange(UUID subjectId, UUID scopeId, UUID studentId, String before, String beforeLetter,
                          String after, String afterLetter) {
}
