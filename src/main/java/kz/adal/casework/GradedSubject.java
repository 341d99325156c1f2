package kz.adal.casework;

import kz.adal.grading.GradeChange;
import kz.adal.identity.CurrentUser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "The graded thing" an act or an appeal is about: a test attempt in an exam, or an oral turn in a sitting
 * (001 §6.15.2–6.15.6). Acts and appeals keep their own rules (votes, deadlines, signatures) and ask this port for
 * what differs between the two, so that {@link ActService} and {@link AppealService} do not branch on the kind.
 * The implementations are casework's adapters onto the attempt and oral features ({@link TestAttemptSubject},
 * {@link OralTurnSubject}); casework depends on those features, never the other way (docs/architecture.md).
 *
 * <p>Every subject has an id (the attempt or the turn) and a scope (the exam or the sitting) under which its
 * audit entries and commissions are kept.
 */
interface GradedSubject {

    /** {@code TEST} or {@code ORAL}: the name of {@link Act.Kind} and {@link Appeal.Kind}. */
    String kind();

    /** What a scope is called when it is shown: the exam's title, or the sitting's title and date. */
    record Scope(String title, LocalDate date) {
    }

    /** The exam or the sitting, when it exists. */
    Optional<Scope> scope(UUID scopeId);

    /** What the subject is called when its scope is gone ("the test", "the oral exam"). */
    String unnamed();

    /** The scope's noun in a "not found" answer ("Exam", "Sitting"). */
    String scopeNoun();

    // ------------------------------------------------------------------ appeals

    /** A result the student may appeal, with the two instants its filing window is counted from (001 §6.15.4). */
    record Appealable(UUID subjectId, UUID scopeId, String title, String grade, Instant endedAt, Instant resultAt) {
    }

    /** The student's results of this kind since {@code since}, newest first (shown with their filing windows). */
    List<Appealable> appealable(UUID studentId, Instant since, Instant now);

    /** The result the student appeals, checked: theirs, graded and announced; refused in the subject's words. */
    Appealable toAppeal(UUID studentId, UUID subjectId);

    /** The grade as it stands now, as shown ({@code "85.00% B+"}, {@code "72 C+"}), or null. */
    String currentGrade(UUID subjectId);

    /** Whether the decision carries a new grade (a percentage for a test, points for an oral exam). */
    boolean carriesNewGrade(AppealService.DecisionRequest r);

    /** The refusal's text when an upheld appeal gives no new grade. */
    String newGradeRequired();

    /** Changes the grade through the owning feature's one audited method for an upheld appeal (001 §6.15.5). */
    GradeChange changeGradeOnAppeal(UUID subjectId, AppealService.DecisionRequest r, UUID appealId, String note);

    /** Whether the student may hand in an answer receipt with the appeal (only a test attempt issues them). */
    boolean takesAnswerReceipt();

    /**
     * Who graded in this scope, with the role that makes them so (chair, member, secretary, head for a sitting;
     * teacher for a test): none of them may sit on the appeal commission (001 §6.15.4).
     */
    Map<UUID, Grader> graders(UUID scopeId);

    /** Why someone counts as a grader of a scope, and so may not sit on its appeal commission (001 §6.15.4). */
    enum Grader {
        /** Chairs the sitting's examining commission. */
        CHAIR,
        /** Graded the sitting as a commission member. */
        MEMBER,
        /** The sitting's technical secretary. */
        SECRETARY,
        /** Ran the sitting's ticket draw. */
        HEAD,
        /** Set and graded the test. */
        TEACHER
    }

    // ------------------------------------------------------------------ technical-failure acts

    /** The commission that votes on the scope's acts. */
    ActCommission commission(UUID scopeId);

    /** Whether this person drafts, completes and signs the act (001 §6.15.6). */
    boolean mayDraft(UUID scopeId, UUID subjectId, CurrentUser me);

    /** The subject's lifecycle state as shown on the act (the attempt's state), or null when it has none to show. */
    String state(UUID subjectId);

    /**
     * Carries out the commission's decision (one of the kind's options other than REJECT) in the same transaction:
     * sets what the act keeps about it, adds to the audit {@code detail}, and returns what the student is told.
     */
    String carryOut(Act act, ActDecision decision, ActService.Decision d, UUID chairId, Map<String, Object> detail, Supplier<byte[]> actPdf);
}
